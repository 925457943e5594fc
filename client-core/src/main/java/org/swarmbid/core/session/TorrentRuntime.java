package org.swarmbid.core.session;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.api.TrackerStatus;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.choke.ChokeContext;
import org.swarmbid.core.choke.ChokeDecision;
import org.swarmbid.core.choke.ChokePolicy;
import org.swarmbid.core.choke.PeerSnapshot;
import org.swarmbid.core.choke.StandardChoker;
import org.swarmbid.core.metainfo.FileEntry;
import org.swarmbid.core.metainfo.InfoDictionary;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.picker.BlockReceipt;
import org.swarmbid.core.picker.PieceGeometry;
import org.swarmbid.core.picker.PiecePicker;
import org.swarmbid.core.picker.PickerConfig;
import org.swarmbid.core.picker.PiecePriorities;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.core.spi.TorrentPlugin;
import org.swarmbid.core.storage.FileStorage;
import org.swarmbid.core.storage.StorageLayout;
import org.swarmbid.core.tracker.AnnounceTemplate;
import org.swarmbid.core.tracker.AnnouncePolicy;
import org.swarmbid.core.tracker.TrackerList;
import org.swarmbid.core.tracker.TrackerListener;
import org.swarmbid.core.tracker.TransferTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one torrent on the engine loop: checking, the swarm (connections, interest, the choke rounds), piece
 * assembly, hashing and writing, trackers, resume data and plugins. Public methods of {@link TorrentHandle} may be
 * called from any thread: they hop onto the loop.
 */
final class TorrentRuntime implements TorrentHandle, TorrentContext {
    private static final Logger log = LoggerFactory.getLogger(TorrentRuntime.class);
    private static final long RESUME_SAVE_MILLIS = 30_000;
    /**
     * A file's priority until {@link #setFilePriority} changes it: the API's "normal", 4 (libtorrent's default),
     * which is also the picker's default piece level, so levels 1..3 rank below untouched files.
     */
    private static final int NORMAL_FILE_PRIORITY = TorrentHandle.DEFAULT_PRIORITY;

    private final Engine engine;
    private final Metainfo meta;
    private volatile byte[] metadataBytes;
    private final InfoDictionary info;
    private final Path saveDir;
    private final String hex;
    private final byte[] infoHash;
    private final StorageLayout layout;
    private final int[] filePriorities;
    private final String resumeKey;
    private final Random random = new Random();

    private FileStorage storage;
    private PiecePicker<PeerConnection> picker;
    private Bitfield verified;
    private volatile TorrentState state = TorrentState.CHECKING;
    private volatile String error;
    private boolean started;
    /**
     * Counts checks started; a check's result and progress count only if no newer one started since (written on
     * the loop, read by hasher threads reporting progress).
     */
    private volatile int checkGeneration;
    private boolean stopping;

    private final List<PeerConnection> peers = new ArrayList<>();
    private final Map<InetSocketAddress, Long> nextDial = new HashMap<>();
    private final Map<InetSocketAddress, Integer> dialFailures = new HashMap<>();
    private final ArrayDeque<InetSocketAddress> candidates = new ArrayDeque<>();
    /** Connections to each address we dialled that ended, for the reconnect back-off. */
    private final Map<InetSocketAddress, Integer> drops = new HashMap<>();
    private final Set<PeerConnection> connecting = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Pieces being assembled, by index (an array: a boxed-key map cost an Integer and a lookup per block). */
    private PieceAssembly[] assemblies = new PieceAssembly[0];
    private static final int MAX_FREE_BUFFERS = 32;
    /** Touched by the loop and the disk thread. */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> freeBuffers =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final SmartBan smartBan = new SmartBan();

    private ChokePolicy chokePolicy;
    private long chokeRound;
    private long lastChokeMillis;
    private boolean chokeSoonScheduled;
    private final Map<PeerConnection, Long> stateSince = new IdentityHashMap<>();
    private final Map<PeerConnection, Long> lastOptimistic = new IdentityHashMap<>();
    private final Set<PeerConnection> optimistic = Collections.newSetFromMap(new IdentityHashMap<>());

    private TrackerList trackers;
    private final List<TorrentPlugin> plugins = new ArrayList<>();

