package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.testing.Aria2Peer;
import org.swarmbid.core.testing.ExternalProcess;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.FreePorts;
import org.swarmbid.core.testing.LibtorrentPeer;
import org.swarmbid.core.testing.Opentracker;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.core.testing.TestTorrent;
import org.swarmbid.core.testing.TransmissionPeer;
import org.swarmbid.core.wire.MetadataMessage;

/**
 * The engine against real clients from Debian packages (libtorrent-rasterbar 2.0 via python3-libtorrent,
 * Transmission 3.00, aria2 1.36) on 127.0.0.1, in both directions, meeting through a real opentracker.
 *
 * <p>Every test moves the same kind of payload: {@link TestPayload#multiFile} with 20 files of odd sizes (1 byte,
 * 1000 bytes, files smaller than a piece, nested folders, a folder name with a space) and 256 KiB pieces, so most
 * pieces span two or more files; the torrent is made by the real mktorrent and announces over HTTP (aria2 cannot use
 * UDP trackers with DHT off). The received tree is compared byte for byte with the original.
 *
 * <p>Transmission never dials peers on 127.0.0.0/8, so when it leeches, the Swarmbid seed must dial it: the test waits
 * until Transmission has announced and asks the engine to {@link TorrentHandle#reannounce()}, which hands it the
 * leecher's address. Transmission also chokes and unchokes on a 10 s timer, so those two tests take longer.
 */
@Tag("interop")
class EngineInteropTest {
    /** 10 MiB and an odd tail: 41 pieces of 256 KiB, the last one short. */
    static final long PAYLOAD_BYTES = (10L << 20) + 12_345;
    static final int PIECE_256K = 18;
    static final Duration READY = Duration.ofSeconds(20);
    static final Duration TRANSFER = Duration.ofSeconds(75);

