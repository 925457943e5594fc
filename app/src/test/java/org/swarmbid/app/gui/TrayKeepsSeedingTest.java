package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.torrents.TorrentLibrary;
import org.swarmbid.ui.tray.TrayController;
import org.swarmbid.ui.tray.TrayHost;

/**
 * The tray through the launcher's own run loop, with a tray host that keeps the {@link TrayController} instead of
 * drawing an AWT icon: closing the window hides it and the session keeps seeding (a real leecher downloads the whole
 * torrent from it while the window is closed); the tooltip says what seeds; "Pause all" pauses; "Open" shows the
 * window again; "Quit" ends the run and the session stops listening.
 */
class TrayKeepsSeedingTest {

    /** A tray without AWT: remembers the controller and the tooltips. */
    private static final class RecordingTray implements TrayHost {
        final AtomicReference<TrayController> controller = new AtomicReference<>();
        final List<String> tooltips = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public Optional<TrayIcon> install(TrayController c) {
            controller.set(c);
            return Optional.of(new TrayIcon() {
                @Override
                public void tooltip(String text) {
                    tooltips.add(text);
                }

                @Override
                public void close() {
                    closed = true;
                }
            });
        }
    }

    @Test
    void closingTheWindowKeepsSeedingAndQuitStopsTheSession(@TempDir Path tmp) throws Exception {
        Path state = tmp.resolve("state");
        Path data = tmp.resolve("data");
        TestPayload p = TestPayload.multiFile(data, "kept-seeding", 3L << 20, 21);
        Metainfo m = TorrentCreator.from(p.root()).pieceLength(64 << 10).create();
        String hash = m.infoHash().hex();
        SettingsStore store = new SettingsStore(state);
        SessionConfig config = store.load().applyTo(SessionConfig.defaults(state))
                .withBind(InetAddress.getLoopbackAddress(), 0);
        GuiApp app = GuiApp.open(state, GuiWallets.of(state), store, config);
        new TorrentLibrary(state).remember(m, data, false);
        TorrentHandle seed = app.session().add(m, AddOptions.in(data));
        int port = app.session().listenPort();

        RecordingTray tray = new RecordingTray();
        CompletableFuture<Desktop> shown = new CompletableFuture<>();
        GuiLauncher launcher = new GuiLauncher(state, InetAddress.getLoopbackAddress(),
                new PrintStream(new ByteArrayOutputStream()));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.runWindow(app, tray, shown::complete, () -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Desktop d = shown.get(60, TimeUnit.SECONDS);
        Fx.waitFor("seeding", Duration.ofSeconds(30), () -> seed.status().state() == TorrentState.SEEDING);
        assertThat(d.hasTray()).isTrue();

        Fx.run(d::requestClose);
        assertThat(Fx.on(() -> d.stage().isShowing())).as("the window is hidden").isFalse();
        assertThat(d.awaitExit(Duration.ofMillis(500))).as("closing is not quitting").isFalse();
        assertThat(run).isNotDone();

        try (Engine leecher = Engine.start(SessionConfig.defaults(tmp.resolve("leecher-state"))
                .withBind(InetAddress.getLoopbackAddress(), 0), List.of())) {
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("leecher")));
            h.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Fx.waitFor("the leecher completes from the hidden window's session", Duration.ofSeconds(60),
                    () -> h.status().isComplete());
        }
        for (var f : m.info().files()) {
            assertThat(Files.mismatch(tmp.resolve("leecher").resolve(f.displayPath()), data.resolve(f.displayPath())))
                    .as(f.displayPath()).isEqualTo(-1L);
        }

        TrayController c = tray.controller.get();
        String tip = Fx.on(() -> c.tooltip(d.seedingStatus()));
        assertThat(tip).startsWith("Swarmbid").contains("seeding 1").contains("downloading 0");
        Fx.waitFor("the tooltip updated by the timer", Duration.ofSeconds(10),
                () -> tray.tooltips.stream().anyMatch(t -> t.contains("seeding 1")));
        assertThat(c.menu()).extracting(TrayController.MenuEntry::label)
                .containsExactly("Open Swarmbid", "Pause all", "Quit");

        Fx.run(() -> c.entry(TrayController.PAUSE_ALL).action().run());
        Fx.waitFor("paused by the tray", Duration.ofSeconds(10),
                () -> seed.status().state() == TorrentState.PAUSED);
        Fx.run(() -> c.entry(TrayController.OPEN).action().run());
        Fx.until("the window shows again", Duration.ofSeconds(10), () -> d.stage().isShowing());

        Fx.run(() -> c.entry(TrayController.QUIT).action().run());
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(tray.closed).as("the icon is removed").isTrue();
        assertThat(Fx.on(() -> d.stage().isShowing())).isFalse();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            throw new AssertionError("the session still listens on " + port + " after quit");
        } catch (java.io.IOException expected) {
            // refused: the session is closed
        }
    }
}
