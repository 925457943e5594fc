package org.swarmbid.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.swarmbid.ui.common.Background;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.torrents.TorrentsController;
import org.swarmbid.ui.tray.SeedingTray;
import org.swarmbid.ui.tray.TrayController;
import org.swarmbid.ui.tray.TrayHost;

/**
 * The desktop client's lifecycle: starts JavaFX, shows the {@link MainWindow}, adds the tray icon, and waits until
 * the user quits. With a tray, closing the window only hides it and the engine keeps seeding
 * ({@code Platform.setImplicitExit(false)}); without one, closing the window quits.
 *
 * <pre>
 *   Desktop d = Desktop.start(services, List.of(ctx -&gt; new WalletController(...)));
 *   d.open(path);        // from any thread, e.g. a second launch handing over a .torrent
 *   d.awaitExit();       // returns after Quit; then app closes the session
 * </pre>
 */
public final class Desktop {
    private final CountDownLatch exited = new CountDownLatch(1);
    private final Background background = new Background(2);
    private Stage stage;
    private MainWindow window;
    private Optional<TrayHost.TrayIcon> tray = Optional.empty();
    private TrayController trayController;
    private Timeline trayTimer;

    private Desktop() {
    }

    /**
     * Starts the toolkit (if needed) and shows the main window. Returns once the window is showing.
     *
     * @throws DisplayUnavailableException if JavaFX cannot open a display
     */
    public static Desktop start(DesktopServices services, List<ScreenFactory> extraScreens)
            throws DisplayUnavailableException {
        return start(services, extraScreens, SeedingTray.HOST);
    }

    /**
     * As above with the tray of {@code trayHost} ({@link TrayHost#NONE}: none, closing the window quits).
     *
     * @throws DisplayUnavailableException if JavaFX cannot open a display
     */
    public static Desktop start(DesktopServices services, List<ScreenFactory> extraScreens, TrayHost trayHost)
            throws DisplayUnavailableException {
        Desktop d = new Desktop();
        startToolkit();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                d.showWindow(services, extraScreens);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                shown.countDown();
            }
        });
        try {
            if (!shown.await(60, TimeUnit.SECONDS)) {
                throw new DisplayUnavailableException("the window did not open within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DisplayUnavailableException("interrupted while opening the window");
        }
        if (failure.get() != null) {
            throw new DisplayUnavailableException("cannot open the window: " + OneLine.of(failure.get()));
        }
        d.trayController = new TrayController(d.window.i18n(),
                new org.swarmbid.ui.common.Formats(d.window.settings().language()), new TrayController.Actions() {
            @Override
            public void open() {
                d.bringToFront();
            }

            @Override
            public void pauseAll() {
                d.window.torrents().pauseAll();
            }

            @Override
            public void quit() {
                d.quit();
            }
        });
        d.tray = trayHost.install(d.trayController);
        Platform.runLater(d::afterTray);
        d.window.restoreTorrents();
        return d;
    }

    private static void startToolkit() throws DisplayUnavailableException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (RuntimeException | LinkageError e) {
            throw new DisplayUnavailableException("no display available: " + OneLine.of(e));
        }
        try {
            started.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.setImplicitExit(false);
    }

    private void showWindow(DesktopServices services, List<ScreenFactory> extraScreens) {
        stage = new Stage();
        window = new MainWindow(services, extraScreens, background, () -> stage);
        stage.setTitle(window.i18n().t("app.title"));
        stage.setScene(window.scene());
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
    }

    private void afterTray() {
        stage.setOnCloseRequest(e -> {
            if (tray.isPresent()) {
                e.consume();
                stage.hide();
            } else {
                quit();
            }
        });
        if (tray.isPresent()) {
            trayTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> updateTooltip()));
            trayTimer.setCycleCount(Animation.INDEFINITE);
            trayTimer.play();
            updateTooltip();
        }
    }

    private void updateTooltip() {
        tray.ifPresent(t -> t.tooltip(trayController.tooltip(seedingStatus())));
    }

    /** The torrent list's totals as the tray shows them. FX thread. */
    public TrayController.SeedingStatus seedingStatus() {
        var m = window.torrents().model();
        return new TrayController.SeedingStatus(m.seedingProperty().get(), m.downloadingProperty().get(),
                m.totalDownloadProperty().get(), m.totalUploadProperty().get());
    }

    /** The tray's logic (menu, tooltip), whether or not an icon shows. */
    public TrayController trayController() {
        return trayController;
    }

    /** Asks the window to close, as the window manager's close button does (tests). FX thread. */
    public void requestClose() {
        stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** The shell (FX thread only). */
    public MainWindow window() {
        return window;
    }

    /** The window's stage (FX thread only). */
    public Stage stage() {
        return stage;
    }

    /** Whether a tray icon is showing. */
    public boolean hasTray() {
        return tray.isPresent();
    }

    /** Opens a .torrent file in the running client and brings the window forward. Any thread. */
    public void open(Path torrentFile) {
        Platform.runLater(() -> {
            bringToFront();
            window.openTorrent(torrentFile);
        });
    }

    /** Shows a line of text above the screens ({@link MainWindow#showBanner}). Any thread. */
    public void banner(String text) {
        Platform.runLater(() -> window.showBanner(text));
    }

    /** Shows the window again (tray "Open", a second launch). Any thread. */
    public void bringToFront() {
        Platform.runLater(() -> {
            stage.show();
            stage.setIconified(false);
            stage.toFront();
            window.show(window.currentScreenId().isEmpty() ? TorrentsController.ID : window.currentScreenId());
        });
    }

    /** Closes the window and the tray and ends {@link #awaitExit}. Any thread; the session stays open. */
    public void quit() {
        Platform.runLater(() -> {
            if (trayTimer != null) {
                trayTimer.stop();
            }
            tray.ifPresent(TrayHost.TrayIcon::close);
            window.close();
            stage.hide();
            background.close();
            exited.countDown();
        });
    }

    /** Blocks until the user quits. */
    public void awaitExit() throws InterruptedException {
        exited.await();
    }

    /** Waits at most {@code timeout} for the user to quit. */
    public boolean awaitExit(java.time.Duration timeout) throws InterruptedException {
        return exited.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
