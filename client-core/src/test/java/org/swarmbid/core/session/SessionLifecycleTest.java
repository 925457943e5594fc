package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;

/** Many torrents in one session: add, pause, resume, remove with and without data, rate limits, events as diffs. */
class SessionLifecycleTest {

    @Test
    void twoTorrentsPauseResumeRemoveAndEvents(@TempDir Path tmp) throws Exception {
        Metainfo a = TwoEngines.payload(tmp.resolve("seed"), "alpha", 3, 400_003, 32 * 1024, 11);
        Metainfo b = TwoEngines.payload(tmp.resolve("seed"), "beta", 2, 700_001, 64 * 1024, 12);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of());
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of())) {
            leecher.addListener(events::addAll);
            seeder.add(a, AddOptions.in(tmp.resolve("seed")));
            seeder.add(b, AddOptions.in(tmp.resolve("seed")));
            assertThatThrownBy(() -> seeder.add(a, AddOptions.in(tmp.resolve("seed"))))
                    .hasMessageContaining("already added");
            TorrentHandle ha = leecher.add(a, AddOptions.in(tmp.resolve("out")));
            TorrentHandle hb = leecher.add(b, new AddOptions(tmp.resolve("out"), true, false));
            assertThat(leecher.torrents()).hasSize(2);
            ha.connect(TwoEngines.address(seeder));
            TwoEngines.await("alpha complete", Duration.ofSeconds(60), () -> ha.status().isComplete());
            TwoEngines.await("beta reported paused", Duration.ofSeconds(10),
                    () -> hb.status().state() == TorrentState.PAUSED);
            assertThat(hb.status().doneBytes()).isZero();
            hb.resume();
            hb.connect(TwoEngines.address(seeder));
            TwoEngines.await("beta complete", Duration.ofSeconds(60), () -> hb.status().isComplete());

            // pause closes every connection; resume rejoins without checking again
            ha.pause();
            TwoEngines.await("alpha paused", Duration.ofSeconds(10),
                    () -> ha.status().state() == TorrentState.PAUSED && ha.status().peers() == 0);
            ha.resume();
            TwoEngines.await("alpha seeding again", Duration.ofSeconds(10),
                    () -> ha.status().state() == TorrentState.SEEDING);

            // remove without data keeps the files, with data deletes them
            leecher.remove(ha.infoHash(), false).get();
            assertThat(Files.exists(tmp.resolve("out/alpha/f0.bin"))).isTrue();
            leecher.remove(hb.infoHash(), true).get();
            assertThat(Files.exists(tmp.resolve("out/beta"))).isFalse();
            assertThat(leecher.torrents()).isEmpty();
            TwoEngines.await("removal events", Duration.ofSeconds(5), () -> events.stream()
                    .filter(e -> e instanceof SessionEvent.TorrentRemoved).count() == 2);
        }
        assertThat(events).anyMatch(e -> e instanceof SessionEvent.TorrentAdded);
        assertThat(events.stream().filter(e -> e instanceof SessionEvent.TorrentFinished).count()).isEqualTo(2);
        assertThat(events).anyMatch(e -> e instanceof SessionEvent.StateChanged s
                && s.from() == TorrentState.DOWNLOADING && s.to() == TorrentState.SEEDING);
        assertThat(events).anyMatch(e -> e instanceof SessionEvent.TorrentRemoved r && r.dataDeleted());
        // diffs carry only the torrents whose status changed since they were last published
        java.util.Map<String, org.swarmbid.core.api.TorrentStatus> last = new java.util.HashMap<>();
        int diffs = 0;
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.StatusDiff d) {
                diffs++;
                for (org.swarmbid.core.api.TorrentStatus st : d.changed()) {
                    assertThat(st).isNotEqualTo(last.put(st.infoHash(), st));
                }
            }
        }
        assertThat(diffs).isPositive();
    }

    @Test
    void recheckFindsACorruptedPieceAndTheDownloadHealsIt(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "heal", 1, 600_000, 64 * 1024, 14);
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of());
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of())) {
            seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("complete", Duration.ofSeconds(60), () -> h.status().isComplete());
            Path file = tmp.resolve("out").resolve(m.info().files().get(0).displayPath());
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {9, 9, 9}), 5L * 64 * 1024 + 7);
            }
            h.recheck().get(30, java.util.concurrent.TimeUnit.SECONDS);
            // the damaged piece is found missing, downloaded again, and the file is whole again
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("healed", Duration.ofSeconds(60), () -> h.status().isComplete()
                    && h.status().state() == TorrentState.SEEDING);
            assertThat(Files.mismatch(file, tmp.resolve("seed").resolve(m.info().files().get(0).displayPath())))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void downloadLimitHoldsTheRate(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "limited", 2, 1_500_000, 64 * 1024, 13);
        long limit = 256 * 1024;
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of());
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(), limit, 0)) {
            TorrentHandle s = seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TwoEngines.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("first bytes", Duration.ofSeconds(30), () -> h.status().downloaded() > 0);
            long t0 = System.nanoTime();
            long d0 = h.status().downloaded();
            Thread.sleep(4000);
            long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000L);
            long got = h.status().downloaded() - d0;
            // the bucket allows one second's worth of burst plus the blocks already in flight (status lags 1 s)
            assertThat(got).isLessThanOrEqualTo(limit * (seconds + 3));
            assertThat(h.status().isComplete()).isFalse();
            leecher.setRateLimits(0, 0);
            TwoEngines.await("complete once unlimited", Duration.ofSeconds(60), () -> h.status().isComplete());
        }
    }

    @Test
    void aDroppedPeerWeDialledIsDialledAgainWhenItComesBack(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "redial", 1, 3_000_000, 64 * 1024, 21);
        Engine first = TwoEngines.engine(tmp.resolve("s1"), List.of(), 0, 512 * 1024);
        int port = first.listenPort();
        try (Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of())) {
            TorrentHandle s = first.add(m, AddOptions.in(tmp.resolve("seed")));
            TwoEngines.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(first));
            TwoEngines.await("some pieces", Duration.ofSeconds(30), () -> h.status().piecesDone() > 2);
            first.close(); // the seeder goes away mid-download (a crash or a restart)
            TwoEngines.await("peer gone", Duration.ofSeconds(10), () -> h.peers().isEmpty());
            assertThat(h.status().isComplete()).isFalse();
            // it comes back on the same port, unlimited; nobody calls connect() again
            SessionConfig c = SessionConfig.defaults(tmp.resolve("s3"))
                    .withBind(java.net.InetAddress.getLoopbackAddress(), port)
                    .withTimers(Duration.ofSeconds(2), Duration.ofSeconds(30));
            try (Engine again = Engine.start(c, List.of())) {
                TorrentHandle s2 = again.add(m, AddOptions.in(tmp.resolve("seed")));
                TwoEngines.await("seeding again", Duration.ofSeconds(30), () -> s2.status().isComplete());
                TwoEngines.await("complete after the redial", Duration.ofSeconds(60), () -> h.status().isComplete());
            }
        }
        assertThat(Files.mismatch(tmp.resolve("seed").resolve(m.info().files().get(0).displayPath()),
                tmp.resolve("out").resolve(m.info().files().get(0).displayPath()))).isEqualTo(-1L);
    }
}
