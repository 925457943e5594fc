package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.auction.Bid;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.core.spi.RequestVerdict;
import org.swarmbid.ext.btt.BidDigest;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.TronAccount;

/**
 * Our seller side on one connection (docs/btt-extension.md 4.1-4.3, 5, 7.2): the offer, the peer's current bid
 * (signature checked on the worker), its slot this round, the {@code bid_response} after each round, the credit gate
 * on its requests (within the credit window this buyer was offered: {@link #creditWindowInForce}), and the bytes
 * and haves that {@link SellerDesk} counts. The offer is re-sent whenever one of its terms changes
 * ({@link #refreshOffer}). Requests of a peer in a regular or
 * optimistic slot, or of a peer without the extension, are always served. Loop only.
 */
final class SellerRole {
    private static final Logger LOG = LoggerFactory.getLogger(SellerRole.class);
    private final BttPeer peer;
    private Bid bid;
    private long bidNonce;
    private boolean checking;
    private PaidSlotChoker.Slot slot = PaidSlotChoker.Slot.NONE;
    private ErrorCode refusal;
    private boolean revocationSent;
    /** The last offer sent on this connection, null before the first. */
    private BttMessage.Offer lastOffer;
    /** Credit window (bytes) of the last offer, and of the last offers when the last two rounds were decided. */
    private long offeredWindow;
    private long windowAtDecision;
    private long windowBeforeDecision;
    /** The buyer withdrew while it held the paid slot: its requests are refused until the next round. */
    private boolean withdrawn;
    private BigInteger lastClearing = BigInteger.ZERO;
    private long lastUntil;

    SellerRole(BttPeer peer) {
        this.peer = peer;
    }

    /** The session became active: offer (if we sell and it buys), then resynchronise with a receipt. */
    void activated() {
        BttSettings st = peer.p.settings();
        boolean trade = st.sells() && peer.theirs.buys();
        refreshOffer();
        TronAccount them = peer.them;
        Receipts receipts = peer.torrent.plugin().receipts();
        peer.p.lane().execute(() -> {
            if (trade || receipts.holdsAnything(them)) {
                peer.post(receipts.of(them));
            }
        });
    }

    /**
     * Sends the offer as it stands now for this buyer if any term of it differs from the last one sent: the first
     * offer once the session is active (if we sell and it buys), then again whenever a term changes
     * (docs/btt-extension.md 4.1): the reserve price or the slots ({@code BttPlugin.updateBidding}, {@code slots} 0
     * once selling stopped), the credit window (grown by a confirmed settlement, or new credit settings), the
     * threshold or the round length. Called on activation, on new settings and on every tick, so changes within one
     * tick go out as one offer and unchanged terms are never re-sent.
     */
    void refreshOffer() {
        BttSettings st = peer.p.settings();
        if (!peer.active() || !peer.theirs.buys() || !(st.sells() || lastOffer != null)) {
            return;
        }
        var seller = st.bidding().seller();
        long window = peer.p.seller().creditWindowBytes(peer.theirAddress);
        BttMessage.Offer o = new BttMessage.Offer(st.asset(), seller.reservePricePerMiB(),
                st.sells() ? seller.paidSlots() : 0, Pricing.amountCeil(window, seller.reservePricePerMiB()),
                seller.settlementThreshold(), (int) st.roundLength().toSeconds());
        if (o.equals(lastOffer)) {
            return;
        }
        if (lastOffer == null) {
            windowAtDecision = window;
            windowBeforeDecision = window;
        }
        peer.send(o);
        lastOffer = o;
        offeredWindow = window;
    }

    /**
     * The credit window in force for this buyer's paid slot, in bytes: the smallest of the window in the last offer
     * sent and those offered when each of the last two rounds was decided. A smaller window applies as soon as it is
     * offered; a larger one only from the second round decided after its offer, so the buyer has at least a full
     * round to take it into its margin or withdraw (docs/btt-extension.md 4.1) before we rely on it.
     */
    long creditWindowInForce() {
        return Math.min(offeredWindow, Math.min(windowAtDecision, windowBeforeDecision));
    }

    /** New settings ({@code BttPlugin.updateBidding}): a new offer if a term changed. */
    void reoffer() {
        refreshOffer();
    }

