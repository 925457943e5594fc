package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.create.CreateTorrentController;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The create dialog: hashes with progress, writes the file, seeds it; Cancel stops hashing and writes nothing. */
@ExtendWith(ApplicationExtension.class)
class CreateTorrentDialogTest {
    @TempDir
    Path tmp;
    private ShellFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        fx = new ShellFixture(tmp, stage, List.of());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void createsTheTorrentThroughTheDialogAndSeedsIt(FxRobot robot) throws Exception {
        TestPayload p = TestPayload.multiFile(tmp.resolve("src"), "photos", 2 << 20, 9);
        Path out = tmp.resolve("out/photos.torrent");
        robot.clickOn("#create");
        FxWait.until("dialog", Duration.ofSeconds(5), () -> robot.lookup("#create-source").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#create-source").queryTextInputControl().setText(p.root().toString());
            robot.lookup("#create-output").queryTextInputControl().setText(out.toString());
            robot.lookup("#create-trackers").queryTextInputControl().setText(
                    "http://127.0.0.1:6969/announce\n\nudp://127.0.0.1:6969");
        });
        robot.clickOn("#create-start");
        FxWait.until("torrent written", Duration.ofSeconds(30), () -> Files.exists(out));
        Metainfo m = MetainfoParser.read(out);
        assertThat(m.info().name()).isEqualTo("photos");
        assertThat(m.trackerTiers()).containsExactly(List.of("http://127.0.0.1:6969/announce"),
                List.of("udp://127.0.0.1:6969"));
        String hash = m.infoHash().hex();
        FxWait.until("seeding the new torrent", Duration.ofSeconds(20), () -> fx.window.torrents().model().row(hash)
                .map(r -> r.status().state() == TorrentState.SEEDING).orElse(false));
        assertThat(robot.lookup("#create-message").queryLabeled().getText()).contains(hash);
    }

    @Test
    void cancelStopsHashingAndWritesNothing() throws Exception {
        TestPayload p = TestPayload.singleFile(tmp.resolve("src"), "big.bin", 96L << 20, 3);
        Path out = tmp.resolve("big.torrent");
        CreateTorrentController c = FxWait.onFx(() -> {
            UiContext ctx = new UiContext(fx.window.i18n(), new org.swarmbid.ui.common.Formats(
                    fx.window.i18n().locale()), fx.background, () -> null);
            CreateTorrentController dialog = new CreateTorrentController(ctx, tmp, (m, dir) -> {
                throw new AssertionError("a cancelled torrent must not be seeded");
            });
            dialog.model().source.set(p.root().toString());
            dialog.model().output.set(out.toString());
            dialog.create();
            dialog.cancel();
            return dialog;
        });
        FxWait.until("hashing stopped", Duration.ofSeconds(30), () -> !c.model().running.get());
        assertThat(FxWait.onFx(() -> c.model().message.get())).isEqualTo("Cancelled; nothing was written.");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("big.torrent.part")).doesNotExist();
    }

    @Test
    void badTrackerUrlIsRefused() {
        String shown = FxWait.onFx(() -> {
            UiContext ctx = new UiContext(fx.window.i18n(), new org.swarmbid.ui.common.Formats(
                    fx.window.i18n().locale()), fx.background, () -> null);
            CreateTorrentController dialog = new CreateTorrentController(ctx, tmp, (m, dir) -> { });
            dialog.model().source.set(tmp.toString());
            dialog.model().output.set(tmp.resolve("x.torrent").toString());
            dialog.model().trackers.set("ftp://example/announce");
            dialog.create();
            return dialog.model().running.get() ? "running" : "refused";
        });
        assertThat(shown).isEqualTo("refused");
        assertThat(tmp.resolve("x.torrent")).doesNotExist();
    }
}
