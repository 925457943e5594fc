package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BencodeWriter;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoParser;

/**
 * The per-piece map, per-file progress and priorities a UI reads back, and the check's progress and cancel. The
 * payloads are all-zero files (sparse on disk, so big ones cost no writes): every full piece then has the same hash,
 * and the metainfo is written without hashing the data.
 */
class PiecesAndCheckTest {
    private static final int PIECE = 16 * 1024;

    @Test
    void piecesAndFileProgressFollowTheDataOnDisk(@TempDir Path tmp) throws Exception {
        // file a: 100 000 bytes (pieces 0..6, piece 6 shared with b), file b: 50 000 bytes, missing on disk
        Metainfo m = zeros("two", List.of(100_000L, 50_000L));
        Path dir = tmp.resolve("data");
        sparse(dir.resolve("two/a.bin"), 100_000);
        try (Engine e = TwoEngines.engine(tmp.resolve("state"), List.of())) {
            TorrentHandle h = e.add(m, AddOptions.in(dir));
            TwoEngines.await("checked", Duration.ofSeconds(30),
                    () -> h.status().state() == TorrentState.DOWNLOADING);
            BitSet expected = new BitSet();
            expected.set(0, 6); // piece 6 touches the missing file b, so it is not on disk
            assertThat(h.pieces()).isEqualTo(expected);
            assertThat(h.fileProgress()).containsExactly(6L * PIECE, 0L);
            assertThat(h.status().piecesDone()).isEqualTo(6);

            // the copy is the caller's: changing it changes nothing in the engine
            h.pieces().set(9);
            assertThat(h.pieces()).isEqualTo(expected);

            // files start at libtorrent's default level 4 ("normal"), so 1..3 rank below untouched files
            assertThat(h.filePriorities()).containsExactly(4, 4);
            h.setFilePriority(1, 0);
            h.setFilePriority(0, 1);
            TwoEngines.await("priority read back", Duration.ofSeconds(5), () -> h.filePriorities()[1] == 0
                    && h.filePriorities()[0] == 1);
            assertThat(h.filePriorities()).containsExactly(1, 0);
            assertThatThrownBy(() -> h.setFilePriority(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> h.setFilePriority(0, 8)).hasMessage("priority must be 0..7");
        }
    }

    @Test
    @Tag("slow")
    void aCheckShowsProgressStopsPromptlyWhenPausedAndRunsAgainOnResume(@TempDir Path tmp) throws Exception {
        long size = 768L << 20; // 49 152 pieces: several seconds of SHA-1 on this machine
        Metainfo m = zeros("big", List.of(size));
        Path dir = tmp.resolve("data");
        sparse(dir.resolve("big/a.bin"), size);
        try (Engine e = TwoEngines.engine(tmp.resolve("state"), List.of())) {
            TorrentHandle h = e.add(m, AddOptions.in(dir));
            TwoEngines.await("check progress", Duration.ofSeconds(30), () -> h.status().checkedPieces() > 0);
            TorrentStatus during = h.status();
            assertThat(during.state()).isEqualTo(TorrentState.CHECKING);
            assertThat(during.checkPieces()).isEqualTo(m.info().pieceCount());
            assertThat(during.checkedPieces()).isLessThan(during.checkPieces());
            assertThat(during.checkProgress()).isBetween(0.0, 1.0);

            h.pause();
            TwoEngines.await("paused", Duration.ofSeconds(5), () -> h.status().state() == TorrentState.PAUSED);
            Thread.sleep(300); // the pieces in flight when the cancel came
            long cpuBefore = hasherCpuNanos();
            Thread.sleep(1000);
            long hashingAfterPause = hasherCpuNanos() - cpuBefore;
            // a running check keeps every hasher thread busy (about 1 s of CPU per thread per second)
            assertThat(hashingAfterPause).as("hasher CPU in the second after the pause")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(h.status().checkedPieces()).isZero();
            assertThat(h.status().piecesDone()).isZero();
            assertThat(h.pieces().isEmpty()).isTrue();

            // a recheck cancelled by a pause fails its future with a cancellation
            h.resume();
            TwoEngines.await("checking again", Duration.ofSeconds(10), () -> h.status().checkedPieces() > 0);
            CompletableFuture<Void> recheck = h.recheck();
            TwoEngines.await("the recheck runs", Duration.ofSeconds(30),
                    () -> h.status().state() == TorrentState.CHECKING && h.status().checkedPieces() > 0);
            h.pause();
            assertThatThrownBy(() -> recheck.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);

            // start checks again from the beginning, to the end
            h.resume();
            TwoEngines.await("seeding", Duration.ofSeconds(120), () -> h.status().state() == TorrentState.SEEDING);
            assertThat(h.pieces().cardinality()).isEqualTo(m.info().pieceCount());
            assertThat(h.fileProgress()).containsExactly(size);
            assertThat(h.status().checkedPieces()).isZero();
            assertThat(h.status().checkPieces()).isZero();
        }
    }

    private static long hasherCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("piece-hasher-")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** A trackerless torrent of all-zero files under one folder {@code name}. */
    static Metainfo zeros(String name, List<Long> lengths) throws Exception {
        long total = lengths.stream().mapToLong(Long::longValue).sum();
        int pieces = (int) ((total + PIECE - 1) / PIECE);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] full = sha1.digest(new byte[PIECE]);
        int last = (int) (total - (long) (pieces - 1) * PIECE);
        byte[] lastHash = sha1.digest(new byte[last]);
        byte[] hashes = new byte[pieces * 20];
        for (int i = 0; i < pieces; i++) {
            System.arraycopy(i == pieces - 1 ? lastHash : full, 0, hashes, i * 20, 20);
        }
        java.util.List<org.swarmbid.core.bencode.BValue> fileList = new java.util.ArrayList<>();
        char c = 'a';
        for (long len : lengths) {
            fileList.add(BDict.builder().put("length", len).put("path", BList.of(BString.of((c++) + ".bin")))
                    .build());
        }
        BDict info = BDict.builder().put("name", name).put("piece length", PIECE).put("pieces", hashes)
                .put("files", new BList(fileList)).build();
        return MetainfoParser.fromInfoBytes(BencodeWriter.encode(info), List.of());
    }

    static void sparse(Path file, long length) throws Exception {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }
}