    private final RateMeter down = new RateMeter(6);
    private final RateMeter up = new RateMeter(6);
    private long wasted;
    private boolean resumeDirty;
    private long lastResumeSave;
    private volatile TorrentStatus status;
    private volatile List<PeerStatus> peerStatus = List.of();
    private CompletableFuture<Void> recheckDone;
    /** The check running now (loop), cancelled when the torrent stops. */
    private ResumeStore.Check check;
    /** Progress of the running check, written by hasher threads. */
    private final java.util.concurrent.atomic.AtomicInteger checkedPieces = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int checkPieces;
    /** Bumped (loop) whenever {@link #verified} changes; the snapshot below is retaken when it moved. */
    private int verifiedVersion;
    private int publishedVersion = -1;
    /** The verified pieces as of the last status, immutable once published. */
    private volatile java.util.BitSet verifiedSnapshot = new java.util.BitSet();
    /** The file priorities as of the last change (loop writes a fresh array). */
    private volatile int[] publishedPriorities;

    TorrentRuntime(Engine engine, Metainfo meta, Path saveDir) {
        this.engine = engine;
        this.meta = meta;
        this.info = meta.info();
        this.saveDir = saveDir;
        this.hex = meta.infoHash().hex();
        this.infoHash = meta.infoHash().bytes();
        List<org.swarmbid.core.storage.FileEntry> files = new ArrayList<>();
        for (FileEntry f : info.files()) {
            files.add(org.swarmbid.core.storage.FileEntry.of(f.displayPath(), f.length()));
        }
        byte[] hashes = new byte[info.pieceCount() * 20];
        for (int i = 0; i < info.pieceCount(); i++) {
            System.arraycopy(info.pieceHash(i), 0, hashes, i * 20, 20);
        }
        this.layout = new StorageLayout(files, info.pieceLength(), hashes);
        this.filePriorities = new int[info.files().size()];
        java.util.Arrays.fill(filePriorities, NORMAL_FILE_PRIORITY);
        this.publishedPriorities = filePriorities.clone();
        byte[] dirBytes = saveDir.toAbsolutePath().normalize().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.resumeKey = hex + "-" + java.util.HexFormat.of().formatHex(
                Hashing.sha1(dirBytes, dirBytes.length), 0, 6);
        this.status = buildStatus();
    }

    /** Names this torrent's resume file: the info-hash plus the save folder, so two copies never share one. */
    String resumeKey() {
        return resumeKey;
    }

    // ---------------------------------------------------------------- lifecycle (loop)

    /** Opens storage and starts checking; then joins the swarm. */
    void start(boolean trustData) {
        stopping = false;
        try {
            if (storage == null) {
                storage = new FileStorage(saveDir, layout, engine.filePool());
            }
        } catch (IOException e) {
            fail("cannot open the download folder: " + e.getMessage());
            return;
        }
        if (verified != null) { // resumed after a pause: the data is known, the plugins join again
            joinPlugins();
            joinSwarm();
            return;
        }
        setState(TorrentState.CHECKING);
        if (trustData) {
            onChecked(Bitfield.full(info.pieceCount()));
            return;
        }
        int generation = ++checkGeneration;
        checkedPieces.set(0);
        checkPieces = 0;
        ResumeStore.Check c = engine.resumeStore().load(this, layout, storage, (done, total, piece, ok) -> {
            if (generation == checkGeneration) { // pieces still in flight when a check is cancelled are not counted
                checkPieces = total;
                checkedPieces.accumulateAndGet(done, Math::max);
            }
        });
        check = c;
        c.result().whenComplete((bits, err) -> engine.loop().execute(() -> {
            if (check == c) {
                check = null;
            }
            if (generation != checkGeneration || stopping || c.isCancelled()) {
                return; // stopped, or a newer check (recheck) replaced this one
            }
            if (err != null) {
                fail("check failed: " + rootMessage(err));
            } else {
                onChecked(bits);
            }
        }));
    }

    private void onChecked(Bitfield bits) {
        verified = bits;
        verifiedVersion++;
        checkedPieces.set(0);
        checkPieces = 0;
        if (assemblies.length != info.pieceCount()) {
            assemblies = new PieceAssembly[info.pieceCount()];
        }
        picker = new PiecePicker<>(new PieceGeometry(info.totalLength(), info.pieceLength()), verified.copy(),
                PickerConfig.DEFAULT, random);
        applyPriorities();
        resumeDirty = true;
        saveResume();
        joinPlugins();
        if (recheckDone != null) {
            recheckDone.complete(null);
            recheckDone = null;
        }
        joinSwarm();
    }

    /**
     * Asks every engine plugin to join this torrent and installs the choke policy they offer. Runs each time the
     * torrent (re)starts: {@link #stop} closes and drops the plugins, so a resume after a pause joins them anew.
     */
    private void joinPlugins() {
        ChokePolicy base = new StandardChoker();
        chokePolicy = base;
        plugins.clear();
        for (EnginePlugin ep : engine.plugins()) {
            try {
                ep.forTorrent(this).ifPresent(plugins::add);
            } catch (RuntimeException e) {
                log.warn("plugin {} failed to join {}: {}", ep.name(), info.name(), e.toString());
            }
        }
        for (TorrentPlugin tp : plugins) {
            Optional<ChokePolicy> p = tp.chokePolicy(base);
            if (p.isPresent()) {
                chokePolicy = p.get();
                break;
            }
        }
    }

