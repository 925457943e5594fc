package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures against each other: real programs from Debian packages exchanging a real payload on 127.0.0.1,
 * checked byte for byte. Each test stops everything it started; {@link #nothingOutlivesTheTest()} checks that.
 */
@Tag("interop")
class InteropFixturesTest {
    private static final long EIGHT_MIB = 8L << 20;
    private static final int PIECE_256K = 18;

    /** Kept when a test fails, so the client logs can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @AfterEach
    void nothingOutlivesTheTest() {
        assertThat(ExternalProcess.liveProcesses()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ExternalProcess::isRunning)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))).isEmpty();
    }

    @Test
    @Timeout(90)
    void libtorrentSeedToLibtorrentLeechThroughUdpTracker() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", EIGHT_MIB, 1);
            TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), PIECE_256K, tracker.udpAnnounceUrl());
            assertThat(torrent.totalLength()).isEqualTo(EIGHT_MIB);
            tracker.allow(torrent);
            Path out = tmp.resolve("leech");
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next())) {
                tracker.awaitSeeders(torrent.infoHash(), 1, Duration.ofSeconds(20));
                try (LibtorrentPeer leech = LibtorrentPeer.leech(torrent.file(), out, FreePorts.next())) {
                    leech.awaitFinished(Duration.ofSeconds(40));
                    assertThat(leech.progress()).isEqualTo(1.0);
                    assertThat(leech.hashFailures()).isZero();
                    assertThat(leech.downloadedBytes()).isGreaterThanOrEqualTo(EIGHT_MIB);
                    FileTrees.assertSameTree(payload.root(), out.resolve("payload"));
                    // the tracker learns of the completed leecher at its "completed" announce
                    tracker.awaitSeeders(torrent.infoHash(), 2, Duration.ofSeconds(20));
                    seed.awaitStatus("the upload to be counted", Duration.ofSeconds(5),
                            s -> s.uploaded() >= EIGHT_MIB);
                }
            }
        }
    }

    @Test
    @Timeout(90)
    void libtorrentSeedToAria2Leech() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", EIGHT_MIB, 2);
            // HTTP: aria2 speaks UDP tracker only through its DHT socket, and DHT stays off
            TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), PIECE_256K, tracker.httpAnnounceUrl());
            tracker.allow(torrent);
            Path out = tmp.resolve("leech");
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next())) {
                tracker.awaitSeeders(torrent.infoHash(), 1, Duration.ofSeconds(20));
                try (Aria2Peer leech = Aria2Peer.leech(torrent.file(), out, FreePorts.next())) {
                    leech.awaitFinished(Duration.ofSeconds(40));
                    assertThat(leech.progress()).isEqualTo(1.0);
                    FileTrees.assertSameTree(payload.root(), out.resolve("payload"));
                    seed.awaitStatus("the upload to be counted", Duration.ofSeconds(5),
                            s -> s.uploaded() >= EIGHT_MIB);
                }
            }
        }
    }

    @Test
    @Timeout(90)
    void libtorrentSeedReannouncesSoTransmissionLeechGetsDialed() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", EIGHT_MIB, 3);
            TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), PIECE_256K, tracker.httpAnnounceUrl());
            tracker.allow(torrent);
            Path out = tmp.resolve("leech");
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next())) {
                tracker.awaitSeeders(torrent.infoHash(), 1, Duration.ofSeconds(20));
                try (TransmissionPeer leech = TransmissionPeer.leech(torrent.file(), out, FreePorts.next())) {
                    // Transmission never dials 127.0.0.1: once it has announced, the seeder must learn of it and dial
                    tracker.awaitLeechers(torrent.infoHash(), 1, Duration.ofSeconds(20));
                    seed.reannounce();
                    seed.awaitPeer("Transmission", Duration.ofSeconds(20), p -> p.client().startsWith("Transmission"));
                    leech.awaitFinished(Duration.ofSeconds(45));
                    assertThat(leech.progress()).isEqualTo(1.0);
                    FileTrees.assertSameTree(payload.root(), out.resolve("payload"));
                }
            }
        }
    }

    @Test
    @Timeout(90)
    void transmissionSeedToLibtorrentLeech() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", EIGHT_MIB, 4);
            TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), PIECE_256K, tracker.httpAnnounceUrl());
            tracker.allow(torrent);
            Path out = tmp.resolve("leech");
            try (TransmissionPeer seed = TransmissionPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next())) {
                TransmissionPeer.Status checked = seed.awaitSeeding(Duration.ofSeconds(20));
                assertThat(checked.haveBytes()).isBetween(EIGHT_MIB * 99 / 100, EIGHT_MIB * 101 / 100);
                tracker.awaitSeeders(torrent.infoHash(), 1, Duration.ofSeconds(20));
                try (LibtorrentPeer leech = LibtorrentPeer.leech(torrent.file(), out, FreePorts.next())) {
                    leech.awaitPeer("Transmission", Duration.ofSeconds(20), p -> p.client().startsWith("Transmission"));
                    leech.awaitFinished(Duration.ofSeconds(45));
                    FileTrees.assertSameTree(payload.root(), out.resolve("payload"));
                    assertThat(seed.status().uploadedBytes()).isGreaterThan(EIGHT_MIB * 9 / 10);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void connectToNeedsNoTracker() {
        // the announce URL points at a port nobody listens on: the peers only meet through connectTo; the two
        // seeds stay connected after the download (close_redundant_connections=false) so the peer can be inspected
        TestPayload payload = TestPayload.singleFile(tmp.resolve("seed"), "single.bin", 3_000_001, 5);
        TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), 16, "http://127.0.0.1:9/announce");
        Path out = tmp.resolve("leech");
        try (LibtorrentPeer seed = LibtorrentPeer.builder(LibtorrentPeer.Mode.SEED, torrent.file(), payload.saveDir(),
                FreePorts.next()).encryption(Encryption.REQUIRE).setting("close_redundant_connections", "false").start();
             LibtorrentPeer leech = LibtorrentPeer.builder(LibtorrentPeer.Mode.LEECH, torrent.file(), out,
                     FreePorts.next()).encryption(Encryption.REQUIRE)
                     .setting("close_redundant_connections", "false").start()) {
            // libtorrent dials a connect_peer address once; on a loaded machine the seeder may not accept yet,
            // so dial again until it shows up
            LibtorrentPeer.PeerInfo peer = null;
            for (int attempt = 0; attempt < 8 && peer == null; attempt++) {
                // libtorrent may refuse connections made just after it starts listening and then back off from
                // that address, so dial from both sides
                leech.connectTo(seed.port());
                seed.connectTo(leech.port());
                try {
                    // any port: when both dials succeed libtorrent keeps one connection, and if it keeps the seeder's
                    // the leecher sees the seeder's ephemeral source port, not its listen port (the tracker is dead,
                    // so the seeder is the only peer there is)
                    peer = leech.awaitPeer("the seeder over RC4", Duration.ofSeconds(6),
                            p -> "rc4".equals(p.encryption()));
                } catch (AssertionError e) {
                    if (attempt == 7) {
                        throw e;
                    }
                }
            }
            assertThat(peer.encryption()).isEqualTo("rc4");
            assertThat(peer.client()).contains("libtorrent");
            leech.awaitFinished(Duration.ofSeconds(30));
            FileTrees.assertSameTree(payload.root(), out.resolve("single.bin"));
            assertThat(leech.trackerReplies()).isZero();
        }
    }
    @Test
    @Timeout(60)
    void opentrackerRefusesAnInfoHashUntilAllowed() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.singleFile(tmp.resolve("seed"), "one.bin", 1_000_003, 6);
            TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), 16, tracker.httpAnnounceUrl());
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next())) {
                seed.awaitCondition("a refused announce", Duration.ofSeconds(20), () -> seed.trackerErrors() > 0);
                assertThat(seed.events()).anyMatch(e -> e.startsWith("TRACKER event=error")
                        && e.contains("not authorized"));
                assertThat(tracker.scrape(torrent.infoHash())).isEqualTo(new Opentracker.ScrapeStats(0, 0, 0));
                tracker.allow(torrent);
                seed.reannounce();
                tracker.awaitSeeders(torrent.infoHash(), 1, Duration.ofSeconds(20));
                // the tracker counts the seed before libtorrent's next status line reports the reply
                seed.awaitCondition("a tracker reply", Duration.ofSeconds(10), () -> seed.trackerReplies() > 0);
            }
        }
    }
}
