package org.swarmbid.app.gui;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.DisplayUnavailableException;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.torrents.TorrentLibrary;

/**
 * Starts the desktop client: display check, single-instance check, the {@link GuiApp} (session, ledger, payments,
 * wallet and bidding screens), the JavaFX shell, and a clean shutdown (the session announces {@code stopped} and
 * saves resume data) when the user quits. {@link #runDemo} does the same on a {@link DemoWorld}.
 */
public final class GuiLauncher {
    /** Exit code when there is no display or the window cannot open. */
    public static final int NO_DISPLAY = 1;
    /** The demo's banner. */
    static final String DEMO_BANNER = "Demo: a private TRON devnet and a seeder that sells paid upload slots run"
            + " inside this window; your own wallet and torrents are not touched. Demo wallet password: \""
            + DemoWorld.PASSWORD + "\".";
    private final Path stateDir;
    private final InetAddress bind;
    private final PrintStream err;

    /** @param bind local address to listen on (null = all interfaces) */
    public GuiLauncher(Path stateDir, InetAddress bind, PrintStream err) {
        this.stateDir = stateDir;
        this.bind = bind;
        this.err = err;
    }

    private boolean noDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("swarmbid: no display available (DISPLAY is not set); use the command-line subcommands,"
                    + " see 'swarmbid --help'");
            return true;
        }
        return false;
    }

    /** Runs until the user quits; returns the exit code. */
    public int run(List<Path> torrents) throws IOException {
        if (noDisplay()) {
            return NO_DISPLAY;
        }
        try (SingleInstance instance = SingleInstance.acquire(stateDir)) {
            if (!instance.primary()) {
                instance.handOff(torrents, Duration.ofSeconds(10));
                return 0;
            }
            GuiApp app;
            try {
                app = GuiApp.open(stateDir, bind, GuiWallets.of(stateDir));
            } catch (IOException | RuntimeException e) {
                err.println("swarmbid: " + OneLine.of(e));
                return 1;
            }
            return runWindow(app, desktop -> {
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
            }, () -> { });
        }
    }

    /**
     * {@code swarmbid --demo}: a {@link DemoWorld} in a temporary folder and the window on it, with the demo torrent
     * downloading from the seeder with bidding on. Everything is deleted when the user quits.
     */
    public int runDemo(DemoWorld.Options options) throws IOException {
        if (noDisplay()) {
            return NO_DISPLAY;
        }
        err.println("swarmbid: starting the demo (a private devnet, a funded demo wallet and a paid seeder)...");
        try (DemoWorld world = DemoWorld.start(options)) {
            GuiApp app;
            try {
                app = openDemo(world);
            } catch (IOException | RuntimeException e) {
                err.println("swarmbid: the demo could not start: " + OneLine.of(e));
                return 1;
            }
            return runWindow(app, desktop -> desktop.banner(DEMO_BANNER), world);
        }
    }

    /**
     * The desktop client on the demo user's folder: payments on with the demo wallet's own key, the demo torrent
     * added and connected to the seeder. The caller shows and closes it.
     */
    static GuiApp openDemo(DemoWorld world) throws IOException {
        SettingsStore store = new SettingsStore(world.userState());
        SessionConfig config = store.load().applyTo(SessionConfig.defaults(world.userState()))
                .withBind(InetAddress.getLoopbackAddress(), 0);
        GuiApp app = GuiApp.open(world.userState(), world.userWallets(), store, config);
        try {
            DemoWorld.Unlocked u = world.unlockUser();
            app.payments().startWithOwnKey(DemoWorld.userBidding(), u.service(), u.key());
            new TorrentLibrary(world.userState()).remember(world.torrent(), world.downloads(), false);
            TorrentHandle h = app.session().add(world.torrent(), AddOptions.in(world.downloads()));
            h.connect(world.seederAddress());
            return app;
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    interface Shown {
        void accept(Desktop desktop) throws IOException;
    }

    private int runWindow(GuiApp app, Shown shown, AutoCloseable after) throws IOException {
        return runWindow(app, org.swarmbid.ui.tray.SeedingTray.HOST, shown, after);
    }

    /**
     * Shows the window with {@code tray}, runs until the user quits (tray "Quit", or closing the window when there
     * is no tray), then closes the app: the session stops. Package-private so tests can pass a tray without AWT.
     */
    int runWindow(GuiApp app, org.swarmbid.ui.tray.TrayHost tray, Shown shown, AutoCloseable after)
            throws IOException {
        Thread hook = new Thread(() -> {
            app.close();
            try {
                after.close(); // Ctrl-C in the demo: the seeder, the devnet and the demo folder go too
            } catch (Exception e) {
                err.println("swarmbid: " + OneLine.of(e));
            }
        }, "swarmbid-gui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Desktop desktop;
            try {
                desktop = app.show(tray);
            } catch (DisplayUnavailableException e) {
                err.println("swarmbid: " + e.getMessage());
                return NO_DISPLAY;
            }
            shown.accept(desktop);
            desktop.awaitExit();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            app.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }
}