    private void joinSwarm() {
        if (state == TorrentState.PAUSED || state == TorrentState.ERROR || stopping) {
            return;
        }
        setState(isComplete() ? TorrentState.SEEDING : TorrentState.DOWNLOADING);
        started = true;
        if (trackers == null && !meta.trackerTiers().isEmpty()) {
            trackers = new TrackerList(meta.trackerTiers(), engine.trackerFactory(),
                    new AnnounceTemplate(infoHash, engine.peerId().bytes(), engine.listenPort(),
                            engine.trackerKey(), 200),
                    this::transferTotals, engine.trackerScheduler(), new Listener(),
                    engine.announcePolicy(), random, Clock.systemUTC());
        }
        if (trackers != null) {
            trackers.start();
        }
        // peers given while checking (connect(), --peer) are dialed now, not at the next once-a-second tick
        connectMore();
    }

    /** Stops the swarm part: trackers hear {@code stopped}, connections close, resume data is saved. */
    CompletableFuture<Void> stop(TorrentState next) {
        stopping = true;
        cancelCheck();
        if (state != TorrentState.ERROR) {
            setState(next);
        }
        for (PeerConnection p : new ArrayList<>(peers)) {
            p.close("torrent stopped");
        }
        for (PeerConnection p : new ArrayList<>(connecting)) {
            p.close("torrent stopped");
        }
        candidates.clear();
        saveResume();
        for (TorrentPlugin p : plugins) {
            p.close();
        }
        plugins.clear();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        if (trackers != null && started) {
            f = trackers.stop(java.time.Duration.ofSeconds(3)).exceptionally(e -> null);
            trackers = null;
        }
        started = false;
        return f;
    }

    /**
     * Stops a running check within a few pieces (the hasher finishes those in flight). The data stays unknown, so
     * the next start checks again; a {@link #recheck()} waiting for it fails with a cancellation.
     */
    private void cancelCheck() {
        ResumeStore.Check c = check;
        if (c == null) {
            return;
        }
        check = null;
        c.cancel();
        checkGeneration++;
        checkedPieces.set(0);
        checkPieces = 0;
        if (recheckDone != null) {
            recheckDone.completeExceptionally(new java.util.concurrent.CancellationException("check cancelled"));
            recheckDone = null;
        }
    }

    void closeStorage(boolean deleteData) {
        if (storage == null) {
            return;
        }
        try {
            if (deleteData) {
                storage.deleteData();
                engine.resumeStore().delete(resumeKey);
            } else {
                storage.flush();
            }
        } catch (IOException e) {
            log.warn("{}: {}", info.name(), e.getMessage());
        }
        storage.close();
        storage = null;
    }

    private void fail(String message) {
        error = message;
        log.error("{}: {}", info.name(), message);
        setState(TorrentState.ERROR);
        engine.publish(new SessionEvent.TorrentError(hex, message));
        stop(TorrentState.ERROR);
    }

    void diskError(String message) {
        fail(message);
    }

    private void setState(TorrentState next) {
        TorrentState prev = state;
        if (prev != next) {
            state = next;
            // trackers read the totals from this snapshot: it must say left=0 before a seed's first announce
            status = buildStatus();
            engine.publish(new SessionEvent.StateChanged(hex, prev, next));
        }
    }

    // ---------------------------------------------------------------- peers (loop)

    boolean acceptsPeers() {
        return started && !stopping && (state == TorrentState.DOWNLOADING || state == TorrentState.SEEDING);
    }

    boolean hasRoomForPeer() {
        return peers.size() < engine.config().maxPeersPerTorrent();
    }

    boolean attach(PeerConnection p) {
        if (!acceptsPeers() || !hasRoomForPeer() || smartBan.isBanned(banKey(p))) {
            return false;
        }
        for (PeerConnection other : peers) {
            if (java.util.Arrays.equals(other.peerId(), p.peerId())) {
                return false;
            }
        }
        connecting.remove(p);
        peers.add(p);
        stateSince.put(p, chokeRound);
        if (p.dialedAddress != null) {
            nextDial.put(p.dialedAddress, Long.MAX_VALUE);
            dialFailures.remove(p.dialedAddress);
        }
        return true;
    }

