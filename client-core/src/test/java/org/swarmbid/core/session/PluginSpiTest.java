package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.choke.ChokeContext;
import org.swarmbid.core.choke.ChokeDecision;
import org.swarmbid.core.choke.ChokePolicy;
import org.swarmbid.core.choke.PeerSnapshot;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.RequestVerdict;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.core.spi.TorrentPlugin;

/** The plugin SPI, exercised end to end by a test plugin on two engines in one JVM. */
class PluginSpiTest {
    private static final String EXT = "sb_test";

    /** Records everything the engine tells it; optionally gates requests and replaces the choker. */
    static final class Recorder implements EnginePlugin {
        final Map<String, Object> theirHandshakeKey = new ConcurrentHashMap<>();
        final Set<String> supported = ConcurrentHashMap.newKeySet();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger blocksSent = new AtomicInteger();
        final AtomicInteger blocksReceived = new AtomicInteger();
        final AtomicLong bytesPassed = new AtomicLong();
        final AtomicInteger piecesPassed = new AtomicInteger();
        final AtomicInteger piecesFailed = new AtomicInteger();
        final AtomicLong bytesFailed = new AtomicLong();
        final AtomicInteger deferred = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger chokeRounds = new AtomicInteger();
        final Set<Integer> peerHaves = ConcurrentHashMap.newKeySet();
        final AtomicLong bytesLeftAtFinish = new AtomicLong(-1);
        final AtomicLong bytesLeftAtStart = new AtomicLong(-1);
        final AtomicBoolean gate = new AtomicBoolean();
        final AtomicBoolean replaceChoker = new AtomicBoolean();
        final AtomicBoolean rejectPieceZeroOnce = new AtomicBoolean();
        final AtomicBoolean hold = new AtomicBoolean();
        /** Calls {@code retryDeferredRequests()} from inside {@code onBlockSent}, as the bid extension may. */
        final AtomicBoolean reenter = new AtomicBoolean();
        final AtomicInteger reentries = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();
        final AtomicInteger torrentsJoined = new AtomicInteger();
        final AtomicInteger torrentsClosed = new AtomicInteger();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Optional<TorrentPlugin> forTorrent(TorrentContext torrent) {
            bytesLeftAtStart.set(torrent.bytesLeft());
            torrentsJoined.incrementAndGet();
            return Optional.of(new TorrentPlugin() {
                @Override
                public void close() {
                    torrentsClosed.incrementAndGet();
                }

                @Override
                public void onFinished() {
                    torrent.execute(() -> bytesLeftAtFinish.set(torrent.bytesLeft()));
                }

                @Override
                public Optional<PeerPlugin> forPeer(PeerContext peer) {
                    return Optional.of(new Peer(peer));
                }

                @Override
                public void onPiecePassed(int piece, Map<PeerContext, Long> bytesByPeer) {
                    piecesPassed.incrementAndGet();
                    bytesByPeer.values().forEach(bytesPassed::addAndGet);
                }

                @Override
                public void onPieceFailed(int piece, Map<PeerContext, Long> bytesByPeer) {
                    synchronized (Recorder.this) {
                        bytesByPeer.values().forEach(bytesFailed::addAndGet);
                        piecesFailed.incrementAndGet();
                    }
                }

                @Override
                public Optional<ChokePolicy> chokePolicy(ChokePolicy base) {
                    if (!replaceChoker.get()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ChokePolicy() {
                        @Override
                        public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
                            chokeRounds.incrementAndGet();
                            return base.decide(peers, context);
                        }
                    });
                }
            });
        }

        final class Peer implements PeerPlugin {
            private final PeerContext ctx;

            Peer(PeerContext ctx) {
                this.ctx = ctx;
            }

            @Override
            public Set<String> extensionNames() {
                return Set.of(EXT);
            }

            @Override
            public void contributeHandshake(BDict.Builder handshake) {
                handshake.put("sb_test_version", 7);
            }

