package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ui.common.Background;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.torrents.TorrentRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main flow end to end: a real seeder session on 127.0.0.1, the UI's own real session, a .torrent added through
 * the torrent screen; the row must reach 100 % and "Seeding" and the file must match the seeder's byte for byte.
 */
@ExtendWith(ApplicationExtension.class)
class MainFlowTest {
    @TempDir
    Path tmp;
    private Engine seeder;
    private Engine session;
    private MainWindow window;
    private Background background;

    @Start
    void start(Stage stage) throws Exception {
        seeder = Engines.loopback(tmp.resolve("seeder-state"));
        session = Engines.loopback(tmp.resolve("ui-state"));
        Path downloads = tmp.resolve("downloads");
        new SettingsStore(tmp.resolve("ui-state")).save(Settings.defaults().withDownloadDir(downloads)
                .withLanguage(Locale.ENGLISH));
        background = new Background(2);
        window = new MainWindow(DesktopServices.of(session, tmp.resolve("ui-state")), List.of(), background,
                () -> stage);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        FxWait.onFx(() -> window.close());
        background.close();
        session.close();
        seeder.close();
    }

    @Test
    void addedTorrentDownloadsFromLocalSeederAndShowsSeeding(FxRobot robot) throws Exception {
        Path seedDir = tmp.resolve("seed");
        TestPayload payload = TestPayload.multiFile(seedDir, "album", 3 << 20, 42);
        Metainfo m = TorrentCreator.from(payload.root()).pieceLength(64 << 10).create();
        seeder.add(m, AddOptions.in(seedDir));
        String hash = m.infoHash().hex();
        FxWait.until("seeder to check its data", Duration.ofSeconds(30),
                () -> seeder.find(hash).orElseThrow().status().state() == TorrentState.SEEDING);
        Path torrentFile = tmp.resolve("album.torrent");
        Files.write(torrentFile, m.toTorrentBytes());

        FxWait.onFx(() -> window.torrents().addTorrentFile(torrentFile));
        FxWait.until("torrent in the session", Duration.ofSeconds(10), () -> session.find(hash).isPresent());
        session.find(hash).orElseThrow().connect(Engines.address(seeder));

        FxWait.until("row at 100 % and Seeding", Duration.ofSeconds(60), () -> window.torrents().model().row(hash)
                .map(TorrentRow::status).filter(s -> s.state() == TorrentState.SEEDING && s.isComplete())
                .isPresent());
        // what the user sees: the table's cells (let the table lay out the last update)
        FxWait.until("cells show Seeding and 100 %", Duration.ofSeconds(5), () ->
                robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                        .anyMatch(c -> "Seeding".equals(c.getText()))
                && robot.lookup(".progress-text").queryAllAs(Label.class).stream()
                        .anyMatch(l -> "100.0 %".equals(l.getText())));
        for (TestPayload.Entry e : payload.files()) {
            assertThat(tmp.resolve("downloads/album").resolve(e.path()))
                    .hasSameBinaryContentAs(payload.root().resolve(e.path()));
        }
        // the library remembers it for the next start
        assertThat(window.library().entry(hash)).isPresent();
        assertThat(tmp.resolve("ui-state/gui-torrents/" + hash + ".torrent")).exists();
    }
}
