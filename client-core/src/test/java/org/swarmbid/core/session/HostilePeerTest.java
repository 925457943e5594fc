package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.core.wire.PeerId;
import org.swarmbid.core.wire.PeerMessage;
import org.swarmbid.core.wire.ReservedBits;

/**
 * A Swarmbid engine among hostile peers, all in one JVM on 127.0.0.1. A well-behaved Swarmbid seeder (throttled,
 * so transfers overlap with the misbehaviour) serves the torrent; a {@link ScriptedPeer} speaking the real wire
 * protocol misbehaves in one way per test. Each test checks what can be seen from outside: the hostile connection
 * is closed (and, for bad data, refused afterwards), the download still completes byte-exact from the good seeder,
 * and the seeder, shared by every test, keeps serving.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostilePeerTest {
    static final int PIECE = 32 * 1024;
    /** 65 pieces: the last bitfield byte has seven spare bits. */
    static final long SIZE = 2L * 1024 * 1024 + 5000;
    /** Slow enough (about 3 s per download) that the good transfer is still running while a fake misbehaves. */
    static final long SEEDER_RATE = 512 * 1024;
    static final Duration PROMPTLY = Duration.ofSeconds(3);

    @TempDir
    static Path shared;
    static TestPayload payload;
    static Metainfo meta;
    static Engine seeder;
    static TorrentHandle seed;

    @TempDir
    Path tmp;
    Engine downloader;
    TorrentHandle download;
    ScriptedPeer.Listener listener;

    @BeforeAll
    static void startSeeder() throws IOException {
        payload = TestPayload.multiFile(shared.resolve("seed"), "payload", SIZE, 7);
        meta = TorrentCreator.from(payload.root()).pieceLength(PIECE).creationDate(null).create();
        assertThat(meta.info().pieceCount()).isEqualTo(65);
        seeder = Engine.start(config(shared.resolve("seed-state")).withLimits(0, SEEDER_RATE), List.of());
        seed = seeder.add(meta, AddOptions.in(payload.saveDir()));
        await("seeder checked", seed, s -> s.state() == TorrentState.SEEDING && s.isComplete(),
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopSeeder() {
        if (seeder != null) {
            seeder.close();
        }
    }

    @BeforeEach
    void startDownloader() throws IOException {
        downloader = Engine.start(config(tmp.resolve("state")), List.of());
        listener = new ScriptedPeer.Listener();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        downloader.close();
        // the shared seeder survived this test's hostile peer
        TorrentStatus s = seed.status();
        assertThat(s.state()).isEqualTo(TorrentState.SEEDING);
        assertThat(s.error()).isNull();
    }

    static SessionConfig config(Path state) {
        return SessionConfig.defaults(state).withBind(InetAddress.getLoopbackAddress(), 0);
    }

    InetSocketAddress seederAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), seeder.listenPort());
    }

    /** Starts the download from the good seeder, optionally also dialing the scripted peer's listener. */
    void startDownload(boolean dialScripted) {
        download = downloader.add(meta, AddOptions.in(tmp.resolve("dl")));
        download.connect(seederAddress());
        if (dialScripted) {
            download.connect(listener.address());
        }
    }

    /** The engine under test dials the listener; returns the accepted connection, handshakes exchanged. */
    ScriptedPeer acceptFake(String tag, ReservedBits bits) throws IOException {
        return listener.accept(meta.infoHash().bytes(), ScriptedPeer.fakeId(tag), bits, Duration.ofSeconds(20));
    }

    ScriptedPeer dialSeeder(String tag, ReservedBits bits) throws IOException {
        return ScriptedPeer.dial(seederAddress(), meta.infoHash().bytes(), ScriptedPeer.fakeId(tag), bits);
    }

    /** The good transfer is still under way after the hostile peer was cut: the rest comes after it. */
    void assertStillDownloading() {
        assertThat(download.status().isComplete()).as("download still running after the hostile peer left")
                .isFalse();
    }

    void assertDownloadCompletesByteExact() {
        await("download complete", download, TorrentStatus::isComplete, Duration.ofSeconds(60));
        FileTrees.assertSameTree(payload.root(), tmp.resolve("dl").resolve(payload.name()));
    }

    static TorrentStatus await(String what, TorrentHandle h, Predicate<TorrentStatus> ok, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TorrentStatus s = h.status();
            if (ok.test(s)) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + s);
            }
            sleep(50);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] fullBitfield() {
        return Bitfield.full(meta.info().pieceCount()).toWire();
    }

    int pieceCount() {
        return meta.info().pieceCount();
    }

    // ---------------------------------------------------------------- the harness itself

    @Test
    void aWellBehavedScriptedSeederStaysConnectedAndIsAskedForData() throws Exception {
        startDownload(true);
        try (ScriptedPeer fake = acceptFake("polite", ReservedBits.NONE)) {
            fake.send(new PeerMessage.Bitfield(fullBitfield()));
            fake.send(new PeerMessage.Have(pieceCount() - 1));
            fake.send(PeerMessage.KeepAlive.INSTANCE);
            fake.send(PeerMessage.Unchoke.INSTANCE);
            ScriptedPeer.Frame req = fake.awaitFrame(6, Duration.ofSeconds(10));
            assertThat(req.isRequest()).isTrue();
            assertThat(req.intAt(0)).isBetween(0, pieceCount() - 1);
            assertThat(fake.received()).anyMatch(f -> f.id() == 2); // interested
            // it sends no data: it is not disconnected for that (snubbing is not a violation)
            assertThat(fake.awaitDisconnect(Duration.ofSeconds(1))).as("still connected").isNull();
        }
        assertDownloadCompletesByteExact();
    }

    @Test
    void anInterestedPeerIsUnchokedPromptlyEvenRightAfterAChokeRound() throws Exception {
        // the first peer's interest triggers a choke round; the second asks within the same second. With free
        // slots both must be unchoked in about a second, not at the next 10 s round
        try (ScriptedPeer first = dialSeeder("early", ReservedBits.NONE);
                ScriptedPeer second = dialSeeder("late", ReservedBits.NONE)) {
            first.awaitFrame(5, Duration.ofSeconds(10));
            second.awaitFrame(5, Duration.ofSeconds(10));
            first.send(PeerMessage.Interested.INSTANCE);
            first.awaitFrame(1, Duration.ofSeconds(11));
            long asked = System.nanoTime();
            second.send(PeerMessage.Interested.INSTANCE);
            second.awaitFrame(1, Duration.ofSeconds(11));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(2500));
        }
    }

    // ---------------------------------------------------------------- bad data and the ban

    @Test
    void aPeerSendingCorruptBlocksIsBannedAndTheDownloadCompletesFromTheGoodSeeder() throws Exception {
        startDownload(true);
        PeerId badId = ScriptedPeer.fakeId("liar");
        ScriptedPeer bad = listener.accept(meta.infoHash().bytes(), badId, ReservedBits.NONE, Duration.ofSeconds(20));
        AtomicInteger blocksSent = new AtomicInteger();
        CompletableFuture<Void> served = bad.runAsync("corrupt-seeder", p -> {
            Random junk = new Random(42);
            p.send(new PeerMessage.Bitfield(fullBitfield()));
            p.send(PeerMessage.Unchoke.INSTANCE);
            while (true) {
                ScriptedPeer.Frame f;
                try {
                    f = p.read(Duration.ofSeconds(30));
                } catch (java.io.EOFException e) {
                    return;
                }
                if (f != null && f.isRequest()) {
                    byte[] data = new byte[f.intAt(8)];
                    junk.nextBytes(data);
                    try {
                        p.sendPiece(f.intAt(0), f.intAt(4), data);
                    } catch (java.io.EOFException e) {
                        return; // closed while we wrote
                    }
                    blocksSent.incrementAndGet();
                }
            }
        });
        served.get(60, TimeUnit.SECONDS);
        assertThat(bad.disconnected()).as("the engine closed the corrupt peer").isTrue();
        // at least two pieces' worth of blocks went in, enough for two hash failures (SmartBan.STRIKES_TO_BAN)
        assertThat(blocksSent.get()).isGreaterThanOrEqualTo(SmartBan.STRIKES_TO_BAN * PIECE / (16 * 1024));

        assertDownloadCompletesByteExact();
        int fakePort = listener.address().getPort();
        sleep(1500); // peers() is a snapshot refreshed once a second
        assertThat(download.peers()).noneMatch(p -> p.address().endsWith(":" + fakePort));

        // banned: dialing it again ends right after the handshake, before any message (a peer that is not
        // banned gets our bitfield at once)
        download.connect(listener.address());
        try (ScriptedPeer again = listener.accept(meta.infoHash().bytes(), badId, ReservedBits.NONE,
                Duration.ofSeconds(20))) {
            assertThat(again.awaitDisconnect(PROMPTLY)).as("reconnect refused").isNotNull();
            assertThat(again.received()).as("messages sent to a banned peer").isEmpty();
        }
    }

    @Test
    void anUnbannedPeerReconnectingGetsOurBitfieldWhichIsWhatTheBanCheckRulesOut() throws Exception {
        // control for the test above: same reconnect, but the peer never sent bad data
        startDownload(false);
        assertDownloadCompletesByteExact();
        download.connect(listener.address());
        try (ScriptedPeer fresh = acceptFake("honest", ReservedBits.NONE)) {
            ScriptedPeer.Frame first = fresh.read(PROMPTLY);
            assertThat(first).isNotNull();
            assertThat(first.id()).isEqualTo(5); // bitfield
        }
    }

    // ---------------------------------------------------------------- framing and index violations

    @ParameterizedTest(name = "length prefix {0}")
    @ValueSource(longs = {Engine.MAX_FRAME + 1L, 0x7fff_ffffL, 0xffff_fff0L})
    void anOversizeFrameLengthDisconnectsAtOnce(long length) throws Exception {
        startDownload(true);
        try (ScriptedPeer fake = acceptFake("huge", ReservedBits.NONE)) {
            fake.send(new PeerMessage.Bitfield(fullBitfield()));
            fake.sendLengthPrefix(length); // no body follows: the engine must not wait for it
            Duration took = fake.awaitDisconnect(PROMPTLY);
            assertThat(took).as("disconnected after the length prefix").isNotNull();
            assertStillDownloading();
        }
        assertDownloadCompletesByteExact();
    }

    @ParameterizedTest(name = "have {0}")
    @ValueSource(ints = {65, 66, 1 << 20, Integer.MAX_VALUE})
    void anOutOfRangeHaveDisconnects(int index) throws Exception {
        startDownload(true);
        try (ScriptedPeer fake = acceptFake("have", ReservedBits.NONE)) {
            fake.send(new PeerMessage.Bitfield(new byte[(pieceCount() + 7) / 8]));
            fake.send(new PeerMessage.Have(index));
            assertThat(fake.awaitDisconnect(PROMPTLY)).isNotNull();
            assertStillDownloading();
        }
        assertDownloadCompletesByteExact();
    }

    @Test
    void anOutOfRangePieceIndexDisconnects() throws Exception {
        startDownload(true);
        try (ScriptedPeer fake = acceptFake("piece", ReservedBits.NONE)) {
            fake.send(new PeerMessage.Bitfield(fullBitfield()));
            fake.send(PeerMessage.Unchoke.INSTANCE);
            ScriptedPeer.Frame req = fake.awaitFrame(6, Duration.ofSeconds(10));
            fake.sendPiece(pieceCount() + 3, req.intAt(4), new byte[req.intAt(8)]);
            assertThat(fake.awaitDisconnect(PROMPTLY)).isNotNull();
            assertStillDownloading();
        }
        assertDownloadCompletesByteExact();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spare bit", "one byte too long", "one byte too short"})
    void aMalformedBitfieldDisconnects(String kind) throws Exception {
        startDownload(true);
        byte[] bits = fullBitfield();
        if (kind.equals("spare bit")) {
            bits[bits.length - 1] |= 0x01;
        } else if (kind.equals("one byte too long")) {
            bits = java.util.Arrays.copyOf(bits, bits.length + 1);
        } else {
            bits = java.util.Arrays.copyOf(bits, bits.length - 1);
        }
        try (ScriptedPeer fake = acceptFake("bits", ReservedBits.NONE)) {
            fake.send(new PeerMessage.Bitfield(bits));
            assertThat(fake.awaitDisconnect(PROMPTLY)).isNotNull();
            assertStillDownloading();
        }
        assertDownloadCompletesByteExact();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"index past the end", "begin past the piece", "length over the cap"})
    void anOutOfRangeRequestDisconnects(String kind) throws Exception {
        startDownload(false);
        try (ScriptedPeer fake = dialSeeder("req", ReservedBits.NONE.withFastExtension())) {
            fake.awaitFrame(0x0e, Duration.ofSeconds(10)); // the seeder's have all
            fake.send(PeerMessage.Interested.INSTANCE);
            PeerMessage.Request bad = switch (kind) {
                case "index past the end" -> new PeerMessage.Request(pieceCount(), 0, 16 * 1024);
                case "begin past the piece" -> new PeerMessage.Request(0, PIECE, 16 * 1024);
                default -> new PeerMessage.Request(0, 0, PeerConnection.MAX_REQUEST + 1);
            };
            fake.send(bad);
            assertThat(fake.awaitDisconnect(PROMPTLY)).isNotNull();
            assertStillDownloading();
            assertThat(fake.received()).noneMatch(f -> f.id() == 7); // no data served for it
        }
        assertDownloadCompletesByteExact();
    }

    // ---------------------------------------------------------------- request floods

    @ParameterizedTest(name = "fast extension {0}")
    @ValueSource(booleans = {false, true})
    void requestingWhileChokedIsToleratedButAFloodDisconnects(boolean fast) throws Exception {
        startDownload(false);
        ReservedBits bits = fast ? ReservedBits.NONE.withFastExtension() : ReservedBits.NONE;
        try (ScriptedPeer fake = dialSeeder("flood" + (fast ? "F" : "B"), bits)) {
            fake.awaitFrame(fast ? 0x0e : 5, Duration.ofSeconds(10));
            // never interested, so never unchoked. A few requests while choked happen to honest peers (they cross
            // our choke on the wire): no disconnect
            for (int i = 0; i < 8; i++) {
                fake.send(new PeerMessage.Request(i, 0, 16 * 1024));
            }
            assertThat(fake.awaitDisconnect(Duration.ofSeconds(1))).as("a few choked requests").isNull();
            int sent = 0;
            try {
                for (; sent < PeerConnection.MAX_PEER_QUEUE + 100; sent++) {
                    fake.send(new PeerMessage.Request(sent % (pieceCount() - 1), 0, 16 * 1024));
                }
            } catch (java.io.EOFException e) {
                // cut off mid-flood: expected, checked below
            }
            assertThat(sent).as("requests accepted before the cut").isGreaterThanOrEqualTo(
                    PeerConnection.MAX_PEER_QUEUE - 8);
            assertThat(fake.awaitDisconnect(PROMPTLY)).as("disconnected for flooding").isNotNull();
            assertStillDownloading();
            assertThat(fake.received()).noneMatch(f -> f.id() == 7);
            if (fast) {
                assertThat(fake.received()).anyMatch(f -> f.id() == 0x10); // reject request
            }
        }
        assertDownloadCompletesByteExact();
    }

    @Test
    void anUnchokedPeerQueueingMoreThanTheLimitIsDisconnected() throws Exception {
        startDownload(false);
        try (ScriptedPeer fake = dialSeeder("queue", ReservedBits.NONE)) {
            fake.awaitFrame(5, Duration.ofSeconds(10));
            fake.send(PeerMessage.Interested.INSTANCE);
            fake.awaitFrame(1, Duration.ofSeconds(15)); // unchoke
            // the seeder is throttled, so these queue up at its side
            byte[] burst = new byte[(PeerConnection.MAX_PEER_QUEUE + 200) * 17];
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(burst);
            for (int i = 0; i < PeerConnection.MAX_PEER_QUEUE + 200; i++) {
                int block = i % (int) (SIZE / (16 * 1024));
                b.putInt(13).put((byte) 6).putInt(block / 2).putInt(block % 2 * 16 * 1024).putInt(16 * 1024);
            }
            fake.sendRaw(burst);
            assertThat(fake.awaitDisconnect(Duration.ofSeconds(10))).as("disconnected for its queue").isNotNull();
            assertStillDownloading();
            long blocks = fake.received().stream().filter(f -> f.id() == 7).count();
            assertThat(blocks).as("served before the cut").isLessThan(PeerConnection.MAX_PEER_QUEUE);
        }
        assertDownloadCompletesByteExact();
    }
}
