package org.swarmbid.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.swarmbid.app.gui.GuiLauncher;
import org.swarmbid.app.gui.DemoWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmbid gui [FILE.torrent...]}: the desktop client (also what {@code swarmbid} with no arguments runs). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the desktop client; torrent files given are added to it.",
            "If it is already running, the files are handed to the running window and this exits 0."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.torrent", arity = "0..*")
    List<Path> torrents = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where settings and resume data are kept (default: $SWARMBID_HOME, else ~/.local/share/swarmbid)")
    Path stateDir;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "local address to listen on and connect from (default: all interfaces)")
    String bind;

    @Option(names = "--demo",
            description = {"Try it without any set-up: a private TRON devnet, a funded demo wallet and a local seeder"
                + " selling paid slots run inside the window, and a demo torrent downloads with bidding on.",
                "Uses a temporary folder; never your state folder or wallet."})
    boolean demo;

    @Override
    public Integer call() throws IOException {
        SessionOptions paths = new SessionOptions();
        paths.stateDir = stateDir;
        InetAddress address = null;
        if (bind != null) {
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new UsageException("--bind: unknown address '" + bind + "'");
            }
        }
        GuiLauncher launcher = new GuiLauncher(paths.stateDir(), address, System.err);
        if (demo) {
            if (!torrents.isEmpty() || stateDir != null) {
                throw new UsageException("--demo takes no torrent files and no --state-dir (it uses its own folder)");
            }
            return launcher.runDemo(DemoWorld.Options.defaults());
        }
        return launcher.run(torrents.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }
}