    /** Kept when a test fails, so the client logs can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @AfterEach
    void nothingOutlivesTheTest() {
        assertThat(ExternalProcess.liveProcesses()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ExternalProcess::isRunning)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))).isEmpty();
    }

    // ------------------------------------------------------------------ Swarmbid downloads

    @Test
    @Timeout(120)
    void swarmbidDownloadsFromLibtorrent() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 11);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next());
                 SwarmbidPeer leech = SwarmbidPeer.start("swarmbid-leech", tmp.resolve("state"))) {
                tracker.awaitSeeders(torrent.infoHash(), 1, READY);
                TorrentHandle h = leech.add(torrent.file(), out);
                TorrentStatus done = leech.awaitComplete(h, TRANSFER, seed);
                assertDownloadedWhole(done, payload, out);
                seed.awaitStatus("the upload to be counted", Duration.ofSeconds(10),
                        s -> s.uploaded() >= PAYLOAD_BYTES);
                assertNoProblems(leech);
            }
        }
    }

    @Test
    @Timeout(120)
    void swarmbidDownloadsFromTransmission() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 12);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (TransmissionPeer seed = TransmissionPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next());
                 SwarmbidPeer leech = SwarmbidPeer.start("swarmbid-leech", tmp.resolve("state"))) {
                seed.awaitSeeding(READY);
                tracker.awaitSeeders(torrent.infoHash(), 1, READY);
                // Transmission accepts loopback connections, it only never makes them: the engine dials it
                TorrentHandle h = leech.add(torrent.file(), out);
                leech.awaitPeer(h, "Transmission", READY, p -> p.client().contains("Transmission"), seed);
                TorrentStatus done = leech.awaitComplete(h, TRANSFER, seed);
                assertDownloadedWhole(done, payload, out);
                assertThat(seed.status().uploadedBytes()).isGreaterThan(PAYLOAD_BYTES * 9 / 10);
                assertNoProblems(leech);
            }
        }
    }

    @Test
    @Timeout(120)
    void swarmbidDownloadsFromAria2() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 13);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (Aria2Peer seed = Aria2Peer.seed(torrent.file(), payload.saveDir(), FreePorts.next());
                 SwarmbidPeer leech = SwarmbidPeer.start("swarmbid-leech", tmp.resolve("state"))) {
                tracker.awaitSeeders(torrent.infoHash(), 1, READY);
                TorrentHandle h = leech.add(torrent.file(), out);
                TorrentStatus done = leech.awaitComplete(h, TRANSFER, seed);
                assertDownloadedWhole(done, payload, out);
                assertNoProblems(leech);
            }
        }
    }

    // ------------------------------------------------------------------ Swarmbid seeds

    @Test
    @Timeout(120)
    void libtorrentStartingFromAMagnetLinkGetsTheMetadataFromSwarmbid() throws java.io.IOException {
        // no tracker and no .torrent on libtorrent's side: an info-hash, one peer address, and BEP 9 in between
        // 32 KiB pieces of 32 MiB: 1,025 SHA-1s, so the info dictionary is over 20 KB, two metadata pieces
        TestPayload payload = TestPayload.singleFile(tmp.resolve("seed"), "magnet.bin", (32 << 20) + 777, 23);
        TestTorrent torrent = payload.makeTorrent(tmp.resolve("t.torrent"), 15, "http://127.0.0.1:9/announce");
        assertThat(MetainfoParser.read(torrent.file()).infoSize()).isGreaterThan(MetadataMessage.PIECE_SIZE);
        Path out = tmp.resolve("leech");
        try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state"))) {
            TorrentHandle h = seed.add(torrent.file(), new AddOptions(payload.saveDir(), false, false));
            seed.awaitSeeding(h, READY);
            try (LibtorrentPeer leech = LibtorrentPeer.builder(LibtorrentPeer.Mode.LEECH, torrent.file(), out,
                    FreePorts.next()).magnet().connectTo(seed.port()).start()) {
                awaitExternal(seed, h, () -> leech.awaitFinished(TRANSFER), leech);
                assertThat(leech.hashFailures()).isZero();
                FileTrees.assertSameTree(payload.root(), out.resolve("magnet.bin"));
                assertNoProblems(seed);
            }
        }
    }

    @Test
    @Timeout(120)
    void libtorrentDownloadsFromSwarmbid() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 21);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state"))) {
                TorrentHandle h = seedAndAnnounce(seed, tracker, torrent, payload, false);
                try (LibtorrentPeer leech = LibtorrentPeer.leech(torrent.file(), out, FreePorts.next())) {
                    awaitExternal(seed, h, () -> leech.awaitFinished(TRANSFER), leech);
                    assertThat(leech.hashFailures()).isZero();
                    FileTrees.assertSameTree(payload.root(), out.resolve(payload.name()));
                    awaitUploadedAll(seed, h, leech);
                    assertNoProblems(seed);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void transmissionDownloadsFromSwarmbid() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 22);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state"))) {
                TorrentHandle h = seedAndAnnounce(seed, tracker, torrent, payload, false);
                try (TransmissionPeer leech = TransmissionPeer.leech(torrent.file(), out, FreePorts.next())) {
                    tracker.awaitLeechers(torrent.infoHash(), 1, READY);
                    // the only way the two meet on loopback: the seed learns of the leecher and dials it
                    h.reannounce();
                    seed.awaitPeer(h, "Transmission", READY, p -> p.client().contains("Transmission"), leech);
                    awaitExternal(seed, h, () -> leech.awaitFinished(TRANSFER), leech);
                    FileTrees.assertSameTree(payload.root(), out.resolve(payload.name()));
                    awaitUploadedAll(seed, h, leech);
                    assertNoProblems(seed);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void aria2DownloadsFromSwarmbidInSeedMode() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 23);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state"))) {
                // trustExistingData: no up-front check, each piece is verified when first read for upload
                TorrentHandle h = seedAndAnnounce(seed, tracker, torrent, payload, true);
                try (Aria2Peer leech = Aria2Peer.leech(torrent.file(), out, FreePorts.next())) {
                    awaitExternal(seed, h, () -> leech.awaitFinished(TRANSFER), leech);
                    FileTrees.assertSameTree(payload.root(), out.resolve(payload.name()));
                    awaitUploadedAll(seed, h, leech);
                    assertNoProblems(seed);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers (shared with SwarmInteropTest)

    /**
     * Makes the .torrent with mktorrent, checks the payload has the shape the tests promise, and whitelists it on
     * the tracker.
     */
    static TestTorrent torrent(TestPayload payload, Opentracker tracker) {
        TestTorrent torrent = payload.makeTorrent(payload.saveDir().resolveSibling("payload.torrent"), PIECE_256K,
                tracker.httpAnnounceUrl());
        assertThat(torrent.totalLength()).isEqualTo(payload.totalBytes());
        long piece = torrent.pieceLength();
        assertThat(payload.files()).hasSize(20);
        assertThat(payload.files()).as("a file smaller than a piece").anyMatch(e -> e.size() < piece);
        assertThat(payload.files()).as("odd sizes").anyMatch(e -> e.size() % 2 == 1);
        assertThat(payload.files()).as("a nested folder").anyMatch(e -> e.path().split("/").length >= 4);
        long offset = 0;
        int spanning = 0;
        for (TestPayload.Entry e : payload.files()) {
            long end = offset + e.size();
            if (end % piece != 0 && end < payload.totalBytes()) {
                spanning++; // the piece holding this file's last byte also holds the next file's first
            }
            offset = end;
        }
        assertThat(spanning).as("file boundaries inside pieces").isGreaterThanOrEqualTo(10);
        assertThat(torrent.totalLength() % piece).as("a short last piece").isNotZero();
        tracker.allow(torrent);
        return torrent;
    }

