package org.swarmbid.core.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.picker.BlockReceipt;
import org.swarmbid.core.picker.BlockRequest;
import org.swarmbid.core.picker.LongSet;
import org.swarmbid.core.picker.PieceGeometry;
import org.swarmbid.core.picker.RequestQueueSize;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.RequestVerdict;
import org.swarmbid.core.wire.ExtensionHandshake;
import org.swarmbid.core.wire.Handshake;
import org.swarmbid.core.wire.MalformedMessageException;
import org.swarmbid.core.wire.MetadataMessage;
import org.swarmbid.core.wire.HandshakeHeader;
import org.swarmbid.core.wire.PeerId;
import org.swarmbid.core.wire.PeerMessage;
import org.swarmbid.core.wire.WireEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection's state machine (BEP 3 with BEP 6 fast and BEP 10 extension protocol): handshake, interest,
 * choking, request pipelining, serving requests, extension message dispatch to plugins. The last handler in the
 * pipeline; runs only on the engine loop.
 */
final class PeerConnection extends ChannelInboundHandlerAdapter implements PeerContext {
    private static final Logger log = LoggerFactory.getLogger(PeerConnection.class);
    /** BEP 3 suggests 16 KiB requests; we serve up to this much and disconnect above it. */
    static final int MAX_REQUEST = 128 * 1024;
    /** Outstanding requests a peer may queue at us before we drop the connection. */
    static final int MAX_PEER_QUEUE = 2048;
    /** Our BEP 10 {@code reqq}. */
    static final int OUR_REQQ = 1024;
    static final long SNUB_MILLIS = 60_000;
    /** Requests in flight: 3 s worth of the peer's measured rate, at least 16 blocks (libtorrent-style). */
    static final RequestQueueSize QUEUE = RequestQueueSize.ENGINE;

    private final Engine engine;
    private final boolean incoming;
    private Channel channel;
    TorrentRuntime torrent;
    private PeerId peerId;
    private boolean fast;
    private boolean extended;
    private boolean attached;
    private boolean firstMessage = true;
    private int traced;

    boolean amChoking = true;
    boolean amInterested;
    boolean peerChoking = true;
    boolean peerInterested;
    Bitfield peerHas;
    /** We closed the connection because of what the peer sent: it is not dialled again. */
    boolean misbehaved;
    boolean peerSeed;

    /** Our requests to the peer by (piece, begin) key: O(1) removal as blocks arrive, no boxing. */
    private final LongSet outstanding = new LongSet(256);
    private final ArrayDeque<PeerMessage.Request> peerRequests = new ArrayDeque<>();
    /** Requests refused because we choke the peer, since we last unchoked it. */
    private int requestsWhileChoked;
    private Bitfield allowedFastForUs;
    private final Map<String, Integer> theirExtIds = new HashMap<>();
    private final Map<Integer, String> ourExtNames = new HashMap<>();
    /** Serves our info dictionary (BEP 9) once we have sent the extension handshake; null before. */
    private MetadataServer metadata;
    private final Map<String, PeerPlugin> pluginByName = new HashMap<>();
    private final List<PeerPlugin> plugins = new ArrayList<>();
    /** Set when the engine no longer needs the connection but a plugin still held it. */
    private String closeReason;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String clientName = "";
    private int peerReqq = 250;
    /** When a plugin defers a request, it is offered again after this long (or at once on retryDeferredRequests). */
    private static final long DEFER_RETRY_MILLIS = 100;

    final RateMeter downRate = new RateMeter(6);
    final RateMeter upRate = new RateMeter(6);
    private long lastBlockAt;
    private long connectedAt;
    boolean snubbed;
    boolean optimistic;
    private boolean servingScheduled;
    /** {@link #serveRequests()} is running; a nested call sets {@link #serveAgain} instead of iterating too. */
    private boolean serving;
    private boolean serveAgain;
    private boolean readPaused;
    /** Blocks arrived in the current read burst; their requests are refilled at {@link #channelReadComplete}. */
    private boolean refillPending;
    private final List<BlockRequest> pickBuffer = new ArrayList<>();
    final InetSocketAddress dialedAddress;

    PeerConnection(Engine engine, boolean incoming, TorrentRuntime torrent, InetSocketAddress dialedAddress) {
        this.engine = engine;
        this.incoming = incoming;
        this.torrent = torrent;
        this.dialedAddress = dialedAddress;
    }