    /** Once a second: a new offer if a term changed since the last one (a credit window grown by settlement). */
    void tick() {
        refreshOffer();
    }

    void onBid(BttMessage.Bid b) {
        BttSettings st = peer.p.settings();
        long now = peer.p.now();
        if (b.withdrawal()) {
            withdraw(b);
        } else if (!st.sells()) {
            peer.sendError(ErrorCode.NOT_SELLING, "not selling", b.nonce());
        } else if (!b.asset().equals(st.asset())) {
            peer.sendError(ErrorCode.WRONG_ASSET, "the offer is in " + st.asset(), b.nonce());
        } else if (b.expiry() <= now / 1000
                || b.nonce() <= peer.p.seller().lastNonce(peer.theirAddress, peer.torrent.hex())) {
            peer.sendError(ErrorCode.BID_EXPIRED, "bid expired or nonce not increasing", b.nonce());
        } else if (!checking) {
            checking = true;
            byte[] digest = BidDigest.digest(b, st.chainId(), peer.them, st.account(), peer.torrent.infoHash20());
            TronAccount them = peer.them;
            Address theirAddress = peer.theirAddress;
            String torrent = peer.torrent.hex();
            peer.p.lane().execute(() -> {
                boolean ok = peer.p.verifier().recover(digest, b.signature()).filter(them::equals).isPresent();
                boolean recorded = false;
                if (ok) {
                    try { // a bid counts only once the ledger holds it
                        peer.p.ledger().recordBid(new BidRecord(Direction.RECEIVED, torrent, theirAddress,
                                peer.p.us(), Ids.asset(b.asset()), b.pricePerMiB(), b.nonce(),
                                b.expiry() > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : b.expiry() * 1000, now));
                        recorded = true;
                    } catch (RuntimeException e) {
                        LOG.warn("cannot record a bid: {}", e.getMessage());
                    }
                }
                boolean stored = recorded;
                peer.ctx.execute(() -> checked(b, ok, stored));
            });
        }
    }

    /**
     * A withdrawal ({@code price} 0, docs/btt-extension.md 4.2): acted on at once, before any signature check (it
     * only lowers what we serve and what the buyer owes, and it comes on the buyer's own connection). The bid is
     * dropped, a paid slot ends here (its requests are refused until the next round, blocks from now on are not
     * counted), and the {@code bid_response} with {@code ok=0} for its nonce marks on the stream where paid
     * blocks ended: every block before it was counted at the clearing price, none after it.
     */
    private void withdraw(BttMessage.Bid b) {
        boolean held = slot == PaidSlotChoker.Slot.PAID;
        bid = null;
        peer.p.seller().takeNonce(peer.theirAddress, peer.torrent.hex(), b.nonce());
        if (held) {
            slot = PaidSlotChoker.Slot.NONE;
            withdrawn = true;
            peer.ctx.setAttribute("btt.slot", "withdrawn");
            peer.ctx.setAttribute("btt.price", null);
        }
        peer.send(new BttMessage.BidResponse(b.nonce(), false, lastClearing, lastUntil, Optional.empty()));
    }

    private void checked(BttMessage.Bid b, boolean signatureOk, boolean recorded) {
        checking = false;
        if (!peer.active()) {
            return;
        }
        if (!signatureOk) {
            peer.sendError(ErrorCode.BAD_SIGNATURE, "bid signature does not recover to your address", b.nonce());
        } else if (!recorded) {
            peer.sendError(ErrorCode.INTERNAL, "cannot record the bid now; retry later", b.nonce());
        } else if (!peer.p.seller().takeNonce(peer.theirAddress, peer.torrent.hex(), b.nonce())) {
            peer.sendError(ErrorCode.BID_EXPIRED, "nonce not increasing", b.nonce());
        } else {
            long expiresAt = b.expiry() > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : b.expiry() * 1000;
            bid = new Bid(peer.theirAddress, b.pricePerMiB(), Ids.asset(b.asset()), peer.p.seller().nextArrival(),
                    expiresAt);
            bidNonce = b.nonce();
        }
    }

