package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeWriter;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.details.DetailsController;
import org.swarmbid.ui.details.FilePriority;
import org.swarmbid.ui.details.FileRow;
import org.swarmbid.ui.details.PiecesBar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The details pane and the check on a real loopback engine: the pieces bar draws the engine's per-piece map (not
 * the first N pieces), the files tab shows each file's verified bytes and the engine's priorities, and its
 * priority editor offers Skip/Low/Normal/High (Low reaches the engine and the library); a check shows its
 * progress in the list and the details, "Cancel check" stops it (paused) and Start checks again to the end; files
 * dropped on the list are added if they are .torrent files and refused with a message otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsAndCheckTest {
    private static final int PIECE = 16 * 1024;
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

    private DetailsController details() {
        return (DetailsController) fx.window.torrents().details();
    }

    @Test
    void piecesBarAndFilesShowWhatIsOnDisk(FxRobot robot) throws Exception {
        // first.bin (200 000 bytes) is deleted after the torrent is made: only the pieces of second.bin verify
        Path root = fx.downloads.resolve("partial");
        Files.createDirectories(root);
        Random r = new Random(3);
        byte[] a = new byte[200_000];
        byte[] b = new byte[300_000];
        r.nextBytes(a);
        r.nextBytes(b);
        Files.write(root.resolve("first.bin"), a);
        Files.write(root.resolve("second.bin"), b);
        Metainfo m = TorrentCreator.from(root).pieceLength(PIECE).create();
        Files.delete(root.resolve("first.bin"));
        String hash = m.infoHash().hex();
        FxWait.onFx(() -> fx.window.torrents().add(m, fx.downloads, false));
        FxWait.until("checked", Duration.ofSeconds(20), () -> fx.window.torrents().model().row(hash)
                .map(x -> x.status().state() == TorrentState.DOWNLOADING).orElse(false));
        TorrentHandle h = fx.session.find(hash).orElseThrow();
        int firstWhole = (200_000 + PIECE - 1) / PIECE; // piece 12 holds the end of first.bin: missing
        int count = m.info().pieceCount();
        BitSet expected = new BitSet();
        expected.set(firstWhole, count);
        assertThat(h.pieces()).isEqualTo(expected);

        FxWait.onFx(() -> {
            fx.window.torrents().select(hash);
            details().showTab("tab-overview");
        });
        PiecesBar bar = robot.lookup("#pieces-bar").queryAs(PiecesBar.class);
        FxWait.until("the bar draws the engine's map", Duration.ofSeconds(10),
                () -> bar.count() == count && bar.drawn().equals(expected));
        assertThat(FxWait.onFx(() -> bar.drawn().get(0))).as("not filled from the left").isFalse();
        assertThat(robot.lookup("#pieces-text").queryAs(Label.class).getText())
                .isEqualTo((count - firstWhole) + " of " + count + " pieces verified");

        // files: second.bin's verified bytes are its share of the pieces after the missing one
        long secondDone = 500_000L - (long) firstWhole * PIECE;
        FxWait.until("file progress", Duration.ofSeconds(10), () -> {
            List<FileRow> rows = details().model().files();
            return rows.size() == 2 && rows.get(0).doneProperty().get() == 0
                    && rows.get(1).doneProperty().get() == secondDone;
        });
        assertThat(h.fileProgress()).containsExactly(0L, secondDone);

        // a priority set in the engine is what the files tab shows after selecting the torrent again
        h.setFilePriority(0, 0);
        FxWait.until("engine priority", Duration.ofSeconds(5), () -> h.filePriorities()[0] == 0);
        FxWait.onFx(() -> {
            var model = fx.window.torrents().model();
            model.selectedProperty().set(null);
            model.selectedProperty().set(model.row(hash).orElseThrow());
        });
        FxWait.until("priority read back", Duration.ofSeconds(10), () -> details().model().files().size() == 2
                && details().model().files().get(0).priorityProperty().get() == FilePriority.SKIP
                && details().model().files().get(1).priorityProperty().get() == FilePriority.NORMAL);

        // the files tab's priority editor offers Skip, Low, Normal and High; choosing Low reaches the engine (1)
        // and the library, which keeps it as 1 on the current priority scale
        FxWait.onFx(() -> details().showTab("tab-files"));
        @SuppressWarnings("unchecked")
        TableView<FileRow> table = robot.lookup("#files-table").queryAs(TableView.class);
        FxWait.onFx(() -> {
            table.layout();
            TableColumn<FileRow, ?> prio = table.getColumns().stream()
                    .filter(c -> "col-priority".equals(c.getId())).findFirst().orElseThrow();
            table.edit(1, prio);
        });
        FxWait.until("the priority editor opens", Duration.ofSeconds(5),
                () -> !robot.lookup("#files-table .combo-box").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<FilePriority> editor = robot.lookup("#files-table .combo-box").queryAs(ComboBox.class);
        assertThat(FxWait.onFx(() -> List.copyOf(editor.getItems()))).containsExactly(FilePriority.SKIP,
                FilePriority.LOW, FilePriority.NORMAL, FilePriority.HIGH);
        assertThat(FxWait.onFx(() -> editor.getConverter().toString(FilePriority.LOW))).isEqualTo("Low");
        // as a user does: open the list, click "Low" (the cell commits on the click's release)
        robot.clickOn(editor);
        FxWait.until("the list open", Duration.ofSeconds(5), editor::isShowing);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("Low")).queryLabeled());
        FxWait.until("Low in the engine", Duration.ofSeconds(5), () -> h.filePriorities()[1] == 1);
        assertThat(FxWait.onFx(() -> details().model().files().get(1).priorityProperty().get()))
                .isEqualTo(FilePriority.LOW);
        Path saved = fx.state.resolve("gui-torrents/" + hash + ".properties");
        FxWait.until("Low in the library", Duration.ofSeconds(5), () -> {
            try {
                String text = Files.readString(saved);
                return text.contains("priorities=4,1") && text.contains("priorities.version=2");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    @Tag("slow")
    void aCheckShowsProgressAndCanBeCancelledThenStartChecksAgain(FxRobot robot) throws Exception {
        long size = 1536L << 20; // all zeros, sparse: seconds of hashing, no disk writes
        Metainfo m = zeros("big", size);
        Path file = fx.downloads.resolve("big/zeros.bin");
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        String hash = m.infoHash().hex();
        FxWait.onFx(() -> fx.window.torrents().add(m, fx.downloads, false));
        FxWait.until("check progress in the list", Duration.ofSeconds(30), () -> fx.window.torrents().model()
                .row(hash).map(x -> x.status().checkedPieces() > 0).orElse(false));
        FxWait.onFx(() -> {
            fx.window.torrents().select(hash);
            details().showTab("tab-overview");
        });
        TorrentStatus during = FxWait.onFx(() -> fx.window.torrents().model().row(hash).orElseThrow().status());
        assertThat(during.state()).isEqualTo(TorrentState.CHECKING);
        assertThat(during.checkPieces()).isEqualTo(m.info().pieceCount());
        // the table redraws on the next FX pulse after its row changed
        FxWait.until("status column says how far", Duration.ofSeconds(5), () -> robot.lookup(".table-cell")
                .queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .anyMatch(t -> t != null && t.matches("Checking \\d+\\.\\d %")));
        FxWait.until("details say how far", Duration.ofSeconds(5), () -> robot.lookup("#pieces-text")
                .queryAs(Label.class).getText().matches("Checking: [\\d,]+ of 98,304 pieces read \\(\\d+\\.\\d %\\)"));
        Button cancel = robot.lookup("#cancel-check").queryAs(Button.class);
        assertThat(cancel.isDisabled()).isFalse();

        robot.clickOn("#cancel-check");
        FxWait.until("paused (state now " + h0(hash).status().state() + ")", Duration.ofSeconds(10), () -> fx.window.torrents().model().row(hash)
                .map(x -> x.status().state() == TorrentState.PAUSED).orElse(false));
        FxWait.until("cancel disabled", Duration.ofSeconds(5), cancel::isDisabled);
        FxWait.until("library records paused", Duration.ofSeconds(5),
                () -> fx.window.library().entry(hash).map(e -> e.paused()).orElse(false));
        TorrentHandle h = fx.session.find(hash).orElseThrow();
        assertThat(h.status().checkedPieces()).isZero();
        assertThat(h.pieces().isEmpty()).isTrue();

        robot.clickOn("#start");
        FxWait.until("checking again", Duration.ofSeconds(10), () -> fx.window.torrents().model().row(hash)
                .map(x -> x.status().state() == TorrentState.CHECKING).orElse(false));
        FxWait.until("seeding after the whole check", Duration.ofSeconds(120), () -> fx.window.torrents().model()
                .row(hash).map(x -> x.status().state() == TorrentState.SEEDING).orElse(false));
        assertThat(h.pieces().cardinality()).isEqualTo(m.info().pieceCount());
    }

    @Test
    void droppedTorrentFilesAreAddedOthersRefusedWithAMessage(FxRobot robot) throws Exception {
        Path root = fx.downloads.resolve("dropped");
        Files.createDirectories(root);
        Files.write(root.resolve("a.bin"), new byte[70_000]);
        Metainfo m = TorrentCreator.from(root).pieceLength(PIECE).create();
        Path torrent = tmp.resolve("Dropped.TORRENT");
        Files.write(torrent, m.toTorrentBytes());
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "not a torrent");

        boolean taken = FxWait.onFx(() -> fx.window.torrents().dropFiles(List.of(torrent.toFile(),
                notes.toFile())));
        assertThat(taken).isTrue();
        FxWait.until("added", Duration.ofSeconds(20),
                () -> fx.window.torrents().model().row(m.infoHash().hex()).isPresent());
        FxWait.until("refusal shown", Duration.ofSeconds(5), () -> robot.lookup("#" + Dialogs.MESSAGE_ID)
                .tryQuery().isPresent());
        assertThat(robot.lookup("#" + Dialogs.MESSAGE_ID).queryAs(Label.class).getText())
                .isEqualTo("Only .torrent files can be dropped here; not added: notes.txt");
        assertThat(robot.lookup("Not a torrent file").tryQuery()).isPresent();

        List<File> onlyOthers = new ArrayList<>(List.of(notes.toFile(), tmp.toFile()));
        assertThat(FxWait.onFx(() -> fx.window.torrents().dropFiles(onlyOthers))).isFalse();
        assertThat(fx.window.torrents().model().rows()).hasSize(1);
    }

    private TorrentHandle h0(String hash) {
        return fx.session.find(hash).orElseThrow();
    }

    /** A single-file torrent of {@code size} zero bytes (every full piece has the same hash). */
    private static Metainfo zeros(String name, long size) throws Exception {
        int pieces = (int) ((size + PIECE - 1) / PIECE);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] full = sha1.digest(new byte[PIECE]);
        byte[] last = sha1.digest(new byte[(int) (size - (long) (pieces - 1) * PIECE)]);
        byte[] hashes = new byte[pieces * 20];
        for (int i = 0; i < pieces; i++) {
            System.arraycopy(i == pieces - 1 ? last : full, 0, hashes, i * 20, 20);
        }
        List<BValue> files = List.of(BDict.builder().put("length", size)
                .put("path", BList.of(BString.of("zeros.bin"))).build());
        BDict info = BDict.builder().put("name", name).put("piece length", PIECE).put("pieces", hashes)
                .put("files", new BList(files)).build();
        return MetainfoParser.fromInfoBytes(BencodeWriter.encode(info), List.of());
    }
}
