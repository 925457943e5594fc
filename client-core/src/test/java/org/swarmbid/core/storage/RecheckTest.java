package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.bitfield.Bitfield;

class RecheckTest {
    @TempDir
    Path tmp;

    private final FilePool pool = new FilePool(8);
    private final PieceHasher hasher = new PieceHasher(2);

    @AfterEach
    void close() {
        hasher.close();
        pool.close();
    }

    /** 10 pieces of 16 bytes over files of 5, 0, 3, 2, 37, 1, 0, 50, 62 bytes. */
    private static Fixture fixture() {
        return Fixture.of(16, "t/a", 5, "t/e", 0, "t/b", 3, "t/c", 2, "t/d", 37, "t/f", 1, "t/z", 0, "t/g", 50,
                "t/h", 62);
    }

    private Bitfield run(Recheck r) throws Exception {
        return r.result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void completeDataIsAllPresentAndProgressCoversEveryPiece() throws Exception {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger maxDone = new AtomicInteger();
            Recheck r = Recheck.all(s, hasher, (done, total, piece, present) -> {
                assertThat(total).isEqualTo(f.layout.pieceCount());
                seen.add(piece);
                maxDone.accumulateAndGet(done, Math::max);
            });
            assertThat(run(r).isComplete()).isTrue();
            assertThat(seen).hasSize(f.layout.pieceCount());
            assertThat(maxDone.get()).isEqualTo(f.layout.pieceCount());
        }
    }

    @Test
    void corruptedByteInAPieceSpanningFilesMakesOnlyThatPieceAbsent() throws Exception {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            PieceHasherTest.corrupt(s.path(2), 1); // b[1] = stream byte 6, piece 0 (spans a, b, c, d)
            PieceHasherTest.corrupt(s.path(7), 49); // g[49] = stream byte 97, piece 6
            Bitfield present = run(Recheck.all(s, hasher, Recheck.Listener.NONE));
            assertThat(present.cardinality()).isEqualTo(f.layout.pieceCount() - 2);
            assertThat(present.get(0)).isFalse();
            assertThat(present.get(6)).isFalse();
            assertThat(present.get(1)).isTrue();
        }
    }

    @Test
    void missingAndTruncatedFilesMeanAbsentPiecesNotErrors() throws Exception {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
        }
        Files.delete(tmp.resolve("t/g")); // bytes 48..97: pieces 3..6
        try (FileChannel ch = FileChannel.open(tmp.resolve("t/h"), StandardOpenOption.WRITE)) {
            ch.truncate(30); // h is bytes 98..159; keeps 98..127, pieces 6 (shared), 7 present, 8, 9 lost
        }
        try (FileStorage s = f.storage(tmp, pool)) {
            Bitfield present = run(Recheck.all(s, hasher, Recheck.Listener.NONE));
            Bitfield expected = new Bitfield(f.layout.pieceCount());
            for (int p : new int[] {0, 1, 2, 7}) {
                expected.set(p);
            }
            assertThat(present).isEqualTo(expected);
        }
    }

    @Test
    void nothingOnDiskAtAllIsAnEmptyBitfield() throws Exception {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp.resolve("never-created"), pool)) {
            AtomicInteger calls = new AtomicInteger();
            Bitfield present = run(Recheck.all(s, hasher, (d, t, p, ok) -> calls.incrementAndGet()));
            assertThat(present.isEmpty()).isTrue();
            assertThat(calls.get()).isEqualTo(f.layout.pieceCount());
        }
    }

    @Test
    void partialCheckAddsTrustedPiecesUntouched() throws Exception {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            PieceHasherTest.corrupt(s.path(8), 61); // last piece
            Bitfield toCheck = new Bitfield(10);
            toCheck.set(8);
            toCheck.set(9);
            Bitfield trusted = new Bitfield(10);
            trusted.set(0);
            trusted.set(9); // claimed, but also checked: the check wins
            Bitfield present = run(Recheck.of(s, hasher, toCheck, trusted, Recheck.Listener.NONE));
            assertThat(present.toWire()).containsExactly((byte) 0x80, (byte) 0x80); // pieces 0 and 8
            assertThat(trusted.cardinality()).isEqualTo(2); // argument not modified
        }
    }

    @Test
    void cancelStopsDispatchingAndCancelsTheResult() throws Exception {
        Object[] spec = new Object[40];
        for (int i = 0; i < 20; i++) {
            spec[2 * i] = "t/f" + i;
            spec[2 * i + 1] = 4096 * 10;
        }
        Fixture f = Fixture.of(1024, spec); // 800 pieces
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicInteger reads = new AtomicInteger();
            TorrentStorage counting = new CountingStorage(s, reads);
            Recheck r = Recheck.all(counting, hasher, (done, total, piece, ok) -> {
                calls.incrementAndGet();
                started.countDown();
                try {
                    cancelled.await(); // hold every hasher thread until the test has cancelled
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            r.cancel();
            cancelled.countDown();
            assertThatThrownBy(() -> r.result().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            Thread.sleep(300);
            int after = calls.get();
            assertThat(after).isLessThanOrEqualTo(hasher.threads()); // only the calls already in progress
            // at most the dispatch window (two per thread) plus the pieces dispatched as those finished was read
            assertThat(reads.get()).isLessThanOrEqualTo(4 * hasher.threads());
            assertThat(r.isCancelled()).isTrue();
        }
    }

    @Test
    void bitfieldsOfTheWrongSizeAreRefused() throws IOException {
        Fixture f = fixture();
        try (FileStorage s = f.storage(tmp, pool)) {
            assertThatThrownBy(() -> Recheck.of(s, hasher, new Bitfield(3), new Bitfield(10), Recheck.Listener.NONE))
                    .hasMessageContaining("for 10 pieces");
        }
    }

    /** Delegates to a storage and counts reads, to see how much work a cancelled recheck still does. */
    private record CountingStorage(TorrentStorage delegate, AtomicInteger reads) implements TorrentStorage {
        @Override
        public StorageLayout layout() {
            return delegate.layout();
        }

        @Override
        public void read(int piece, int begin, java.nio.ByteBuffer dst) throws IOException {
            reads.incrementAndGet();
            delegate.read(piece, begin, dst);
        }

        @Override
        public void write(int piece, int begin, java.nio.ByteBuffer src) throws IOException {
            delegate.write(piece, begin, src);
        }

        @Override
        public java.util.List<FileState> fileStates() throws IOException {
            return delegate.fileStates();
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void deleteData() throws IOException {
            delegate.deleteData();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
