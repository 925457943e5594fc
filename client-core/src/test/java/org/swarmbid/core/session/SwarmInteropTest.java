package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.core.session.EngineInteropTest.PAYLOAD_BYTES;
import static org.swarmbid.core.session.EngineInteropTest.READY;
import static org.swarmbid.core.session.EngineInteropTest.TRANSFER;
import static org.swarmbid.core.session.EngineInteropTest.assertDownloadedWhole;
import static org.swarmbid.core.session.EngineInteropTest.assertNoProblems;
import static org.swarmbid.core.session.EngineInteropTest.awaitExternal;
import static org.swarmbid.core.session.EngineInteropTest.awaitUploadedAll;
import static org.swarmbid.core.session.EngineInteropTest.seedAndAnnounce;
import static org.swarmbid.core.session.EngineInteropTest.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.FileEntry;
import org.swarmbid.core.metainfo.Metainfo;
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

/**
 * The engine in swarms on 127.0.0.1 over a real opentracker: one Swarmbid seed with three leechers of different
 * clients at once, two engines in one JVM, and a download that skips a file by priority. Same payload as
 * {@link EngineInteropTest} (20 files, odd sizes, nested folders, 256 KiB pieces spanning files).
 */
@Tag("interop")
class SwarmInteropTest {

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
    @Timeout(150)
    void swarmbidSeedServesLibtorrentAria2AndTransmissionAtOnce() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 31);
            TestTorrent torrent = torrent(payload, tracker);
            Path ltOut = tmp.resolve("leech-libtorrent");
            Path ariaOut = tmp.resolve("leech-aria2");
            Path trOut = tmp.resolve("leech-transmission");
            try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state"))) {
                TorrentHandle h = seedAndAnnounce(seed, tracker, torrent, payload, false);
                // Transmission first: it only accepts connections, so the seed must learn of it from the tracker
                // (re-announce) and dial it; the others dial the seed (and the libtorrent leech dials Transmission)
                try (TransmissionPeer tr = TransmissionPeer.builder(TransmissionPeer.Mode.LEECH, torrent.file(),
                        trOut, FreePorts.next()).logDir(tmp.resolve("logs")).start()) {
                    tracker.awaitLeechers(torrent.infoHash(), 1, READY);
                    h.reannounce();
                    try (LibtorrentPeer lt = LibtorrentPeer.builder(LibtorrentPeer.Mode.LEECH, torrent.file(),
                            ltOut, FreePorts.next()).logDir(tmp.resolve("logs")).start();
                         Aria2Peer aria = Aria2Peer.builder(Aria2Peer.Mode.LEECH, torrent.file(), ariaOut,
                                 FreePorts.next()).logDir(tmp.resolve("logs")).start()) {
                        seed.awaitPeer(h, "Transmission", READY, p -> p.client().contains("Transmission"), tr, lt,
                                aria);
                        awaitExternal(seed, h, () -> lt.awaitFinished(TRANSFER), lt, aria, tr);
                        awaitExternal(seed, h, () -> aria.awaitFinished(TRANSFER), aria, lt, tr);
                        awaitExternal(seed, h, () -> tr.awaitFinished(TRANSFER), tr, lt, aria);
                        assertThat(lt.hashFailures()).isZero();
                        FileTrees.assertSameTree(payload.root(), ltOut.resolve(payload.name()));
                        FileTrees.assertSameTree(payload.root(), ariaOut.resolve(payload.name()));
                        FileTrees.assertSameTree(payload.root(), trOut.resolve(payload.name()));
                        // the seed sent at least one whole copy; the leechers may have traded the rest
                        awaitUploadedAll(seed, h, lt, aria, tr);
                        assertThat(h.status().state()).isEqualTo(TorrentState.SEEDING);
                        assertNoProblems(seed);
                    }
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void swarmbidDownloadsFromSwarmbid() {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 32);
            TestTorrent torrent = torrent(payload, tracker);
            Path out = tmp.resolve("leech");
            try (SwarmbidPeer seed = SwarmbidPeer.start("swarmbid-seed", tmp.resolve("state-seed"));
                 SwarmbidPeer leech = SwarmbidPeer.start("swarmbid-leech", tmp.resolve("state-leech"))) {
                TorrentHandle hs = seedAndAnnounce(seed, tracker, torrent, payload, false);
                TorrentHandle hl = leech.add(torrent.file(), out);
                TorrentStatus done = leech.awaitComplete(hl, TRANSFER);
                assertDownloadedWhole(done, payload, out);
                // the only other peer is the seed engine: it must have sent every byte
                awaitUploadedAll(seed, hs);
                // the leech announced "completed": the tracker now counts two seeds
                tracker.awaitSeeders(torrent.infoHash(), 2, READY);
                assertNoProblems(seed, leech);
            }
        }
    }

    @Test
    @Timeout(120)
    void aSkippedFileIsNotDownloadedAndTheRestVerifies() throws IOException {
        try (Opentracker tracker = Opentracker.start(tmp)) {
            TestPayload payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", PAYLOAD_BYTES, 33);
            TestTorrent torrent = torrent(payload, tracker);
            Metainfo meta = MetainfoParser.read(torrent.file());
            List<FileEntry> files = meta.info().files();
            // the largest file: several 256 KiB pieces lie wholly inside it
            int skip = 0;
            for (int i = 1; i < files.size(); i++) {
                if (files.get(i).length() > files.get(skip).length()) {
                    skip = i;
                }
            }
            FileEntry skipped = files.get(skip);
            long pieceLength = meta.info().pieceLength();
            assertThat(skipped.length()).isGreaterThan(3 * pieceLength);
            Path out = tmp.resolve("leech");
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent.file(), payload.saveDir(), FreePorts.next());
                 SwarmbidPeer leech = SwarmbidPeer.start("swarmbid-leech", tmp.resolve("state"))) {
                tracker.awaitSeeders(torrent.infoHash(), 1, READY);
                TorrentHandle h = leech.add(torrent.file(), new AddOptions(out, true, false));
                h.setFilePriority(skip, 0);
                h.resume();
                TorrentStatus done = leech.awaitComplete(h, TRANSFER, seed);

                // complete by its own measure: every wanted piece verified, but not every piece
                assertThat(done.wantedBytes()).as("wanted bytes with %s skipped", skipped.displayPath())
                        .isLessThan(done.totalBytes());
                assertThat(done.doneBytes()).isEqualTo(done.wantedBytes());
                assertThat(done.piecesDone()).isLessThan(done.pieceCount());
                // at most the two pieces that straddle the skipped file's ends overlap it
                assertThat(done.downloaded()).as("bytes downloaded with %s skipped", skipped.displayPath())
                        .isLessThanOrEqualTo(
                        done.totalBytes() - skipped.length() + 2 * pieceLength + 64 * 1024);
                long wholePieces = (skipped.end() / pieceLength) - ((skipped.offset() + pieceLength - 1)
                        / pieceLength);
                assertThat(done.pieceCount() - done.piecesDone()).isGreaterThanOrEqualTo((int) wholePieces);

                // multi-file paths start with the torrent's name
                for (FileEntry f : files) {
                    Path want = payload.saveDir().resolve(f.displayPath());
                    Path got = out.resolve(f.displayPath());
                    if (f == skipped) {
                        assertThat(!Files.exists(got) || Files.mismatch(want, got) >= 0)
                                .as("skipped file %s must not be downloaded in full", f.displayPath()).isTrue();
                    } else {
                        assertThat(got).as("wanted file %s", f.displayPath()).exists();
                        assertThat(Files.mismatch(want, got)).as("first differing byte of %s", f.displayPath())
                                .isEqualTo(-1L);
                    }
                }
                assertNoProblems(leech);
            }
        }
    }
}
