package org.swarmbid.ext.btt.plugin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.RequestVerdict;
import org.swarmbid.ext.btt.BttCodec;
import org.swarmbid.ext.btt.BttHandshake;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.BttProtocolException;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The extension on one connection: negotiation (docs/btt-extension.md section 2), bounded decoding, the rate
 * limit, and dispatch to the connection's {@link SellerRole} and {@link BuyerRole}.
 *
 * <p>States: PENDING until the peer's extension handshake; ACTIVE when both announced {@code swarmbid_btt}, its
 * {@code btt} entry is valid, the chains are equal and our asset is shared; PLAIN otherwise; DEAD after a fatal
 * error either way. In every state but ACTIVE the peer is a plain BitTorrent peer: no messages of ours, its
 * requests served as the base choker decides. A hostile peer's malformed message is answered with error 1 and
 * ends the session; no exception leaves a callback.
 *
 * <p>Threading: every method runs on the connection's event loop; the worker reaches it only via {@link #post}.
 */
final class BttPeer implements PeerPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(BttPeer.class);
    /** Messages per second before error 17. */
    static final int RATE = 20;

    enum State { PENDING, ACTIVE, PLAIN, DEAD }

    final BttTorrent torrent;
    final PeerContext ctx;
    final PluginParts p;
    final SellerRole seller;
    final BuyerRole buyer;
    private final RateLimit rate = new RateLimit(RATE);
    /** Our own sending pace: receipts beyond it wait for the next tick (only the newest is kept). */
    private final RateLimit outRate = new RateLimit(RATE * 3 / 4);
    private BttMessage.Receipt pendingReceipt;
    State state = State.PENDING;
    BttHandshake theirs;
    TronAccount them;
    Address theirAddress;

    BttPeer(BttTorrent torrent, PeerContext ctx) {
        this.torrent = torrent;
        this.ctx = ctx;
        this.p = torrent.parts();
        this.seller = new SellerRole(this);
        this.buyer = new BuyerRole(this);
    }

    boolean active() {
        return state == State.ACTIVE;
    }

    @Override
    public Set<String> extensionNames() {
        return Set.of(BttPlugin.EXTENSION);
    }

    @Override
    public void contributeHandshake(BDict.Builder handshake) {
        handshake.put(BttHandshake.KEY, BttCodec.encodeHandshake(torrent.plugin().handshake()));
    }

    @Override
    public void onExtensionHandshake(BDict handshake, Set<String> supported) {
        try {
            negotiate(handshake, supported);
        } catch (RuntimeException e) {
            fail("handshake handling failed", e);
        }
    }

    private void negotiate(BDict handshake, Set<String> supported) {
        if (state != State.PENDING) {
            return; // a repeated extension handshake does not renegotiate
        }
        if (!supported.contains(BttPlugin.EXTENSION)) {
            state = State.PLAIN;
            return;
        }
        Optional<BttHandshake> h;
        try {
            h = BttCodec.decodeHandshake(handshake);
        } catch (BttProtocolException e) {
            sendError(e.code(), e.getMessage(), 0);
            stop("bad btt handshake: " + e.getMessage());
            return;
        }
        BttSettings st = p.settings();
        if (h.isEmpty() || !h.get().accepts(st.asset()) || h.get().address().equals(st.account())) {
            state = State.PLAIN;
            return;
        }
        if (h.get().chainId() != st.chainId()) {
            sendError(ErrorCode.WRONG_CHAIN, "we are on chain " + st.chainId(), 0);
            stop("peer is on chain " + h.get().chainId());
            return;
        }
        theirs = h.get();
        them = theirs.address();
        theirAddress = Ids.address(them);
        state = State.ACTIVE;
        p.sessions().add(them, this);
        ctx.setAttribute("btt", theirAddress.value());
        seller.activated();
    }

    @Override
    public void onExtensionMessage(String name, ByteBuf payload) {
        try {
            if (state != State.ACTIVE) {
                return;
            }
            if (!rate.allow(p.now())) {
                if (rate.firstRefusal()) {
                    sendError(ErrorCode.RATE_LIMITED, "more than " + RATE + " messages per second", 0);
                }
                return;
            }
            int n = payload.readableBytes();
            if (n > BttCodec.MAX_MESSAGE) {
                sendError(ErrorCode.MALFORMED, "message of " + n + " bytes", 0);
                stop("oversize message");
                return;
            }
            byte[] bytes = new byte[n];
            payload.getBytes(payload.readerIndex(), bytes);
            Optional<BttMessage> m;
            try {
                m = BttCodec.decode(bytes);
            } catch (BttProtocolException e) {
                sendError(e.code(), e.getMessage(), 0);
                if (e.code().fatal()) {
                    stop("malformed message: " + e.getMessage());
                }
                return;
            }
            m.ifPresent(this::dispatch);
        } catch (RuntimeException e) {
            fail("message handling failed", e);
        }
    }

    private void dispatch(BttMessage m) {
        if (m instanceof BttMessage.Offer o) {
            buyer.onOffer(o);
        } else if (m instanceof BttMessage.Bid b) {
            seller.onBid(b);
        } else if (m instanceof BttMessage.BidResponse r) {
            buyer.onBidResponse(r);
        } else if (m instanceof BttMessage.Cheque c) {
            seller.onCheque(c);
        } else if (m instanceof BttMessage.Receipt r) {
            buyer.onReceipt(r);
        } else if (m instanceof BttMessage.Settled s) {
            seller.onSettled(s);
        } else if (m instanceof BttMessage.ErrorMessage e) {
            onError(e);
        }
    }

    private void onError(BttMessage.ErrorMessage e) {
        Optional<ErrorCode> code = e.errorCode();
        LOG.info("{} sent error {} ({}): {}", theirAddress, e.code(), code.map(ErrorCode::wireName).orElse("?"),
                e.message());
        if (code.isEmpty()) {
            return;
        }
        buyer.onError(code.get());
        if (code.get().fatal()) {
            stop("peer sent fatal error " + code.get().wireName());
        }
    }

    @Override
    public RequestVerdict onBlockRequest(int piece, int begin, int length) {
        try {
            return seller.request(length);
        } catch (RuntimeException e) {
            fail("request gate failed", e);
            return seller.paidSlot() ? RequestVerdict.REJECT : RequestVerdict.SERVE;
        }
    }

    @Override
    public void onBlockSent(int piece, int begin, int length) {
        try {
            seller.sent(piece, length);
        } catch (RuntimeException e) {
            fail("counting a block sent failed", e);
        }
    }

    @Override
    public void onBlockReceived(int piece, int begin, int length) {
        try {
            buyer.received(piece, length);
        } catch (RuntimeException e) {
            fail("counting a block received failed", e);
        }
    }

    @Override
    public void onPeerHave(int piece) {
        try {
            seller.have(piece);
        } catch (RuntimeException e) {
            fail("counting a have failed", e);
        }
    }

    @Override
    public boolean holdsConnection() {
        try {
            return buyer.holdsConnection(p.now());
        } catch (RuntimeException e) {
            fail("holding the connection failed", e);
            return false;
        }
    }

    @Override
    public void onDisconnect() {
        try {
            buyer.closed();
        } catch (RuntimeException e) {
            LOG.warn("swarmbid_btt: releasing a paid slot on {} failed: {}", ctx.remoteAddress(), e.toString(), e);
        }
        if (them != null) {
            p.sessions().remove(them, this);
        }
        torrent.remove(this);
    }

    void tick(long now) {
        try {
            if (pendingReceipt != null) {
                BttMessage.Receipt r = pendingReceipt;
                pendingReceipt = null;
                send(r);
            }
            seller.tick();
            buyer.tick(now);
        } catch (RuntimeException e) {
            fail("tick failed", e);
        }
    }

    /** The plugin's bidding policy changed (loop): a new offer if we sell to it, a bid at the new price. */
    void reconfigured(long now) {
        if (!active()) {
            return;
        }
        try {
            seller.reoffer();
            buyer.reconsider(now);
        } catch (RuntimeException e) {
            fail("applying new bidding settings failed", e);
        }
    }

    /** Sends {@code m} from any thread (on this connection's loop). */
    void post(BttMessage m) {
        ctx.execute(() -> {
            try {
                send(m);
            } catch (RuntimeException e) {
                fail("sending failed", e);
            }
        });
    }

    /** Sends {@code m} if the session is active; a fatal error ends the session. Loop only. */
    void send(BttMessage m) {
        if (state != State.ACTIVE) {
            return;
        }
        boolean allowed = outRate.allow(p.now());
        if (m instanceof BttMessage.Receipt r) {
            if (!allowed) {
                pendingReceipt = r; // a receipt supersedes the ones before it
                return;
            }
            pendingReceipt = null;
        }
        ctx.sendExtension(BttPlugin.EXTENSION, Unpooled.wrappedBuffer(BttCodec.encode(m)));
        if (m instanceof BttMessage.ErrorMessage e && e.errorCode().map(ErrorCode::fatal).orElse(false)) {
            stop("we sent fatal error " + e.code());
        }
    }

    /** Sends an error (also before the session is active, if the peer announced the extension). */
    void sendError(ErrorCode code, String text, long ref) {
        if (state == State.DEAD) {
            return;
        }
        ctx.sendExtension(BttPlugin.EXTENSION, Unpooled.wrappedBuffer(BttCodec.encode(
                ChequeIntake.error(code, text, ref))));
        if (code.fatal()) {
            stop("we sent fatal error " + code.wireName());
        }
    }

    /** Ends the session: from now on a plain BitTorrent peer. */
    void stop(String reason) {
        if (state == State.DEAD) {
            return;
        }
        LOG.info("swarmbid_btt with {} stopped: {}", theirAddress == null ? ctx.remoteAddress() : theirAddress,
                reason);
        state = State.DEAD;
        if (them != null) {
            p.sessions().remove(them, this);
        }
        ctx.setAttribute("btt", "stopped");
        buyer.stopped();
    }

    private void fail(String what, RuntimeException e) {
        LOG.warn("swarmbid_btt: {} on {}: {}", what, ctx.remoteAddress(), e.toString(), e);
        if (state == State.ACTIVE) {
            sendError(ErrorCode.INTERNAL, what, 0);
            stop(what);
        }
    }
}