    // ---------------------------------------------------------------- Netty lifecycle

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        connectedAt = engine.now();
        if (!incoming) {
            sendHandshake();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof PeerMessage m) {
                onMessage(m);
            } else if (msg instanceof Handshake h) {
                onHandshake(h);
            } else if (msg instanceof HandshakeHeader h) {
                onHandshakeHeader(h);
            }
        } catch (ProtocolViolation e) {
            misbehaved = true;
            close("protocol violation: " + e.getMessage());
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * The end of a read burst (up to 1 MiB, ~64 blocks): the requests for the blocks that arrived in it are
     * refilled here, in one picker call and one write, instead of every few blocks.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (refillPending) {
            refillPending = false;
            requestMore();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable()) {
            serveRequests();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent e) {
            if (e.state() == IdleState.WRITER_IDLE && attached) {
                channel.writeAndFlush(PeerMessage.KeepAlive.INSTANCE);
            } else if (e.state() == IdleState.READER_IDLE) {
                close("idle timeout");
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a decoder refused the peer's bytes (oversize frame, bad handshake): not dialled again; a reset socket is
        // no misbehaviour (a killed peer may come back)
        misbehaved |= cause instanceof io.netty.handler.codec.DecoderException;
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        close(why);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        detach();
    }

    // ---------------------------------------------------------------- handshake

    private void sendHandshake() {
        ByteBuf out = channel.alloc().buffer(Handshake.LENGTH);
        new Handshake(engine.reservedBits(), torrent.infoHashBytes(), engine.peerId()).writeTo(out);
        channel.writeAndFlush(out);
    }

    private void onHandshakeHeader(HandshakeHeader h) {
        TorrentRuntime t = engine.torrentFor(h.infoHash());
        if (t == null || !t.acceptsPeers()) {
            close("no active torrent for the info-hash the peer asked for");
            return;
        }
        if (!t.hasRoomForPeer() || !engine.hasRoomForConnection()) {
            close("connection limit reached");
            return;
        }
        torrent = t;
        sendHandshake();
    }

    private void onHandshake(Handshake h) {
        if (!Arrays.equals(h.infoHash(), torrent.infoHashBytes())) {
            close("peer answered with another info-hash");
            return;
        }
        if (h.peerId().equals(engine.peerId())) {
            close("connected to ourselves");
            engine.rememberSelf(remoteAddress());
            return;
        }
        peerId = h.peerId();
        clientName = peerId.describe();
        fast = h.supportsFastExtension();
        extended = h.supportsExtensionProtocol();
        if (!torrent.attach(this)) {
            close("duplicate connection or torrent full");
            return;
        }
        attached = true;
        peerHas = new Bitfield(torrent.pieceCount());
        lastBlockAt = engine.now();
        for (PeerPlugin p : torrent.pluginsFor(this)) {
            plugins.add(p);
            for (String name : p.extensionNames()) {
                pluginByName.put(name, p);
            }
        }
        sendHaveState();
        if (extended) {
            sendExtensionHandshake();
        }
    }

    private void sendExtensionHandshake() {
        ExtensionHandshake.Builder b = ExtensionHandshake.builder();
        int id = 1;
        for (String name : pluginByName.keySet().stream().sorted().toList()) {
            b.message(name, id);
            ourExtNames.put(id, name);
            id++;
        }
        if (!pluginByName.containsKey(MetadataMessage.EXTENSION)) { // BEP 9: built in, unless a plugin serves it
            metadata = new MetadataServer(torrent.metadata());
            b.message(MetadataMessage.EXTENSION, id).metadataSize(metadata.size());
            ourExtNames.put(id, MetadataMessage.EXTENSION);
        }
        BDict.Builder extra = BDict.builder();
        for (PeerPlugin p : plugins) {
            p.contributeHandshake(extra);
        }
        extra.build().entries().forEach((k, v) -> b.put(
                new String(k.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8), v));
        b.client(engine.clientVersion()).listenPort(engine.listenPort()).requestQueueLength(OUR_REQQ);
        InetSocketAddress remote = remoteAddress();
        if (remote != null && remote.getAddress() != null) {
            b.yourIp(remote.getAddress());
        }
        channel.writeAndFlush(b.build().toMessage());
    }

    private void sendHaveState() {
        Bitfield ours = torrent.verified();
        if (fast && ours.isComplete()) {
            channel.write(PeerMessage.HaveAll.INSTANCE);
        } else if (fast && ours.isEmpty()) {
            channel.write(PeerMessage.HaveNone.INSTANCE);
        } else if (!ours.isEmpty()) {
            channel.write(new PeerMessage.Bitfield(ours.toWire()));
        }
        channel.flush();
    }

    // ---------------------------------------------------------------- messages

    private void onMessage(PeerMessage m) {
        if (!attached) {
            return;
        }
        // BEP 3 wants the bitfield (or BEP 6 have all / have none) first. Real clients put the BEP 10 handshake,
        // allowed-fast, port or suggest messages before it, so like libtorrent we accept it once, before any other
        // message about which pieces the peer has
        if (log.isTraceEnabled() && traced++ < 12) {
            log.trace("{} <- {}", this, m);
        }
        boolean first = firstMessage;
        if (m instanceof PeerMessage.Have || m instanceof PeerMessage.Bitfield || m instanceof PeerMessage.HaveAll
                || m instanceof PeerMessage.HaveNone || m instanceof PeerMessage.Piece
                || m instanceof PeerMessage.Request) {
            firstMessage = false;
        }
        if (m instanceof PeerMessage.Piece p) {
            onPiece(p);
        } else if (m instanceof PeerMessage.Request r) {
            onRequest(r);
        } else if (m instanceof PeerMessage.Have h) {
            onHave(h.index());
        } else if (m instanceof PeerMessage.Choke) {
            onChoke();
        } else if (m instanceof PeerMessage.Unchoke) {
            peerChoking = false;
            plugins.forEach(p -> p.onPeerChoke(false));
            requestMore();
        } else if (m instanceof PeerMessage.Interested) {
            peerInterested = true;
            torrent.peerInterestChanged(this);
        } else if (m instanceof PeerMessage.NotInterested) {
            peerInterested = false;
            torrent.peerInterestChanged(this);
        } else if (m instanceof PeerMessage.Bitfield b) {
            if (first) {
                onBitfield(b);
            } else {
                lateBitfield(b);
            }
        } else if (m instanceof PeerMessage.Cancel c) {
            peerRequests.removeIf(r -> r.index() == c.index() && r.begin() == c.begin() && r.length() == c.length());
        } else if (m instanceof PeerMessage.HaveAll) {
            requireFast("have all");
            if (first) {
                peerHas.setAll();
                peerSeed = true;
                torrent.picker().peerHaveAll(this);
                updateInterest();
            } else {
                for (int i = peerHas.nextClear(0); i >= 0; i = peerHas.nextClear(i + 1)) {
                    onHave(i);
                }
            }
        } else if (m instanceof PeerMessage.HaveNone) {
            requireFast("have none");
            if (first) {
                torrent.picker().peerHaveNone(this);
            }
            // a late have none cannot take pieces back; ignored
        } else if (m instanceof PeerMessage.RejectRequest r) {
            requireFast("reject request");
            if (removeOutstanding(r.index(), r.begin())) {
                torrent.picker().returnRequest(this, r.index(), r.begin());
            }
            requestMore();
        } else if (m instanceof PeerMessage.AllowedFast a) {
            requireFast("allowed fast");
            checkPiece(a.index());
            if (allowedFastForUs == null) {
                allowedFastForUs = new Bitfield(torrent.pieceCount());
            }
            allowedFastForUs.set(a.index());
            if (peerChoking) {
                requestMore();
            }
        } else if (m instanceof PeerMessage.SuggestPiece s) {
            checkPiece(s.index());
        } else if (m instanceof PeerMessage.Extended e) {
            onExtended(e);
        }
        // KeepAlive, Port, Unknown: nothing to do
    }

    private void requireFast(String what) {
        if (!fast) {
            throw new ProtocolViolation(what + " without the fast extension");
        }
    }

    private void checkPiece(int index) {
        if (index < 0 || index >= torrent.pieceCount()) {
            throw new ProtocolViolation("piece index " + index + " out of range (" + torrent.pieceCount() + ")");
        }
    }

    private void onBitfield(PeerMessage.Bitfield b) {
        Bitfield bf;
        try {
            bf = Bitfield.fromWire(b.bits(), torrent.pieceCount());
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation(e.getMessage());
        }
        peerHas = bf;
        peerSeed = bf.isComplete();
        torrent.picker().peerBitfield(this, bf);
        updateInterest();
    }

    /**
     * A bitfield after the peer already told us what it has (aria2 sends one to batch its haves): taken as a set of
     * {@code have}s. Pieces cannot be taken back, so bits that went from 1 to 0 are ignored.
     */
    private void lateBitfield(PeerMessage.Bitfield b) {
        Bitfield bf;
        try {
            bf = Bitfield.fromWire(b.bits(), torrent.pieceCount());
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation(e.getMessage());
        }
        for (int i = bf.nextSet(0); i >= 0; i = bf.nextSet(i + 1)) {
            onHave(i);
        }
    }

    private void onHave(int index) {
        checkPiece(index);
        if (peerHas.set(index)) {
            torrent.picker().peerHave(this, index);
            for (PeerPlugin p : plugins) {
                p.onPeerHave(index);
            }
            peerSeed = peerHas.isComplete();
            if (!amInterested && !torrent.picker().hasPiece(index) && torrent.picker().priority(index) > 0) {
                updateInterest();
            }
        }
    }

    private void onChoke() {
        peerChoking = true;
        plugins.forEach(p -> p.onPeerChoke(true));
        if (!fast) {
            // BEP 3: a choke discards every pending request
            returnAllRequests();
        }
    }

    private void onRequest(PeerMessage.Request r) {
        checkPiece(r.index());
        int pieceSize = torrent.pieceSize(r.index());
        if (r.length() > MAX_REQUEST || r.length() <= 0 || r.begin() < 0
                || (long) r.begin() + r.length() > pieceSize) {
            throw new ProtocolViolation("request " + r.index() + ":" + r.begin() + "+" + r.length()
                    + " outside the piece");
        }
        if (!torrent.verified().get(r.index())) {
            reject(r);
            return;
        }
        if (amChoking && !torrent.allowedFastFor(this, r.index())) {
            // a few cross our choke on the wire; an endless stream is a flood (libtorrent also disconnects)
            if (++requestsWhileChoked > MAX_PEER_QUEUE) {
                throw new ProtocolViolation("more than " + MAX_PEER_QUEUE + " requests while choked");
            }
            reject(r);
            return;
        }
        if (peerRequests.size() >= MAX_PEER_QUEUE) {
            throw new ProtocolViolation("more than " + MAX_PEER_QUEUE + " queued requests");
        }
        peerRequests.add(r);
        serveRequests();
    }

    private void reject(PeerMessage.Request r) {
        if (fast) {
            channel.writeAndFlush(new PeerMessage.RejectRequest(r.index(), r.begin(), r.length()));
        }
    }

    @Override
    public void retryDeferredRequests() {
        serveRequests();
    }

    /**
     * Sends queued blocks while the socket is writable and the upload budget allows.
     *
     * <p>Re-entrant: a plugin asked about a request or told of a block sent may choke this peer (clearing the
     * queue) or call {@link #retryDeferredRequests()} right away, and a write may fire a writability change. A call
     * made while serving only marks that the queue must be looked at again, and the queue is read from its head
     * on every step rather than through an iterator (which such a change broke with a
     * {@code ConcurrentModificationException} on the loop, found by {@code scripts/bench-bidding}).
     */
    void serveRequests() {
        if (!attached || channel == null) {
            return;
        }
        if (serving) {
            serveAgain = true;
            return;
        }
        serving = true;
        boolean wrote = false;
        try {
            int passes = 0;
            do {
                serveAgain = false;
                wrote |= serveQueue();
            } while (serveAgain && attached && ++passes < 8);
            if (serveAgain && attached) {
                scheduleServe(1); // a plugin that keeps asking for more passes waits for the next loop turn
            }
        } finally {
            serving = false;
        }
        if (wrote && attached) {
            channel.flush();
        }
    }

    /** One pass over the queue; whether a block was written. */
    private boolean serveQueue() {
        boolean wrote = false;
        PeerMessage.Request r;
        while (attached && channel.isWritable() && (r = peerRequests.peekFirst()) != null) {
            if (amChoking && !torrent.allowedFastFor(this, r.index())) {
                peerRequests.pollFirst();
                reject(r);
                continue;
            }
            RequestVerdict verdict = RequestVerdict.SERVE;
            for (PeerPlugin p : plugins) {
                RequestVerdict v = p.onBlockRequest(r.index(), r.begin(), r.length());
                if (v != RequestVerdict.SERVE) {
                    verdict = v;
                    break;
                }
            }
            if (peerRequests.peekFirst() != r) {
                continue; // a plugin choked the peer (the queue was cleared) or otherwise changed it: look again
            }
            if (verdict == RequestVerdict.DEFER) {
                scheduleServe(DEFER_RETRY_MILLIS);
                break;
            }
            if (verdict == RequestVerdict.REJECT) {
                peerRequests.pollFirst();
                reject(r);
                continue;
            }
            long now = engine.now();
            if (!engine.uploadBucket().tryTake(r.length(), now)) {
                scheduleServe(Math.max(1, engine.uploadBucket().delayFor(r.length(), now)));
                break;
            }
            peerRequests.pollFirst();
            ByteBuf data = channel.alloc().directBuffer(r.length(), r.length());
            try {
                torrent.readBlock(r.index(), r.begin(), data.nioBuffer(0, r.length()));
                data.writerIndex(r.length());
            } catch (Exception e) {
                data.release();
                torrent.diskError("read of piece " + r.index() + " failed: " + e.getMessage());
                return wrote;
            }
            channel.write(new PeerMessage.Piece(r.index(), r.begin(), data));
            wrote = true;
            upRate.add(r.length(), now);
            torrent.uploaded(r.length(), now);
            for (PeerPlugin p : plugins) {
                p.onBlockSent(r.index(), r.begin(), r.length());
            }
        }
        return wrote;
    }

    private void scheduleServe(long delayMillis) {
        if (servingScheduled) {
            return;
        }
        servingScheduled = true;
        channel.eventLoop().schedule(() -> {
            servingScheduled = false;
            serveRequests();
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void onPiece(PeerMessage.Piece p) {
        checkPiece(p.index());
        int len = p.length();
        long now = engine.now();
        boolean wasOutstanding = removeOutstanding(p.index(), p.begin());
        downRate.add(len, now);
        torrent.downloaded(len, now);
        lastBlockAt = now;
        snubbed = false;
        engine.downloadBucket().consume(len, now);
        if (!engine.downloadBucket().available(now) && !readPaused) {
            readPaused = true;
            channel.config().setAutoRead(false);
            channel.eventLoop().schedule(this::resumeReading,
                    Math.max(1, engine.downloadBucket().delayFor(16 * 1024, now)), TimeUnit.MILLISECONDS);
        }
        for (PeerPlugin pl : plugins) {
            pl.onBlockReceived(p.index(), p.begin(), len);
        }
        torrent.blockArrived(this, p.index(), p.begin(), p.data(), wasOutstanding);
        refillPending = true;
    }

    /** Replaces the read-size policy (the download limit changed). Loop only. */
    void setRecvAllocator(io.netty.channel.RecvByteBufAllocator alloc) {
        if (channel != null) {
            channel.config().setRecvByteBufAllocator(alloc);
        }
    }

    private void resumeReading() {
        readPaused = false;
        if (channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    private void onExtended(PeerMessage.Extended e) {
        if (!extended) {
            throw new ProtocolViolation("extension message without the extension protocol bit");
        }
        if (e.extendedId() == ExtensionHandshake.HANDSHAKE_ID) {
            ExtensionHandshake hs;
            try {
                hs = ExtensionHandshake.decode(e.payload());
            } catch (BencodeException | IllegalArgumentException ex) {
                throw new ProtocolViolation("bad extension handshake: " + ex.getMessage());
            }
            theirExtIds.clear();
            theirExtIds.putAll(hs.messages());
            hs.client().filter(c -> !c.isBlank()).ifPresent(c -> clientName = c);
            hs.requestQueueLength().ifPresent(q -> peerReqq = Math.max(1, Math.min(q, 5000)));
            for (PeerPlugin p : plugins) {
                Set<String> supported = new HashSet<>();
                for (String n : p.extensionNames()) {
                    if (theirExtIds.containsKey(n)) {
                        supported.add(n);
                    }
                }
                p.onExtensionHandshake(hs.dict(), supported);
            }
            return;
        }
        String name = ourExtNames.get(e.extendedId());
        PeerPlugin p = name == null ? null : pluginByName.get(name);
        if (p != null) {
            p.onExtensionMessage(name, e.payload());
        } else if (metadata != null && MetadataMessage.EXTENSION.equals(name)) {
            onMetadataMessage(e.payload());
        }
    }

    /** BEP 9: answers requests for the info dictionary; data and rejects (we never ask) are dropped. */
    private void onMetadataMessage(ByteBuf payload) {
        MetadataMessage m;
        try {
            m = MetadataMessage.decode(payload);
        } catch (MalformedMessageException ex) {
            throw new ProtocolViolation(ex.getMessage());
        }
        if (m instanceof MetadataMessage.Data d) {
            d.data().release();
        } else if (m instanceof MetadataMessage.Request r) {
            MetadataMessage reply = metadata.answer(r);
            ByteBuf wire = reply.encode(); // holds its own reference to a data piece's bytes
            if (reply instanceof MetadataMessage.Data d) {
                d.data().release();
            }
            sendExtension(MetadataMessage.EXTENSION, wire);
        }
    }

    // ---------------------------------------------------------------- requesting

    private void updateInterest() {
        boolean want = torrent.picker().isInteresting(peerHas);
        if (want != amInterested) {
            amInterested = want;
            channel.writeAndFlush(want ? PeerMessage.Interested.INSTANCE : PeerMessage.NotInterested.INSTANCE);
        }
        if (want) {
            requestMore();
        }
    }

    /** Re-evaluates interest after our own pieces changed (a piece passed). */
    void ourPiecesChanged() {
        if (attached && amInterested && !torrent.picker().isInteresting(peerHas)) {
            amInterested = false;
            channel.writeAndFlush(PeerMessage.NotInterested.INSTANCE);
        }
    }

    void requestMore() {
        if (!attached || !amInterested || torrent.isComplete() || !torrent.isDownloading()) {
            return;
        }
        int depth = Math.min(peerReqq,
                QUEUE.depthFor(downRate.rate(engine.now()), downRate.total() / PieceGeometry.BLOCK_SIZE));
        int wanted = depth - outstanding.size();
        // refill in batches: one picker call per few blocks, not one per block received
        if (wanted <= 0 || !outstanding.isEmpty() && wanted < Math.min(8, Math.max(1, depth / 4))) {
            return;
        }
        pickBuffer.clear();
        if (peerChoking) {
            if (!fast || allowedFastForUs == null) {
                return;
            }
            torrent.picker().pickAllowedFast(this, peerHas, allowedFastForUs, wanted, pickBuffer);
        } else {
            torrent.picker().pick(this, peerHas, wanted, pickBuffer);
        }
        if (pickBuffer.isEmpty()) {
            return;
        }
        // one buffer for the batch: one pass down the pipeline instead of one per 17-byte request
        ByteBuf out = channel.alloc().ioBuffer(WireEncoder.REQUEST_LENGTH * pickBuffer.size());
        for (BlockRequest b : pickBuffer) {
            outstanding.add(key(b.piece(), b.begin()));
            WireEncoder.writeRequest(out, b.piece(), b.begin(), b.length());
        }
        channel.writeAndFlush(out);
    }

    void sendCancel(int piece, int begin, int length) {
        if (removeOutstanding(piece, begin)) {
            channel.writeAndFlush(new PeerMessage.Cancel(piece, begin, length));
        }
    }

    private boolean removeOutstanding(int piece, int begin) {
        return outstanding.remove(key(piece, begin));
    }

    private void returnAllRequests() {
        if (!outstanding.isEmpty()) {
            torrent.picker().peerChoked(this);
            outstanding.clear();
        }
    }

    private static long key(int piece, int begin) {
        return ((long) piece << 32) | (begin & 0xffffffffL);
    }

    /** Once a second: snub detection and request time-outs. */
    void tick(long now) {
        if (!attached) {
            return;
        }
        if (closeReason != null && !heldByPlugin()) {
            close(closeReason);
            return;
        }
        if (!outstanding.isEmpty() && now - lastBlockAt > SNUB_MILLIS && !snubbed) {
            snubbed = true;
            returnAllRequests();
            requestMore();
        }
    }

    // ---------------------------------------------------------------- choking (called by the torrent's choker)

    void choke() {
        if (!amChoking) {
            amChoking = true;
            if (fast) {
                for (PeerMessage.Request r : peerRequests) {
                    if (!torrent.allowedFastFor(this, r.index())) {
                        channel.write(new PeerMessage.RejectRequest(r.index(), r.begin(), r.length()));
                    }
                }
                peerRequests.removeIf(r -> !torrent.allowedFastFor(this, r.index()));
            } else {
                peerRequests.clear();
            }
            channel.writeAndFlush(PeerMessage.Choke.INSTANCE);
        }
    }

    void unchoke() {
        if (amChoking) {
            amChoking = false;
            requestsWhileChoked = 0;
            channel.writeAndFlush(PeerMessage.Unchoke.INSTANCE);
        }
    }

    /**
     * Announces a verified piece. Sent to every peer, also to those that have it (libtorrent's default
     * {@code send_redundant_have}): a seller learns from it which blocks it sent passed our hash check.
     */
    void sendHave(int piece) {
        if (attached) {
            channel.write(new PeerMessage.Have(piece));
        }
    }

    void flush() {
        if (channel != null) {
            channel.flush();
        }
    }

    boolean attached() {
        return attached;
    }

    long connectedAt() {
        return connectedAt;
    }

    boolean isSeed() {
        return peerSeed;
    }

    /**
     * Closes the connection now, or as soon as no plugin holds it ({@link PeerPlugin#holdsConnection()}, asked again
     * at every tick).
     */
    void closeWhenReleased(String reason) {
        closeReason = reason;
        if (!heldByPlugin()) {
            close(reason);
        }
    }

    private boolean heldByPlugin() {
        for (PeerPlugin p : plugins) {
            try {
                if (p.holdsConnection()) {
                    return true;
                }
            } catch (RuntimeException e) {
                log.warn("plugin failed on {}: {}", this, e.toString());
            }
        }
        return false;
    }

    String flags() {
        StringBuilder sb = new StringBuilder();
        sb.append(amInterested ? (peerChoking ? 'd' : 'D') : ' ');
        sb.append(peerInterested ? (amChoking ? 'u' : 'U') : ' ');
        if (optimistic) {
            sb.append('O');
        }
        if (snubbed) {
            sb.append('S');
        }
        if (incoming) {
            sb.append('I');
        }
        if (fast) {
            sb.append('F');
        }
        if (extended) {
            sb.append('E');
        }
        return sb.toString().trim();
    }

    Map<String, String> attributes() {
        return attributes;
    }

    void close(String reason) {
        if (channel != null && channel.isOpen()) {
            log.debug("closing {}: {}", remoteAddress(), reason);
            channel.close();
        }
    }

    private void detach() {
        if (!attached && !incoming && torrent != null) {
            torrent.dialFailed(this);
        }
        if (attached) {
            attached = false;
            returnAllRequests();
            for (PeerPlugin p : plugins) {
                p.onDisconnect();
            }
            torrent.detach(this);
        }
        peerRequests.clear();
        engine.connectionClosed(this);
    }

    // ---------------------------------------------------------------- PeerContext

    @Override
    public InetSocketAddress remoteAddress() {
        return channel == null ? dialedAddress : (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public byte[] peerId() {
        return peerId == null ? new byte[0] : peerId.bytes();
    }

    @Override
    public String client() {
        return clientName;
    }

    @Override
    public boolean isIncoming() {
        return incoming;
    }

    @Override
    public boolean supportsExtension(String name) {
        return theirExtIds.getOrDefault(name, 0) > 0;
    }

    @Override
    public void sendExtension(String name, ByteBuf payload) {
        Integer id = theirExtIds.get(name);
        if (id == null || id <= 0 || channel == null || !channel.isActive()) {
            payload.release();
            return;
        }
        channel.writeAndFlush(new PeerMessage.Extended(id, payload));
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public long bytesReceived() {
        return downRate.total();
    }

    @Override
    public long bytesSent() {
        return upRate.total();
    }

    @Override
    public boolean amChoking() {
        return amChoking;
    }

    @Override
    public boolean peerInterested() {
        return peerInterested;
    }

    @Override
    public void setAttribute(String key, String value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    @Override
    public void disconnect(String reason) {
        close(reason);
    }

    @Override
    public void execute(Runnable task) {
        engine.loop().execute(task);
    }

    @Override
    public Object chokeKey() {
        return this;
    }

    @Override
    public String toString() {
        return "peer " + remoteAddress() + (clientName.isEmpty() ? "" : " (" + clientName + ")");
    }

    /** A peer broke the protocol; the connection is closed. */
    static final class ProtocolViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtocolViolation(String message) {
            super(message, null, false, false);
        }
    }
}
