package org.swarmbid.app.gui;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.session.Engine;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.DesktopServices;
import org.swarmbid.ui.DisplayUnavailableException;
import org.swarmbid.ui.ScreenFactory;
import org.swarmbid.ui.common.BalanceSource;
import org.swarmbid.ui.common.EarningsSource;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;

/**
 * Starts the desktop client: single-instance check, engine session from the saved settings, the JavaFX shell, and a
 * clean shutdown (the session announces {@code stopped} and saves resume data) when the user quits.
 */
public final class GuiLauncher {
    /** Exit code when there is no display or the window cannot open. */
    public static final int NO_DISPLAY = 1;
    private final Path stateDir;
    private final InetAddress bind;
    private final PrintStream err;
    private final List<ScreenFactory> extraScreens;
    private final EarningsSource earnings;
    private final BalanceSource balance;

    /**
     * @param bind         local address to listen on (null = all interfaces)
     * @param extraScreens wallet, bidding, ... screens (empty until those are wired)
     */
    public GuiLauncher(Path stateDir, InetAddress bind, PrintStream err, List<ScreenFactory> extraScreens,
            EarningsSource earnings, BalanceSource balance) {
        this.stateDir = stateDir;
        this.bind = bind;
        this.err = err;
        this.extraScreens = List.copyOf(extraScreens);
        this.earnings = earnings;
        this.balance = balance;
    }

    /** Runs until the user quits; returns the exit code. */
    public int run(List<Path> torrents) throws IOException {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("swarmbid: no display available (DISPLAY is not set); use the command-line subcommands,"
                    + " see 'swarmbid --help'");
            return NO_DISPLAY;
        }
        try (SingleInstance instance = SingleInstance.acquire(stateDir)) {
            if (!instance.primary()) {
                instance.handOff(torrents, Duration.ofSeconds(10));
                return 0;
            }
            SettingsStore store = new SettingsStore(stateDir);
            Settings settings = store.load();
            SessionConfig config = settings.applyTo(SessionConfig.defaults(stateDir).withBind(bind, settings.port()));
            Engine engine;
            try {
                engine = Engine.start(config, List.of());
            } catch (IOException e) {
                err.println("swarmbid: cannot listen on port " + settings.port() + ": " + e.getMessage()
                        + " (change the port in " + store.file() + ")");
                return 1;
            }
            Thread hook = new Thread(engine::close, "swarmbid-gui-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Desktop desktop;
                try {
                    desktop = Desktop.start(new DesktopServices(engine, stateDir, store, earnings, balance),
                            extraScreens);
                } catch (DisplayUnavailableException e) {
                    err.println("swarmbid: " + e.getMessage());
                    return NO_DISPLAY;
                }
                instance.listen(new SingleInstance.Handler() {
                    @Override
                    public void open(Path torrentFile) {
                        desktop.open(torrentFile);
                    }

                    @Override
                    public void show() {
                        desktop.bringToFront();
                    }
                });
                torrents.forEach(desktop::open);
                desktop.awaitExit();
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            } finally {
                engine.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
    }
}