            @Override
            public void onExtensionHandshake(BDict handshake, Set<String> names) {
                handshake.integer("sb_test_version").ifPresent(v -> theirHandshakeKey.put("sb_test_version", v));
                supported.addAll(names);
                if (names.contains(EXT)) {
                    ctx.sendExtension(EXT, Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
                }
            }

            @Override
            public void onExtensionMessage(String name, ByteBuf payload) {
                String text = payload.toString(StandardCharsets.US_ASCII);
                messages.add(name + ":" + text);
                if (text.equals("hello")) {
                    ctx.sendExtension(EXT, Unpooled.copiedBuffer("ack", StandardCharsets.US_ASCII));
                }
            }

            @Override
            public RequestVerdict onBlockRequest(int piece, int begin, int length) {
                if (piece == 0 && rejectPieceZeroOnce.compareAndSet(true, false)) {
                    rejected.incrementAndGet();
                    return RequestVerdict.REJECT;
                }
                if (gate.get()) {
                    deferred.incrementAndGet();
                    return RequestVerdict.DEFER;
                }
                if (reenter.get() && reentries.incrementAndGet() % 5 == 1) {
                    ctx.retryDeferredRequests(); // from inside the walk over the queue that asks us
                }
                return RequestVerdict.SERVE;
            }

            @Override
            public void onBlockSent(int piece, int begin, int length) {
                blocksSent.incrementAndGet();
                if (reenter.get()) {
                    ctx.retryDeferredRequests();
                }
            }

            @Override
            public void onDisconnect() {
                disconnects.incrementAndGet();
            }

            @Override
            public boolean holdsConnection() {
                return hold.get();
            }

            @Override
            public void onPeerHave(int piece) {
                peerHaves.add(piece);
            }

            @Override
            public void onBlockReceived(int piece, int begin, int length) {
                blocksReceived.incrementAndGet();
            }
        }
    }