    /** Adds the payload to a Swarmbid seed, waits until it seeds and the tracker lists it as a seeder. */
    static TorrentHandle seedAndAnnounce(SwarmbidPeer seed, Opentracker tracker, TestTorrent torrent,
                                         TestPayload payload, boolean trustData) {
        TorrentHandle h = seed.add(torrent.file(), new AddOptions(payload.saveDir(), false, trustData));
        assertThat(h.infoHash()).isEqualTo(torrent.infoHashHex());
        TorrentStatus s = seed.awaitSeeding(h, READY);
        assertThat(s.piecesDone()).isEqualTo(s.pieceCount());
        try {
            tracker.awaitSeeders(torrent.infoHash(), 1, READY);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + seed.diagnostics(h), e);
        }
        return h;
    }

    /** Runs a wait on an external client; if it fails, the message also carries the engine's side of the story. */
    static void awaitExternal(SwarmbidPeer swarmbid, TorrentHandle h, Runnable wait, ExternalProcess... others) {
        try {
            wait.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n==== the Swarmbid side ====\n"
                    + swarmbid.diagnostics(h, others), e);
        }
    }

    static void awaitUploadedAll(SwarmbidPeer seed, TorrentHandle h, ExternalProcess... others) {
        // counters are sampled once a second on the engine tick
        seed.awaitStatus(h, "the upload to be counted", Duration.ofSeconds(5),
                s -> s.uploaded() >= s.totalBytes(), others);
    }

    /** No engine warnings or errors, no failed hash checks, no Netty leak reports during the test. */
    static void assertNoProblems(SwarmbidPeer... peers) {
        for (SwarmbidPeer p : peers) {
            assertThat(p.problems()).as("warnings and errors logged by %s", p).isEmpty();
        }
    }

    static void assertDownloadedWhole(TorrentStatus done, TestPayload payload, Path out) {
        assertThat(done.totalBytes()).isEqualTo(payload.totalBytes());
        assertThat(done.wantedBytes()).isEqualTo(payload.totalBytes());
        assertThat(done.piecesDone()).isEqualTo(done.pieceCount());
        assertThat(done.downloaded()).isGreaterThanOrEqualTo(payload.totalBytes());
        FileTrees.assertSameTree(payload.root(), out.resolve(payload.name()));
    }
}