    void detach(PeerConnection p) {
        connecting.remove(p);
        if (peers.remove(p)) {
            if (picker != null) {
                picker.peerLeft(p, p.peerHas);
            }
            stateSince.remove(p);
            lastOptimistic.remove(p);
            boolean wasUnchoked = !p.amChoking;
            optimistic.remove(p);
            if (p.dialedAddress != null) {
                // a peer we dialled (tracker, --peer, connect()) is dialled again later, like libtorrent's
                // reconnect back-off: after 10 s, doubling per drop up to 160 s; never a banned peer, nor a seed
                // once we are one too
                int drops = this.drops.merge(p.dialedAddress, 1, Integer::sum);
                nextDial.put(p.dialedAddress, engine.now() + (10_000L << Math.min(4, drops - 1)));
                boolean pointless = isComplete() && p.peerHas != null && p.peerHas.isComplete();
                if (!stopping && !pointless && !p.misbehaved && !smartBan.isBanned(banKey(p))
                        && !candidates.contains(p.dialedAddress)) {
                    candidates.add(p.dialedAddress);
                }
            }
            if (wasUnchoked) {
                chokeSoon();
            }
        }
    }

    void dialFailed(PeerConnection p) {
        connecting.remove(p);
        if (p.dialedAddress != null && !peers.contains(p)) {
            int n = dialFailures.merge(p.dialedAddress, 1, Integer::sum);
            long backoff = Math.min(300_000L, 5_000L << Math.min(6, n - 1));
            nextDial.put(p.dialedAddress, engine.now() + backoff);
            if (!candidates.contains(p.dialedAddress)) {
                candidates.add(p.dialedAddress);
            }
        }
    }

    List<PeerPlugin> pluginsFor(PeerConnection p) {
        List<PeerPlugin> out = new ArrayList<>();
        for (TorrentPlugin tp : plugins) {
            try {
                tp.forPeer(p).ifPresent(out::add);
            } catch (RuntimeException e) {
                log.warn("plugin failed on {}: {}", p, e.toString());
            }
        }
        return out;
    }

    String banKey(PeerConnection p) {
        InetSocketAddress a = p.remoteAddress();
        String ip = a == null ? "?" : a.getAddress().getHostAddress();
        if (a != null && a.getAddress().isLoopbackAddress()) {
            return ip + "/" + java.util.HexFormat.of().formatHex(p.peerId());
        }
        return ip;
    }

    void addPeers(List<InetSocketAddress> found) {
        for (InetSocketAddress a : found) {
            if (engine.isSelf(a) || nextDial.containsKey(a) && nextDial.get(a) == Long.MAX_VALUE) {
                continue;
            }
            if (!candidates.contains(a)) {
                candidates.add(a);
            }
        }
        connectMore();
    }

    private void connectMore() {
        if (!acceptsPeers()) {
            return;
        }
        long now = engine.now();
        int budget = candidates.size();
        while (budget-- > 0 && peers.size() + connecting.size() < engine.config().maxPeersPerTorrent()
                && engine.hasRoomForConnection()) {
            InetSocketAddress a = candidates.poll();
            if (a == null) {
                break;
            }
            Long next = nextDial.get(a);
            if (next != null && next > now) {
                if (next != Long.MAX_VALUE) {
                    candidates.add(a);
                }
                continue;
            }
            nextDial.put(a, Long.MAX_VALUE);
            connecting.add(engine.dial(this, a));
        }
    }

    void peerInterestChanged(PeerConnection p) {
        if (p.peerInterested && p.amChoking) {
            chokeSoon();
        } else if (!p.peerInterested && !p.amChoking) {
            chokeSoon();
        }
    }

    /**
     * BEP 6 lets a seeder grant choked peers an allowed-fast set; granting one is optional and we do not (yet), so
     * a request from a peer we choke is always rejected. Peers' allowed-fast grants to us are honoured.
     */
    boolean allowedFastFor(PeerConnection p, int piece) {
        return false;
    }

    // ---------------------------------------------------------------- choking (loop)