    void onCheque(BttMessage.Cheque c) {
        TronAccount them = peer.them;
        String torrent = peer.torrent.hex();
        ChequeIntake intake = peer.torrent.plugin().chequeIntake();
        peer.p.lane().execute(() -> {
            BttMessage reply = intake.accept(c, them, torrent);
            peer.post(reply);
            if (reply instanceof BttMessage.Receipt) { // credit was freed: serve what waited for it now
                peer.ctx.execute(peer.ctx::retryDeferredRequests);
            }
        });
    }

    void onSettled(BttMessage.Settled s) {
        TronAccount them = peer.them;
        SettlementIntake intake = peer.torrent.plugin().settlementIntake();
        peer.p.lane().execute(() -> intake.claim(s, them).ifPresent(peer::post));
    }

    /** The current bid, for the round's auction. */
    Optional<Bid> currentBid() {
        return peer.active() ? Optional.ofNullable(bid) : Optional.empty();
    }

    /** The seller desk refused this bidder for the round (over credit, settlement due). */
    void refused(ErrorCode why) {
        refusal = why;
    }

    /** The round is decided: remember the slot, send {@code bid_response}. */
    void decided(PaidSlotChoker.Slot s, PaidSlotChoker.Round round, PaidSlotChoker.Terms terms, long untilSeconds,
                 long now) {
        boolean held = slot == PaidSlotChoker.Slot.PAID;
        slot = s;
        revocationSent = false;
        withdrawn = false;
        windowBeforeDecision = windowAtDecision;
        windowAtDecision = offeredWindow;
        BigInteger clearing = round.auction().clearingPrice().orElse(terms.reservePerMiB());
        lastClearing = clearing;
        lastUntil = untilSeconds;
        boolean won = s == PaidSlotChoker.Slot.PAID;
        if (won) {
            peer.p.seller().slotWon(peer.theirAddress, clearing);
        }
        peer.ctx.setAttribute("btt.slot", s.name().toLowerCase(Locale.ROOT));
        peer.ctx.setAttribute("btt.price", won ? clearing.toString() : null);
        ErrorCode why = refusal;
        refusal = null;
        if (!peer.active()) {
            return;
        }
        if (bid != null) {
            Optional<ErrorCode> code = Optional.ofNullable(why);
            if (code.isEmpty() && round.bidOf(peer.ctx.chokeKey()).isPresent()) {
                code = Optional.ofNullable(round.auction().rejected().get(bid)).map(ChequeIntake::wire);
            }
            peer.send(new BttMessage.BidResponse(bidNonce, won, clearing, untilSeconds,
                    won ? Optional.empty() : code));
            if (bid.expiresAtMillis() <= now) {
                bid = null;
            }
        } else if (held) {
            peer.send(new BttMessage.BidResponse(Math.max(1, bidNonce), false, clearing, untilSeconds,
                    Optional.of(ErrorCode.BID_EXPIRED)));
        }
    }

    boolean paidSlot() {
        return slot == PaidSlotChoker.Slot.PAID;
    }

    /** The gate on a request: plain peers are always served; a paid slot is bounded by the credit window. */
    RequestVerdict request(int length) {
        if (withdrawn) {
            return RequestVerdict.REJECT; // it gave its paid slot back: choked until the next round
        }
        if (slot != PaidSlotChoker.Slot.PAID) {
            return RequestVerdict.SERVE;
        }
        if (!peer.active()) {
            return RequestVerdict.REJECT; // the session ended (e.g. a forged cheque): the paid slot is gone
        }
        switch (peer.p.seller().gate(peer.theirAddress, length, peer.p.now(), creditWindowInForce())) {
            case SERVE:
                return RequestVerdict.SERVE;
            case DEFER:
                return RequestVerdict.DEFER;
            default:
                if (!revocationSent) {
                    revocationSent = true;
                    ErrorCode why = peer.p.seller().revocation(peer.theirAddress).orElse(ErrorCode.OVER_CREDIT);
                    peer.send(ChequeIntake.error(why, "paid slot revoked", 0));
                    peer.ctx.setAttribute("btt.slot", "revoked");
                }
                return RequestVerdict.REJECT;
        }
    }

    void sent(int piece, int length) {
        if (slot == PaidSlotChoker.Slot.PAID && peer.active()) {
            peer.p.seller().sent(peer.theirAddress, piece, length);
        }
    }

    void have(int piece) {
        if (peer.active()) {
            peer.p.seller().verifiedByBuyer(peer.theirAddress, piece);
        }
    }
}
