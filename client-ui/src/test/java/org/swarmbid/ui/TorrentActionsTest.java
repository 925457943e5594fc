package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.MetainfoException;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.torrents.TorrentRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Toolbar actions on a real loopback engine: remove with data, bad .torrent, magnet links, pause and start. */
@ExtendWith(ApplicationExtension.class)
class TorrentActionsTest {
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
    void removeWithDataDeletesTheFilesAfterConfirmation(FxRobot robot) throws Exception {
        String hash = seedLocal("keep-or-delete");
        Path data = fx.downloads.resolve("keep-or-delete");
        assertThat(data).exists();
        FxWait.onFx(() -> fx.window.torrents().select(hash));
        robot.clickOn("#remove");
        FxWait.until("confirmation", Duration.ofSeconds(5), () -> robot.lookup("Remove and delete files").tryQuery()
                .isPresent());
        assertThat(data).exists(); // nothing happens before the answer
        robot.clickOn("Remove and delete files");
        FxWait.until("row gone", Duration.ofSeconds(20), () -> fx.window.torrents().model().row(hash).isEmpty());
        FxWait.until("data deleted", Duration.ofSeconds(20), () -> !Files.exists(data));
        assertThat(fx.session.find(hash)).isEmpty();
        FxWait.until("library forgot it", Duration.ofSeconds(5),
                () -> !Files.exists(fx.state.resolve("gui-torrents/" + hash + ".torrent")));
    }

    @Test
    void removeKeepingDataLeavesTheFiles(FxRobot robot) throws Exception {
        String hash = seedLocal("keep-me");
        FxWait.onFx(() -> fx.window.torrents().select(hash));
        robot.clickOn("#remove");
        FxWait.until("confirmation", Duration.ofSeconds(5), () -> robot.lookup("Remove, keep files").tryQuery()
                .isPresent());
        robot.clickOn("Remove, keep files");
        FxWait.until("row gone", Duration.ofSeconds(20), () -> fx.window.torrents().model().row(hash).isEmpty());
        assertThat(fx.downloads.resolve("keep-me")).exists();
    }

    @Test
    void malformedTorrentShowsTheParsersOneLineMessage(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("broken.torrent");
        Files.writeString(bad, "d4:infod6:lengthi-5e4:name3:abcee");
        String expected;
        try {
            MetainfoParser.read(bad);
            throw new AssertionError("the fixture should not parse");
        } catch (MetainfoException e) {
            expected = e.getMessage();
        }
        FxWait.onFx(() -> fx.window.torrents().addTorrentFile(bad));
        FxWait.until("error dialog", Duration.ofSeconds(10), () -> robot.lookup("#" + Dialogs.MESSAGE_ID).tryQuery()
                .isPresent());
        String shown = robot.lookup("#" + Dialogs.MESSAGE_ID).queryAs(Label.class).getText();
        assertThat(shown).isEqualTo(expected).doesNotContain("\n").doesNotContain("Exception");
        assertThat(robot.lookup("Cannot open broken.torrent").tryQuery()).isPresent();
        assertThat(fx.window.torrents().model().rows()).isEmpty();
    }

    @Test
    void validMagnetSaysNotSupportedYet(FxRobot robot) {
        FxWait.onFx(() -> fx.window.torrents().addMagnet(
                "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=Some%20Album"));
        FxWait.until("info dialog", Duration.ofSeconds(5), () -> robot.lookup("#" + Dialogs.MESSAGE_ID).tryQuery()
                .isPresent());
        assertThat(robot.lookup("#" + Dialogs.MESSAGE_ID).queryAs(Label.class).getText())
                .startsWith("“Some Album” cannot be downloaded from a magnet link yet")
                .contains("BEP 9");
        assertThat(robot.lookup("Magnet links are not supported yet").tryQuery()).isPresent();
    }

    @Test
    void malformedMagnetShowsWhy(FxRobot robot) {
        FxWait.onFx(() -> fx.window.torrents().addMagnet("magnet:?dn=no-hash"));
        FxWait.until("error dialog", Duration.ofSeconds(5), () -> robot.lookup("#" + Dialogs.MESSAGE_ID).tryQuery()
                .isPresent());
        assertThat(robot.lookup("This is not a valid magnet link").tryQuery()).isPresent();
        assertThat(robot.lookup("#" + Dialogs.MESSAGE_ID).queryAs(Label.class).getText()).isNotBlank()
                .doesNotContain("\n");
    }

    @Test
    void pauseAndStartChangeTheState(FxRobot robot) throws Exception {
        String hash = seedLocal("pausable");
        FxWait.onFx(() -> fx.window.torrents().select(hash));
        robot.clickOn("#pause");
        FxWait.until("paused", Duration.ofSeconds(10), () -> fx.window.torrents().model().row(hash)
                .map(r -> r.status().state() == TorrentState.PAUSED).orElse(false));
        FxWait.until("library records paused", Duration.ofSeconds(5),
                () -> fx.window.library().entry(hash).map(e -> e.paused()).orElse(false));
        robot.clickOn("#start");
        FxWait.until("seeding again", Duration.ofSeconds(10), () -> fx.window.torrents().model().row(hash)
                .map(r -> r.status().state() == TorrentState.SEEDING).orElse(false));
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isFalse();
    }

    /** Puts a payload in the download folder, adds its torrent through the screen, waits for Seeding. */
    private String seedLocal(String name) throws Exception {
        TestPayload p = TestPayload.singleFile(fx.downloads, name, 300_000, 5);
        Metainfo m = TorrentCreator.from(p.root()).create();
        Path file = tmp.resolve(name + ".torrent");
        Files.write(file, m.toTorrentBytes());
        FxWait.onFx(() -> fx.window.torrents().addTorrentFile(file));
        String hash = m.infoHash().hex();
        FxWait.until(name + " seeding", Duration.ofSeconds(20), () -> fx.window.torrents().model().row(hash)
                .map(TorrentRow::status).map(s -> s.state() == TorrentState.SEEDING).orElse(false));
        return hash;
    }
}