    /**
     * Runs a choke round now, or, if one ran less than a second ago, once that second is over: an interested peer
     * must not wait a whole choke interval for a free slot just because it asked right after a round.
     */
    private void chokeSoon() {
        long wait = 1000 - (engine.now() - lastChokeMillis);
        if (wait <= 0) {
            chokeRound();
        } else if (!chokeSoonScheduled) {
            chokeSoonScheduled = true;
            engine.loop().schedule(() -> {
                chokeSoonScheduled = false;
                chokeRound();
            }, wait, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    void chokeRound() {
        if (chokePolicy == null || !acceptsPeers()) {
            return;
        }
        lastChokeMillis = engine.now();
        chokeRound++;
        long now = engine.now();
        List<PeerSnapshot<PeerConnection>> snaps = new ArrayList<>(peers.size());
        for (PeerConnection p : peers) {
            snaps.add(PeerSnapshot.builder(p)
                    .interested(p.peerInterested)
                    .unchoked(!p.amChoking)
                    .optimistic(!p.amChoking && optimistic.contains(p))
                    .downloadRate(p.downRate.rate(now))
                    .uploadRate(p.upRate.rate(now))
                    .seed(p.isSeed())
                    .snubbed(p.snubbed)
                    .connectedMillis(Math.max(0, now - p.connectedAt()))
                    .stateSinceRound(stateSince.getOrDefault(p, chokeRound))
                    .lastOptimisticRound(lastOptimistic.getOrDefault(p, PeerSnapshot.NEVER))
                    .downloadedBytes(p.bytesReceived())
                    .uploadedBytes(p.bytesSent())
                    .build());
        }
        ChokeContext ctx = new ChokeContext(isComplete(), engine.config().uploadSlots(), 1, chokeRound, random);
        ChokeDecision<PeerConnection> d;
        try {
            d = chokePolicy.decide(snaps, ctx);
        } catch (RuntimeException e) {
            log.warn("choke policy failed, keeping the current slots: {}", e.toString());
            return;
        }
        Set<PeerConnection> unchoke = d.unchoke();
        optimistic.clear();
        for (PeerConnection p : d.optimistic()) {
            optimistic.add(p);
            lastOptimistic.put(p, chokeRound);
        }
        for (PeerConnection p : peers) {
            boolean wasChoking = p.amChoking;
            p.optimistic = optimistic.contains(p);
            if (unchoke.contains(p)) {
                p.unchoke();
            } else {
                p.choke();
            }
            if (wasChoking != p.amChoking) {
                stateSince.put(p, chokeRound);
            }
        }
    }

    // ---------------------------------------------------------------- pieces (loop)

    PiecePicker<PeerConnection> picker() {
        return picker;
    }

    Bitfield verified() {
        return verified;
    }

    void blockArrived(PeerConnection from, int piece, int begin, ByteBuf data, boolean wasOutstanding) {
        if (picker == null) {
            return;
        }
        int len = data.readableBytes();
        BlockReceipt<PeerConnection> r = picker.blockReceived(from, piece, begin, len);
        if (!r.status().isNew()) {
            wasted += len;
            return;
        }
        PieceAssembly a = assemblies[piece];
        if (a == null) {
            a = new PieceAssembly(piece, info.pieceSize(piece), takeBuffer());
            assemblies[piece] = a;
        }
        a.add(begin, data, from);
        List<PeerConnection> cancel = r.cancel();
        for (int i = 0, n = cancel.size(); i < n; i++) {
            cancel.get(i).sendCancel(piece, begin, len);
        }
        if (r.status() == BlockReceipt.Status.PIECE_COMPLETE || a.complete()) {
            assemblies[piece] = null;
            verifyAndWrite(a);
        }
    }

    /** Piece buffers are reused: a fresh zeroed array per piece costs as much CPU as hashing it. */
    private byte[] takeBuffer() {
        byte[] b = freeBuffers.poll();
        return b != null ? b : new byte[info.pieceLength()];
    }

    private void giveBack(PieceAssembly a) {
        if (a.buffer().length == info.pieceLength() && freeBuffers.size() < MAX_FREE_BUFFERS) {
            freeBuffers.add(a.buffer());
        }
    }

    private void verifyAndWrite(PieceAssembly a) {
        int piece = a.piece();
        byte[] data = a.buffer();
        int size = a.size();
        CompletableFuture.supplyAsync(() -> layout.hashMatches(piece, Hashing.sha1(data, size)), engine.hasherPool())
                .thenAcceptAsync(ok -> {
                    if (!ok) {
                        pieceFailed(a);
                        return;
                    }
                    engine.diskPool().execute(() -> {
                        String err = null;
                        try {
                            FileStorage s = storage;
                            if (s == null) {
                                return;
                            }
                            s.write(piece, 0, ByteBuffer.wrap(data, 0, size));
                        } catch (IOException | RuntimeException e) {
                            err = e.getMessage() == null ? e.toString() : e.getMessage();
                        }
                        String writeError = err;
                        engine.loop().execute(() -> {
                            if (writeError != null) {
                                fail("write of piece " + piece + " failed: " + writeError);
                            } else {
                                piecePassed(a);
                            }
                            giveBack(a);
                        });
                    });
                }, engine.loop());
    }

    private void piecePassed(PieceAssembly a) {
        if (picker == null || verified == null) {
            return;
        }
        int piece = a.piece();
        picker.piecePassed(piece);
        verified.set(piece);
        verifiedVersion++;
        resumeDirty = true;
        for (String banned : smartBan.piecePassed(piece, a.buffer(), a.size(), PieceAssembly.BLOCK)) {
            disconnectBanned(banned);
        }
        for (PeerConnection p : peers) {
            p.sendHave(piece);
        }
        for (PeerConnection p : peers) {
            p.flush();
            p.ourPiecesChanged();
        }
        Map<org.swarmbid.core.spi.PeerContext, Long> bytes = contributions(a);
        for (TorrentPlugin tp : plugins) {
            tp.onPiecePassed(piece, bytes);
        }
        if (isComplete()) {
            finished();
        }
    }

    private void pieceFailed(PieceAssembly a) {
        if (picker == null) {
            return;
        }
        int piece = a.piece();
        wasted += a.size();
        List<PeerConnection> contributors = picker.pieceFailed(piece);
        String[] senders = new String[a.blockCount()];
        for (int b = 0; b < senders.length; b++) {
            Object s = a.sender(b);
            senders[b] = s instanceof PeerConnection pc ? banKey(pc) : null;
        }
        log.info("{}: piece {} failed its hash check ({} contributors)", info.name(), piece, contributors.size());
        for (String banned : smartBan.pieceFailed(piece, a.buffer(), a.size(), PieceAssembly.BLOCK, senders)) {
            disconnectBanned(banned);
        }
        Map<org.swarmbid.core.spi.PeerContext, Long> bytes = contributions(a);
        for (TorrentPlugin tp : plugins) {
            tp.onPieceFailed(piece, bytes);
        }
        giveBack(a);
        for (PeerConnection p : peers) {
            p.requestMore();
        }
    }

    private void disconnectBanned(String key) {
        log.warn("{}: banning {} for sending data that failed the hash check", info.name(), key);
        for (PeerConnection p : new ArrayList<>(peers)) {
            if (banKey(p).equals(key)) {
                p.close("banned: sent corrupt data");
            }
        }
    }

    private static Map<org.swarmbid.core.spi.PeerContext, Long> contributions(PieceAssembly a) {
        Map<org.swarmbid.core.spi.PeerContext, Long> m = new IdentityHashMap<>();
        a.bytesByPeer().forEach((k, v) -> {
            if (k instanceof PeerConnection pc) {
                m.put(pc, v);
            }
        });
        return m;
    }

    private void finished() {
        if (state == TorrentState.SEEDING) {
            return;
        }
        log.info("{}: download complete", info.name());
        FileStorage s = storage;
        if (s != null) {
            engine.diskPool().execute(() -> {
                try {
                    s.createEmptyFiles();
                } catch (IOException e) {
                    log.warn("{}: cannot create empty files: {}", info.name(), e.getMessage());
                }
            });
        }
        setState(TorrentState.SEEDING);
        saveResume();
        engine.publish(new SessionEvent.TorrentFinished(hex));
        if (trackers != null) {
            trackers.completed();
        }
        for (TorrentPlugin tp : plugins) {
            tp.onFinished();
        }
        for (PeerConnection p : new ArrayList<>(peers)) {
            if (p.isSeed()) {
                p.closeWhenReleased("both sides are seeds");
            }
        }
        chokeRound();
    }

    void readBlock(int piece, int begin, ByteBuffer dst) throws IOException {
        storage.read(piece, begin, dst);
    }

    void downloaded(int bytes, long now) {
        down.add(bytes, now);
    }

    void uploaded(int bytes, long now) {
        up.add(bytes, now);
    }

    // ---------------------------------------------------------------- periodic (loop)

    void tick(long now) {
        if (!acceptsPeers()) {
            status = buildStatus();
            return;
        }
        for (PeerConnection p : new ArrayList<>(peers)) {
            p.tick(now);
        }
        connectMore();
        if (now - lastChokeMillis >= engine.config().chokeInterval().toMillis()) {
            chokeRound();
        }
        for (TorrentPlugin tp : plugins) {
            tp.tick(now);
        }
        if (resumeDirty && now - lastResumeSave >= RESUME_SAVE_MILLIS) {
            saveResume();
        }
        status = buildStatus();
        List<PeerStatus> ps = new ArrayList<>(peers.size());
        for (PeerConnection p : peers) {
            InetSocketAddress a = p.remoteAddress();
            ps.add(new PeerStatus(a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort(),
                    p.client(), p.flags(), p.downRate.rate(now), p.upRate.rate(now),
                    p.peerHas == null ? 0 : (double) p.peerHas.cardinality() / Math.max(1, info.pieceCount()),
                    p.attributes()));
        }
        peerStatus = ps;
    }

    private void saveResume() {
        if (verified == null || storage == null || !resumeDirty) {
            return;
        }
        resumeDirty = false;
        lastResumeSave = engine.now();
        engine.resumeStore().save(resumeKey, infoHash, verified.copy(), storage);
    }

    private TransferTotals transferTotals() {
        TorrentStatus s = status;
        return new TransferTotals(s.uploaded(), s.downloaded(), Math.max(0, s.totalBytes() - s.doneBytes()));
    }

    private TorrentStatus buildStatus() {
        long now = engine.now();
        long wanted = 0;
        long done = 0;
        int piecesDone = 0;
        Bitfield v = verified;
        PiecePicker<PeerConnection> pk = picker;
        for (int i = 0; i < info.pieceCount(); i++) {
            boolean want = pk == null || pk.priority(i) > 0;
            int size = info.pieceSize(i);
            if (want) {
                wanted += size;
            }
            if (v != null && v.get(i)) {
                piecesDone++;
                if (want) {
                    done += size;
                }
            }
        }
        long rate = down.rate(now);
        long eta = rate <= 0 ? (done >= wanted ? 0 : -1) : (wanted - done) / rate;
        int seeds = 0;
        for (PeerConnection p : peers) {
            if (p.isSeed()) {
                seeds++;
            }
        }
        List<TrackerStatus> ts = new ArrayList<>();
        TrackerList tl = trackers;
        if (tl != null) {
            for (org.swarmbid.core.tracker.TrackerStatus t : tl.statuses()) {
                ts.add(new TrackerStatus(t.url(), t.tier(),
                        t.state() == org.swarmbid.core.tracker.TrackerState.WORKING,
                        t.lastError().or(t::warning).orElse(""), t.seeders().orElse(-1), t.leechers().orElse(-1),
                        t.nextAnnounce().map(java.time.Instant::toEpochMilli).orElse(0L)));
            }
        }
        if (publishedVersion != verifiedVersion) {
            publishedVersion = verifiedVersion;
            java.util.BitSet snap = new java.util.BitSet(info.pieceCount());
            for (int i = v == null ? -1 : v.nextSet(0); i >= 0; i = v.nextSet(i + 1)) {
                snap.set(i);
            }
            verifiedSnapshot = snap;
        }
        boolean checking = state == TorrentState.CHECKING;
        return new TorrentStatus(hex, info.name(), state, info.totalLength(), wanted, done, piecesDone,
                info.pieceCount(), rate, up.rate(now), down.total(), up.total(), peers.size(), seeds, eta, error, ts,
                checking ? checkedPieces.get() : 0, checking ? checkPieces : 0);
    }

    private void applyPriorities() {
        if (picker == null) {
            return;
        }
        long[] lengths = new long[info.files().size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = info.files().get(i).length();
        }
        picker.setPriorities(PiecePriorities.fromFiles(picker.geometry(), lengths, filePriorities));
        for (PeerConnection p : peers) {
            p.ourPiecesChanged();
            p.requestMore();
        }
        if (isComplete() && state == TorrentState.DOWNLOADING) {
            finished();
        } else if (!isComplete() && state == TorrentState.SEEDING) {
            setState(TorrentState.DOWNLOADING);
        }
    }

    boolean isDownloading() {
        return state == TorrentState.DOWNLOADING;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    // ---------------------------------------------------------------- TorrentHandle (any thread)

    @Override
    public String infoHash() {
        return hex;
    }

    @Override
    public String name() {
        return info.name();
    }

    /**
     * The snapshot of the last tick or state change; while checking, with the check's progress as of now (a check
     * of a big torrent on a fast disk can finish between two ticks, and a UI polling the status should still see it
     * move).
     */
    @Override
    public TorrentStatus status() {
        TorrentStatus s = status;
        if (s.state() != TorrentState.CHECKING || state != TorrentState.CHECKING) {
            return s;
        }
        int done = checkedPieces.get();
        int total = checkPieces;
        return done == s.checkedPieces() && total == s.checkPieces() ? s : s.withCheck(done, total);
    }

    @Override
    public List<PeerStatus> peers() {
        return peerStatus;
    }

    @Override
    public java.util.BitSet pieces() {
        return (java.util.BitSet) verifiedSnapshot.clone();
    }

    @Override
    public long[] fileProgress() {
        java.util.BitSet have = verifiedSnapshot;
        long[] out = new long[layout.fileCount()];
        long pieceLength = layout.pieceLength();
        for (int f = 0; f < out.length; f++) {
            long start = layout.fileOffset(f);
            long end = start + layout.file(f).length();
            for (int p = have.nextSetBit(layout.firstPieceOf(f)); p >= 0 && p < layout.endPieceOf(f);
                    p = have.nextSetBit(p + 1)) {
                long ps = p * pieceLength;
                long pe = ps + layout.pieceSize(p);
                out[f] += Math.max(0, Math.min(end, pe) - Math.max(start, ps));
            }
        }
        return out;
    }

    @Override
    public int[] filePriorities() {
        return publishedPriorities.clone();
    }

    @Override
    public void pause() {
        engine.loop().execute(() -> {
            if (state != TorrentState.PAUSED) {
                stop(TorrentState.PAUSED);
                status = buildStatus();
            }
        });
    }

    @Override
    public void resume() {
        engine.loop().execute(() -> {
            if (state == TorrentState.PAUSED || state == TorrentState.ERROR) {
                error = null;
                setState(TorrentState.CHECKING); // published: a UI sees the torrent leave PAUSED at once
                start(false);
            }
        });
    }

    @Override
    public CompletableFuture<Void> recheck() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        engine.loop().execute(() -> {
            stop(TorrentState.CHECKING).whenComplete((v, e) -> engine.loop().execute(() -> {
                if (state == TorrentState.PAUSED) { // paused while the trackers heard "stopped"
                    f.completeExceptionally(new java.util.concurrent.CancellationException("check cancelled"));
                    return;
                }
                engine.resumeStore().delete(resumeKey);
                verified = null;
                verifiedVersion++;
                picker = null;
                java.util.Arrays.fill(assemblies, null);
                recheckDone = f;
                state = TorrentState.CHECKING;
                start(false);
            }));
        });
        return f;
    }

    @Override
    public void setFilePriority(int fileIndex, int priority) {
        if (fileIndex < 0 || fileIndex >= filePriorities.length) {
            throw new IndexOutOfBoundsException("file " + fileIndex + " of " + filePriorities.length);
        }
        if (priority < 0 || priority > PiecePicker.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be 0..7");
        }
        engine.loop().execute(() -> {
            filePriorities[fileIndex] = priority;
            publishedPriorities = filePriorities.clone();
            applyPriorities();
        });
    }

    @Override
    public void connect(InetSocketAddress peer) {
        engine.loop().execute(() -> {
            nextDial.remove(peer);
            addPeers(List.of(peer));
        });
    }

    @Override
    public void reannounce() {
        engine.loop().execute(() -> {
            if (trackers != null) {
                trackers.announceNow(true);
            }
        });
    }

    // ---------------------------------------------------------------- TorrentContext

    @Override
    public byte[] infoHashBytes() {
        return infoHash.clone();
    }

    @Override
    public int pieceCount() {
        return info.pieceCount();
    }

    @Override
    public long pieceLength() {
        return info.pieceLength();
    }

    @Override
    public long totalLength() {
        return info.totalLength();
    }

    @Override
    public int pieceSize(int piece) {
        return info.pieceSize(piece);
    }

    @Override
    public boolean isComplete() {
        PiecePicker<PeerConnection> pk = picker;
        return pk != null && pk.wantedRemaining() == 0;
    }

    @Override
    public long bytesLeft() {
        PiecePicker<PeerConnection> pk = picker;
        if (pk == null) {
            return totalLength();
        }
        long left = (long) pk.wantedRemaining() * info.pieceLength();
        int last = info.pieceCount() - 1;
        if (last >= 0 && pk.priority(last) > 0 && !pk.hasPiece(last)) {
            left -= info.pieceLength() - info.pieceSize(last);
        }
        return Math.max(0, left);
    }

    @Override
    public Path saveDir() {
        return saveDir;
    }

    @Override
    public void execute(Runnable task) {
        engine.loop().execute(task);
    }

    Metainfo metainfo() {
        return meta;
    }

    /** The raw info dictionary (BEP 9 metadata), copied once; callers must not write to it. */
    byte[] metadata() {
        byte[] m = metadataBytes;
        if (m == null) {
            m = meta.infoBytes();
            metadataBytes = m;
        }
        return m;
    }

    /** Tracker callbacks arrive on the tracker scheduler; hop to the loop. */
    private final class Listener implements TrackerListener {
        @Override
        public void onPeers(String trackerUrl, List<InetSocketAddress> found) {
            engine.loop().execute(() -> addPeers(found));
        }

        @Override
        public void onStatus(org.swarmbid.core.tracker.TrackerStatus s) {
            s.lastError().ifPresent(e -> log.info("{}: tracker {}: {}", info.name(), s.url(), e));
        }
    }

    /** Runs {@code action} for every connected peer. Loop only. */
    void forEachPeer(java.util.function.Consumer<PeerConnection> action) {
        for (PeerConnection p : new ArrayList<>(peers)) {
            action.accept(p);
        }
    }
}