    @Test
    void pluginsSeeHandshakesMessagesBlocksPiecesAndGateRequests(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "plugged", 3, 300_001, 64 * 1024, 1);
        Recorder seedPlugin = new Recorder();
        Recorder leechPlugin = new Recorder();
        seedPlugin.gate.set(true);
        seedPlugin.replaceChoker.set(true);
        seedPlugin.rejectPieceZeroOnce.set(true);
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of(seedPlugin));
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(leechPlugin))) {
            seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            // extension handshake keys and messages by name, both ways
            TwoEngines.await("extension messages", Duration.ofSeconds(30),
                    () -> seedPlugin.messages.contains(EXT + ":hello") && leechPlugin.messages.contains(EXT + ":ack"));
            assertThat(leechPlugin.theirHandshakeKey).containsEntry("sb_test_version", 7L);
            assertThat(seedPlugin.supported).containsExactly(EXT);
            // the gate holds every request back: nothing moves while it is closed
            TwoEngines.await("deferred requests", Duration.ofSeconds(30), () -> seedPlugin.deferred.get() > 0);
            assertThat(seedPlugin.blocksSent.get()).isZero();
            seedPlugin.gate.set(false);
            TwoEngines.await("download complete", Duration.ofSeconds(60), () -> h.status().isComplete());
            assertThat(seedPlugin.rejected.get()).isEqualTo(1);
            assertThat(seedPlugin.chokeRounds.get()).isPositive();
            long total = m.info().totalLength();
            assertThat(leechPlugin.bytesPassed.get()).isEqualTo(total);
            assertThat(leechPlugin.piecesPassed.get()).isEqualTo(m.info().pieceCount());
            assertThat(leechPlugin.blocksReceived.get()).isGreaterThanOrEqualTo((int) ((total + 16383) / 16384));
            assertThat(seedPlugin.blocksSent.get()).isEqualTo(leechPlugin.blocksReceived.get());
            assertThat(leechPlugin.piecesFailed.get()).isZero();
            // the seeder heard a have for every piece the leecher verified; bytesLeft went from everything to 0
            TwoEngines.await("haves", Duration.ofSeconds(10), () -> seedPlugin.peerHaves.size() == m.info().pieceCount());
            assertThat(leechPlugin.bytesLeftAtStart.get()).isEqualTo(total);
            assertThat(seedPlugin.bytesLeftAtStart.get()).isZero();
            TwoEngines.await("bytesLeft at finish", Duration.ofSeconds(10), () -> leechPlugin.bytesLeftAtFinish.get() >= 0);
            assertThat(leechPlugin.bytesLeftAtFinish.get()).isZero();
        }
        assertSameFiles(m, tmp.resolve("seed"), tmp.resolve("out"));
    }

    @Test
    void aPluginMayAskForDeferredRequestsWhileTheyAreBeingServed(@TempDir Path tmp) throws Exception {
        // the queue of the peer's requests is walked while plugins are asked about each request and told of each
        // block sent; a plugin that asked for a retry right there had the queue served again under the walk, which
        // then failed with a ConcurrentModificationException (seen on the loop in scripts/bench-bidding)
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "reentrant", 2, 3_000_001, 64 * 1024, 5);
        Recorder seedPlugin = new Recorder();
        Recorder leechPlugin = new Recorder();
        seedPlugin.gate.set(true); // requests pile up deferred first, so one walk has many to serve
        seedPlugin.reenter.set(true);
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of(seedPlugin));
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(leechPlugin))) {
            seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("requests deferred", Duration.ofSeconds(30), () -> seedPlugin.deferred.get() >= 16);
            seedPlugin.gate.set(false);
            TwoEngines.await("download complete", Duration.ofSeconds(60), () -> h.status().isComplete());
            assertThat(seedPlugin.blocksSent.get()).isEqualTo(leechPlugin.blocksReceived.get());
            assertThat(leechPlugin.bytesPassed.get()).isEqualTo(m.info().totalLength());
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).as("errors logged while serving")
                .noneMatch(e -> e.getThrowableProxy() != null
                        && e.getThrowableProxy().getClassName().contains("ConcurrentModification"))
                .noneMatch(e -> e.getLoggerName().contains("AbstractEventExecutor"));
        assertSameFiles(m, tmp.resolve("seed"), tmp.resolve("out"));
    }

    @Test
    void aPausedAndResumedTorrentGetsItsPluginsBack(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "paused", 1, 600_000, 64 * 1024, 4);
        Recorder seedPlugin = new Recorder();
        Recorder leechPlugin = new Recorder();
        seedPlugin.replaceChoker.set(true);
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of(seedPlugin));
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(leechPlugin))) {
            TorrentHandle s = seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TwoEngines.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            assertThat(seedPlugin.torrentsJoined.get()).isEqualTo(1);
            s.pause();
            TwoEngines.await("paused", Duration.ofSeconds(10), () -> seedPlugin.torrentsClosed.get() == 1);
            s.resume();
            TwoEngines.await("plugin joined again", Duration.ofSeconds(10),
                    () -> seedPlugin.torrentsJoined.get() == 2);
            int roundsBefore = seedPlugin.chokeRounds.get();
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("download complete", Duration.ofSeconds(60), () -> h.status().isComplete());
            // the resumed torrent's plugin sees the new connection's extension messages and decides its chokes
            TwoEngines.await("extension messages after resume", Duration.ofSeconds(10),
                    () -> seedPlugin.messages.contains(EXT + ":hello"));
            TwoEngines.await("choke rounds after resume", Duration.ofSeconds(10),
                    () -> seedPlugin.chokeRounds.get() > roundsBefore);
            assertThat(seedPlugin.blocksSent.get()).isPositive();
        }
    }

    @Test
    void pieceFailureIsReportedWithTheBytesOfEachPeer(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "corrupt", 1, 512 * 1024, 64 * 1024, 2);
        Recorder leechPlugin = new Recorder();
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of());
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(leechPlugin))) {
            TorrentHandle s = seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TwoEngines.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            // corrupt piece 3 on disk after the seeder verified it: it will serve bad data for it
            Path file = tmp.resolve("seed").resolve(m.info().files().get(0).displayPath());
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 3L * 64 * 1024 + 100);
            }
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("a failed piece", Duration.ofSeconds(60), () -> leechPlugin.piecesFailed.get() > 0);
            TwoEngines.await("every other piece", Duration.ofSeconds(60),
                    () -> h.status().piecesDone() == m.info().pieceCount() - 1);
            // each failure reports the whole piece's bytes, all from the one peer that sent them (the piece may
            // fail more than once before the seeder is banned)
            synchronized (leechPlugin) {
                assertThat(leechPlugin.bytesFailed.get()).isEqualTo(64 * 1024L * leechPlugin.piecesFailed.get());
            }
            TwoEngines.await("every other piece", Duration.ofSeconds(60),
                    () -> h.status().piecesDone() == m.info().pieceCount() - 1);
            assertThat(h.status().isComplete()).isFalse();
        }
    }

    @Test
    void aPluginHoldsAFinishedConnectionOpenUntilItLetsGo(@TempDir Path tmp) throws Exception {
        Metainfo m = TwoEngines.payload(tmp.resolve("seed"), "held", 1, 200_000, 64 * 1024, 3);
        Recorder leechPlugin = new Recorder();
        leechPlugin.hold.set(true);
        try (Engine seeder = TwoEngines.engine(tmp.resolve("s1"), List.of());
             Engine leecher = TwoEngines.engine(tmp.resolve("s2"), List.of(leechPlugin))) {
            seeder.add(m, AddOptions.in(tmp.resolve("seed")));
            TorrentHandle h = leecher.add(m, AddOptions.in(tmp.resolve("out")));
            h.connect(TwoEngines.address(seeder));
            TwoEngines.await("download complete", Duration.ofSeconds(60), () -> h.status().isComplete());
            // both are seeds, but the plugin holds the connection: it stays open over several ticks
            Thread.sleep(2500);
            assertThat(h.status().peers()).isEqualTo(1);
            leechPlugin.hold.set(false);
            TwoEngines.await("connection closed", Duration.ofSeconds(10), () -> h.status().peers() == 0);
        }
    }

    /** Every file of {@code m} is byte for byte the same under {@code a} and {@code b}. */
    private static void assertSameFiles(Metainfo m, Path a, Path b) throws java.io.IOException {
        for (var f : m.info().files()) {
            assertThat(Files.mismatch(a.resolve(f.displayPath()), b.resolve(f.displayPath())))
                    .as(f.displayPath()).isEqualTo(-1L);
        }
    }
}
