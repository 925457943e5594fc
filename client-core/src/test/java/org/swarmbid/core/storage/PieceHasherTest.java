package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PieceHasherTest {
    @TempDir
    Path tmp;

    private final FilePool pool = new FilePool(8);
    private final PieceHasher hasher = new PieceHasher(2);

    @AfterEach
    void close() {
        hasher.close();
        pool.close();
    }

    @Test
    void piecesPassAndACorruptedByteFailsOnlyItsPiece() throws Exception {
        // pieces bigger than the hasher's chunk, spanning files, with a short last piece
        int pieceLength = PieceHasher.CHUNK * 2 + 1000;
        Fixture f = Fixture.of(pieceLength, "t/a", 100_000, "t/b", 0, "t/c", pieceLength * 2L, "t/d", 12_345);
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            for (int p = 0; p < f.layout.pieceCount(); p++) {
                assertThat(hasher.verify(s, p).get(10, TimeUnit.SECONDS)).as("piece %d", p).isTrue();
            }
            long at = pieceLength + PieceHasher.CHUNK + 5L; // inside piece 1, in its second chunk
            corrupt(s.path(2), at - 100_000);
            assertThat(hasher.verify(s, 1).get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(hasher.verify(s, 0).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(hasher.verify(s, 2).get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    static void corrupt(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x01)).rewind();
            ch.write(b, position);
        }
    }

    @Test
    void missingFileFailsTheFutureInsteadOfPretendingAHashMismatch() {
        Fixture f = Fixture.of(16, "t/a", 40);
        try (FileStorage s = f.storage(tmp, pool)) {
            assertThatThrownBy(() -> hasher.verify(s, 0).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> hasher.verify(s, 3).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IndexOutOfBoundsException.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hashesFromMemoryAsOneBufferOrAsBlocks() throws Exception {
        Fixture f = Fixture.of(64, "a", 150);
        ByteBuffer whole = ByteBuffer.allocateDirect(64).put(f.piece(1)).flip();
        assertThat(hasher.verify(f.layout, 1, whole).get()).isTrue();
        assertThat(whole.remaining()).isEqualTo(64); // not consumed
        List<ByteBuffer> blocks = new ArrayList<>();
        byte[] p2 = f.piece(2); // the 22-byte last piece
        blocks.add(ByteBuffer.wrap(p2, 0, 10));
        blocks.add(ByteBuffer.wrap(p2, 10, 12));
        assertThat(hasher.verify(f.layout, 2, blocks).get()).isTrue();
        p2[21] ^= 1;
        assertThat(hasher.verify(f.layout, 2, blocks).get()).isFalse();
        assertThat(hasher.verify(f.layout, 0, whole).get()).isFalse(); // right size, wrong piece
        assertThatThrownBy(() -> hasher.verify(f.layout, 2, ByteBuffer.allocate(21)).get())
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("21 bytes given for piece 2");
    }

    @Test
    void closedHasherFailsNewWork() {
        PieceHasher h = new PieceHasher(1);
        h.close();
        CompletableFuture<Boolean> f = h.verify(Fixture.of(4, "a", 4).layout, 0, ByteBuffer.allocate(4));
        assertThat(f).isCompletedExceptionally();
    }

    @Test
    void workerThreadsAreNamedDaemons() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        hasher.execute(() -> worker.complete(Thread.currentThread()));
        Thread t = worker.get(10, TimeUnit.SECONDS);
        assertThat(t.isDaemon()).isTrue();
        assertThat(t.getName()).startsWith("piece-hasher-");
        try (PieceHasher defaults = new PieceHasher()) {
            assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The wallet makes Bouncy Castle the first JCA provider. A higher-priority provider that answers "SHA-1" with
     * a wrong digest stands in for it here: hashing must still use (and agree with) the JDK's SUN provider.
     */
    @Test
    void sha1ComesFromSunEvenWhenAnotherProviderIsFirst() throws Exception {
        ShadowProvider shadow = new ShadowProvider();
        assertThat(Security.insertProviderAt(shadow, 1)).isEqualTo(1);
        try (PieceHasher fresh = new PieceHasher(2)) {
            MessageDigest unqualified = MessageDigest.getInstance("SHA-1");
            assertThat(unqualified.getProvider().getName()).as("test setup shadows SHA-1")
                    .isEqualTo(ShadowProvider.NAME);
            assertThat(PieceHasher.sha1().getProvider().getName()).isEqualTo("SUN");

            Fixture f = Fixture.of(32, "t/a", 100, "t/b", 50);
            try (FileStorage s = f.storage(tmp, pool)) {
                f.writeAll(s);
                for (int p = 0; p < f.layout.pieceCount(); p++) {
                    assertThat(fresh.verify(s, p).get(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(fresh.verify(f.layout, p, ByteBuffer.wrap(f.piece(p))).get()).isTrue();
                }
            }
            int before = ShadowProvider.created.get();
            assertThat(before).isEqualTo(1); // only the unqualified lookup above
        } finally {
            Security.removeProvider(ShadowProvider.NAME);
        }
    }

    /** A provider listing SHA-1 first, with a digest that always answers zeros. */
    static final class ShadowProvider extends Provider {
        static final String NAME = "ShadowSha1";
        static final AtomicInteger created = new AtomicInteger();
        private static final long serialVersionUID = 1L;

        ShadowProvider() {
            super(NAME, "1.0", "shadows SHA-1 like Bouncy Castle installed first");
            putService(new Service(this, "MessageDigest", "SHA-1", ZeroDigest.class.getName(),
                    List.of("SHA1", "SHA"), null) {
                @Override
                public Object newInstance(Object parameter) {
                    created.incrementAndGet();
                    return new ZeroDigest();
                }
            });
        }
    }

    static final class ZeroDigest extends MessageDigestSpi {
        @Override
        protected void engineUpdate(byte input) {
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
        }

        @Override
        protected byte[] engineDigest() {
            return new byte[20];
        }

        @Override
        protected void engineReset() {
        }

        @Override
        protected int engineGetDigestLength() {
            return 20;
        }
    }

    /** Not a benchmark and not asserted on time: prints hashing throughput so regressions are visible in logs. */
    @Test
    void printsHashingThroughput() throws Exception {
        int pieceLength = 1 << 20;
        int pieces = 48;
        Object[] spec = {"bench/a", (long) pieceLength * pieces / 2 + 12_345, "bench/b",
            (long) pieceLength * pieces / 2 - 12_345};
        Fixture f = Fixture.of(pieceLength, spec);
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            for (int round = 0; round < 2; round++) { // first round warms up
                long t0 = System.nanoTime();
                List<CompletableFuture<Boolean>> all = new ArrayList<>();
                for (int p = 0; p < pieces; p++) {
                    all.add(hasher.verify(s, p));
                }
                int ok = 0;
                for (CompletableFuture<Boolean> c : all) {
                    ok += c.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                assertThat(ok).isEqualTo(pieces);
                long t1 = System.nanoTime();
                MessageDigest md = PieceHasher.sha1();
                md.update(f.content);
                md.digest();
                double memSecs = (System.nanoTime() - t1) / 1e9;
                System.out.printf("hashing %d MiB: from files %.0f MiB/s on %d threads; in memory %.0f MiB/s "
                        + "(one thread, SUN)%n", pieces, pieces / secs, hasher.threads(), pieces / memSecs);
            }
        }
    }
}
