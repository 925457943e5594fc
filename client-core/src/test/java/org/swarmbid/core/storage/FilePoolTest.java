package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePoolTest {
    @TempDir
    Path tmp;

    private final List<FileChannel> openedChannels = new CopyOnWriteArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();

    private final FilePool.Opener opener = (p, write) -> {
        opens.incrementAndGet();
        FileChannel ch = write
                ? FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(p, StandardOpenOption.READ);
        openedChannels.add(ch);
        return ch;
    };

    private Path file(String name) throws IOException {
        return Files.write(tmp.resolve(name), new byte[] {1});
    }

    @Test
    void evictsTheLeastRecentlyUsedIdleChannel() throws IOException {
        try (FilePool pool = new FilePool(2)) {
            FilePool.Group g = pool.newGroup("t");
            FileChannel a = use(g, file("a"));
            FileChannel b = use(g, file("b"));
            assertThat(use(g, tmp.resolve("a"))).isSameAs(a); // a is now most recent
            FileChannel c = use(g, file("c"));
            assertThat(b.isOpen()).isFalse();
            assertThat(a.isOpen()).isTrue();
            assertThat(c.isOpen()).isTrue();
            assertThat(pool.openCount()).isEqualTo(2);
            assertThat(pool.evictedTotal()).isEqualTo(1);
            assertThat(pool.openedTotal()).isEqualTo(3);
        }
    }

    private FileChannel use(FilePool.Group g, Path p) throws IOException {
        try (FilePool.Lease l = g.acquire(p, false, opener)) {
            return l.channel();
        }
    }

    @Test
    void pinnedChannelsAreNeverClosedUnderTheirUser() throws IOException {
        try (FilePool pool = new FilePool(1)) {
            FilePool.Group g = pool.newGroup("t");
            FilePool.Lease a = g.acquire(file("a"), false, opener);
            FilePool.Lease b = g.acquire(file("b"), false, opener); // over the bound: a is pinned
            assertThat(pool.openCount()).isEqualTo(2);
            assertThat(a.channel().isOpen()).isTrue();
            a.close(); // released: surplus is trimmed at once
            assertThat(a.channel().isOpen()).isFalse();
            assertThat(pool.openCount()).isEqualTo(1);
            g.close(); // torrent stops while b is pinned
            assertThat(b.channel().isOpen()).isTrue();
            assertThat(pool.openCount()).isZero();
            b.close();
            assertThat(b.channel().isOpen()).isFalse();
            assertThatThrownBy(() -> g.acquire(tmp.resolve("a"), false, opener)).hasMessageContaining("closed");
        }
    }

    @Test
    void readOnlyChannelIsUpgradedForWritersAndWritableOneServesReaders() throws IOException {
        try (FilePool pool = new FilePool(4)) {
            FilePool.Group g = pool.newGroup("t");
            Path p = file("a");
            FilePool.Lease ro = g.acquire(p, false, opener);
            assertThat(ro.writable()).isFalse();
            FilePool.Lease rw = g.acquire(p, true, opener);
            assertThat(rw.writable()).isTrue();
            assertThat(rw.channel()).isNotSameAs(ro.channel());
            assertThat(ro.channel().isOpen()).isTrue(); // retired, still pinned
            ro.close();
            assertThat(ro.channel().isOpen()).isFalse();
            try (FilePool.Lease reader = g.acquire(p, false, opener)) {
                assertThat(reader.channel()).isSameAs(rw.channel());
            }
            rw.close();
            assertThat(opens.get()).isEqualTo(2);
        }
    }

    @Test
    void groupsAreSeparateAndCloseOnlyTheirOwnChannels() throws IOException {
        try (FilePool pool = new FilePool(8)) {
            FilePool.Group one = pool.newGroup("one");
            FilePool.Group two = pool.newGroup("two");
            Path p = file("shared");
            FileChannel c1 = use(one, p);
            FileChannel c2 = use(two, p);
            assertThat(c1).isNotSameAs(c2);
            one.close();
            assertThat(c1.isOpen()).isFalse();
            assertThat(c2.isOpen()).isTrue();
            pool.close();
            assertThat(c2.isOpen()).isFalse();
            assertThatThrownBy(() -> two.acquire(p, false, opener)).hasMessageContaining("closed");
        }
    }

    @Test
    void channelClosedByAnInterruptIsDroppedAndReopened() throws Exception {
        try (FilePool pool = new FilePool(4)) {
            FilePool.Group g = pool.newGroup("t");
            Path p = file("a");
            FileChannel first = use(g, p);
            first.close(); // what Thread.interrupt() during I/O does to a FileChannel
            FileChannel second = use(g, p);
            assertThat(second).isNotSameAs(first);
            assertThat(second.isOpen()).isTrue();
        }
    }

    @Test
    void openerFailureLeavesNothingBehind() throws IOException {
        try (FilePool pool = new FilePool(4)) {
            FilePool.Group g = pool.newGroup("t");
            assertThatThrownBy(() -> g.acquire(tmp.resolve("missing"), false, opener))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class);
            assertThat(pool.openCount()).isZero();
        }
    }

    /**
     * Eight threads write and read 24 files through storages sharing a pool of 4 channels: every byte must land
     * and read back right, no I/O may fail because a channel was evicted under it, and the pool must end within
     * its bound.
     */
    @Test
    void evictionUnderConcurrencyLosesNoData() throws Exception {
        int maxOpen = 4;
        int threads = 8;
        FilePool pool = new FilePool(maxOpen);
        Object[] spec = new Object[24 * 2];
        for (int i = 0; i < 24; i++) {
            spec[2 * i] = "t/f" + i;
            spec[2 * i + 1] = 1000 + 37 * i;
        }
        Fixture f = Fixture.of(512, spec);
        Fixture g = Fixture.of(300, "u/one", 5000, "u/two", 7001);
        FileStorage s1 = f.storage(tmp, pool);
        FileStorage s2 = g.storage(tmp, pool);
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(exec.submit(() -> {
                start.await();
                Random r = new Random(seed);
                Fixture fx = seed % 2 == 0 ? f : g;
                FileStorage s = seed % 2 == 0 ? s1 : s2;
                int half = threads / 2;
                // each thread owns the pieces p with p % half == seed / 2, writes them, then reads others
                for (int p = seed / 2; p < fx.layout.pieceCount(); p += half) {
                    s.write(p, 0, ByteBuffer.wrap(fx.piece(p)));
                }
                for (int i = 0; i < 300; i++) {
                    int p = r.nextInt(fx.layout.pieceCount());
                    if (p % half != seed / 2) {
                        continue; // may not be written yet
                    }
                    ByteBuffer dst = ByteBuffer.allocate(fx.layout.pieceSize(p));
                    s.read(p, 0, dst);
                    assertThat(dst.array()).isEqualTo(fx.piece(p));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> fut : futures) {
            fut.get(60, TimeUnit.SECONDS);
        }
        exec.shutdown();
        for (int p = 0; p < f.layout.pieceCount(); p++) {
            assertThat(s1.readBlock(p, 0, f.layout.pieceSize(p)).array()).isEqualTo(f.piece(p));
        }
        for (int p = 0; p < g.layout.pieceCount(); p++) {
            assertThat(s2.readBlock(p, 0, g.layout.pieceSize(p)).array()).isEqualTo(g.piece(p));
        }
        assertThat(pool.openCount()).isLessThanOrEqualTo(maxOpen);
        assertThat(pool.evictedTotal()).isPositive();
        assertThat(pool.openedTotal()).isGreaterThan(26);
        s1.close();
        s2.close();
        assertThat(pool.openCount()).isZero();
        pool.close();
    }
}
