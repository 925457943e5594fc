package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.buyer.BidInputs;
import org.swarmbid.bidding.buyer.TorrentBuyer;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.core.picker.RequestQueueSize;
import org.swarmbid.ext.btt.BidDigest;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.TronAccount;

/**
 * Our buyer side on one connection (docs/btt-extension.md 7.1): keeps the seller's offer, bids the truthful value
 * ({@code TorrentBuyer.bidPrice}: what is left of the budget per remaining MiB, capped by the maximum price) when
 * tit-for-tat does not already deliver the wanted rate, re-bids before the bid expires or when the value changes,
 * and while a {@code bid_response} with {@code ok=1} is in force counts every block received from this seller at
 * the clearing price ({@code TorrentBuyer.paidBytesReceived}). Paying happens per passed piece in
 * {@link ChequeIssuer}. Loop only.
 *
 * <p><b>Budget caps</b>: a won slot holds its {@linkplain #exposureBytes exposure} against the budgets; a bid is
 * sent only if that exposure fits. When the next block would eat into the holds ({@code TorrentBuyer.mustWithdraw},
 * checked after every paid block and every tick), the buyer withdraws: a signed {@code bid} with {@code price} 0
 * (docs/btt-extension.md 4.2). Blocks keep counting as paid, out of the hold, until the seller's
 * {@code bid_response} for that nonce, which marks the end of the paid slot on the stream; from then on the
 * buyer downloads from this seller only in free slots, as a plain peer. A new {@code offer} mid-session (its
 * credit window grew after a settlement, or the seller changed its settings) resizes the open slot's hold at once
 * and withdraws if the budget can no longer hold it.
 */
final class BuyerRole {
    private static final Logger LOG = LoggerFactory.getLogger(BuyerRole.class);
    /** Longest a finished connection is held open for an acknowledgement. */
    static final long HOLD_MILLIS = 30_000;
    private final BttPeer peer;
    private BttMessage.Offer offer;
    private boolean paid;
    private BigInteger price = BigInteger.ZERO;
    private BigInteger lastBidPrice;
    private long lastBidExpiresAt;
    private boolean signing;
    private boolean stopped;
    private long lastBytes = -1;
    private long lastSample;
    private long rate;
    private boolean resynced;
    private long holdingSince;
    /** The budget asked us to give the paid slot back; until the seller acknowledges it. */
    private boolean withdrawing;
    /** Nonce of our withdrawal once sent, until the seller acknowledges it, else 0. */
    private long withdrawal;

    BuyerRole(BttPeer peer) {
        this.peer = peer;
    }

    private Account account() {
        BttSettings st = peer.p.settings();
        return Ids.account(st.account(), peer.them, st.asset(), st.chainId());
    }

    void onOffer(BttMessage.Offer o) {
        BttSettings st = peer.p.settings();
        if (!st.buys()) {
            return;
        }
        if (!o.asset().equals(st.asset())) {
            peer.sendError(ErrorCode.WRONG_ASSET, "we pay in " + st.asset(), 0);
            return;
        }
        long before = exposureBytes();
        offer = o;
        peer.p.buyer().threshold(peer.theirAddress, o.settlementThreshold());
        long now = peer.p.now();
        long exposure = exposureBytes();
        if (paid && exposure != before) {
            // new terms mid-session (docs/btt-extension.md 4.1): the open slot's hold follows them at once; a larger
            // window binds us only from the second round after this offer, so if the budget cannot hold it the
            // withdrawal below reaches the seller while the old window is still in force
            Account a = account();
            BigInteger p = price;
            TorrentBuyer tb = peer.torrent.buyer();
            peer.p.buyer().locked(() -> tb.paidSlotOpened(a, p, exposure));
            LOG.debug("{} offered new terms: margin of our paid slot {} -> {} bytes", peer.theirAddress, before,
                    exposure);
            checkBudget(now);
        }
        maybeBid(now);
    }

    /**
     * Most bytes this seller may still send in our paid slot after it was asked to stop: what its credit window
     * lets it send beyond our cheques (the offer's {@code credit} at its reserve price, in bytes, plus one block in
     * flight: docs/btt-extension.md 7.2), and never more than our engine keeps requested from one peer.
     */
    long exposureBytes() {
        long pipeline = (long) RequestQueueSize.ENGINE.max() * TorrentBuyer.BLOCK;
        if (offer == null || offer.reservePerMiB().signum() == 0) {
            return pipeline;
        }
        BigInteger[] qr = offer.creditWindow().shiftLeft(20).divideAndRemainder(offer.reservePerMiB());
        BigInteger creditBytes = qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
        return creditBytes.add(BigInteger.valueOf(TorrentBuyer.BLOCK)).min(BigInteger.valueOf(pipeline)).longValue();
    }

    void onBidResponse(BttMessage.BidResponse r) {
        Account a = account();
        TorrentBuyer tb = peer.torrent.buyer();
        if (!r.accepted()) {
            // lost the round, or the seller acted on our withdrawal: paid blocks ended here on the stream
            paid = false;
            if (withdrawal != 0 && r.nonce() >= withdrawal) {
                withdrawal = 0;
                withdrawing = false;
            }
            peer.p.buyer().locked(() -> tb.paidSlotClosed(a));
        } else {
            paid = true;
            price = r.clearingPrice();
            BigInteger p = price;
            long exposure = exposureBytes();
            boolean giveBack = withdrawing; // a round decided before the seller saw our withdrawal
            peer.p.buyer().locked(() -> {
                tb.paidSlotOpened(a, p, exposure);
                if (giveBack) {
                    tb.withdrawing(a);
                }
            });
        }
        peer.ctx.setAttribute("btt.bought", paid ? price.toString() : null);
        if (r.reason().filter(c -> c == ErrorCode.BID_EXPIRED).isPresent()) {
            lastBidExpiresAt = 0; // the seller no longer holds our bid: bid afresh
        }
    }

    void onReceipt(BttMessage.Receipt r) {
        TronAccount them = peer.them;
        ReceiptCheck check = peer.torrent.plugin().receiptCheck();
        boolean first = !resynced;
        resynced = true;
        if (r.asset().equals(peer.p.settings().asset()) && r.chainId() == peer.p.settings().chainId()) {
            peer.p.buyer().acknowledge(account(), r.cumulativeAmount(), r.settledTotal());
        }
        peer.p.lane().execute(() -> check.check(r, them, first).ifPresent(peer::post));
    }

    /**
     * True while this seller has not yet acknowledged everything we owe it or settled with it (a cheque for the
     * last pieces, or a settlement, in flight), for at most {@value #HOLD_MILLIS} ms: the engine then keeps a
     * finished connection open.
     */
    boolean holdsConnection(long now) {
        if (!peer.active() || !peer.p.settings().buys()) {
            return false;
        }
        if (holdingSince == 0) {
            holdingSince = now;
        }
        if (now - holdingSince > HOLD_MILLIS) {
            return false;
        }
        return owesAcknowledgement();
    }

    /**
     * True while this seller has not acknowledged everything we owe it or settled with it: a verified piece not
     * yet covered by an acknowledged cheque, or a settlement not yet acknowledged.
     */
    boolean owesAcknowledgement() {
        if (!peer.active() || !peer.p.settings().buys()) {
            return false;
        }
        if (peer.torrent.paymentsInFlight() > 0) {
            return true;
        }
        Account a = account();
        BuyerDesk desk = peer.p.buyer();
        var book = desk.book();
        return desk.locked(() -> {
            BigInteger settling = book.lastSent(a).subtract(book.settled(a)).subtract(book.unsettled(a));
            return book.owed(a).compareTo(desk.acknowledgedCumulative(a)) > 0 || settling.signum() > 0
                    || book.settled(a).compareTo(desk.acknowledgedSettled(a)) > 0;
        });
    }

    void onError(ErrorCode code) {
        if (code == ErrorCode.OVER_CREDIT || code == ErrorCode.SETTLEMENT_DUE) {
            paid = false;
            peer.ctx.setAttribute("btt.bought", null);
            closeSlot();
        }
        if (code == ErrorCode.SETTLEMENT_DUE) {
            Account a = account();
            Settler settler = peer.torrent.plugin().settler();
            peer.p.lane().execute(() -> settler.checkDue(a));
        }
    }

    void stopped() {
        stopped = true;
        paid = false;
        closeSlot();
    }

    /** The connection closed: a paid slot on it holds nothing any more. */
    void closed() {
        paid = false;
        closeSlot();
    }

    private void closeSlot() {
        if (peer.them == null || !peer.p.settings().buys()) {
            return;
        }
        Account a = account();
        TorrentBuyer tb = peer.torrent.buyer();
        peer.p.buyer().locked(() -> tb.paidSlotClosed(a));
    }

    /**
     * Counts a block from this seller if it arrived in our paid slot (within the caps), then withdraws if the next
     * block would no longer fit.
     */
    void received(int piece, int length) {
        if (!paid || !peer.active() || peer.torrent.passed(piece)) {
            return;
        }
        Account a = account();
        BigInteger p = price;
        TorrentBuyer tb = peer.torrent.buyer();
        boolean counted = peer.p.buyer().locked(() -> tb.paidBytesReceived(a, piece, length, p));
        if (!counted) {
            LOG.warn("{} sent {} bytes in our paid slot beyond our budget; they are not paid for",
                    peer.theirAddress, length);
        }
        checkBudget(peer.p.now());
    }

    /** Withdraws our bid if the paid slot no longer fits the budget. */
    private void checkBudget(long now) {
        if (!paid || !peer.active()) {
            return;
        }
        if (!withdrawing) {
            Account a = account();
            BigInteger p = price;
            TorrentBuyer tb = peer.torrent.buyer();
            withdrawing = peer.p.buyer().locked(() -> {
                if (!tb.mustWithdraw(a, p, Instant.ofEpochMilli(now))) {
                    return false;
                }
                tb.withdrawing(a);
                return true;
            });
            if (withdrawing) {
                LOG.info("budget reached: withdrawing our bid for a paid slot from {}", peer.theirAddress);
            }
        }
        if (withdrawing && withdrawal == 0 && !signing) {
            sendBid(BigInteger.ZERO, now); // again at the next block or tick if signing or the ledger failed
        }
    }

    /** True while this seller's paid slot is ours. */
    boolean paid() {
        return paid;
    }

    /** Download rate from this peer, bytes/s, sampled each tick. */
    long rate() {
        return rate;
    }

    void tick(long now) {
        long bytes = peer.ctx.bytesReceived();
        if (lastBytes >= 0 && now > lastSample) {
            rate = (bytes - lastBytes) * 1000 / (now - lastSample);
        }
        lastBytes = bytes;
        lastSample = now;
        checkBudget(now);
        maybeBid(now);
    }

    /** The caps changed: bid now at the new price if there is one (an unchanged price waits as usual). */
    void reconsider(long now) {
        maybeBid(now);
    }

    private void maybeBid(long now) {
        BttSettings st = peer.p.settings();
        if (!st.buys() || offer == null || offer.paidSlots() == 0 || signing || stopped || !peer.active()
                || !peer.torrent.buyerReady() || withdrawing) {
            return;
        }
        long wanted = st.wantedRate() == 0 ? Long.MAX_VALUE : st.wantedRate();
        BidInputs in = new BidInputs(peer.torrent.context().bytesLeft(), peer.torrent.context().isComplete(),
                peer.torrent.titForTatRate(), wanted);
        Optional<BigInteger> value = peer.p.buyer().locked(
                () -> peer.torrent.buyer().bidPrice(in, Instant.ofEpochMilli(now)));
        if (value.isEmpty() || value.get().compareTo(offer.reservePerMiB()) < 0) {
            return;
        }
        long validity = st.bidding().buyer().bidValidityMillis();
        if (value.get().equals(lastBidPrice) && lastBidExpiresAt - now > validity / 2) {
            return;
        }
        Account a = account();
        long exposure = exposureBytes();
        TorrentBuyer tb = peer.torrent.buyer();
        if (!peer.p.buyer().locked(() -> tb.affordsPaidSlot(a, value.get(), exposure, Instant.ofEpochMilli(now)))) {
            return; // what is left cannot hold what a paid slot may deliver after a withdrawal
        }
        sendBid(value.get(), now);
    }

    /** Signs, records and sends a bid at {@code bidPrice} (0: a withdrawal). */
    private void sendBid(BigInteger bidPrice, long now) {
        BttSettings st = peer.p.settings();
        long validity = st.bidding().buyer().bidValidityMillis();
        long nonce = peer.p.buyer().nextNonce(peer.theirAddress, now);
        Address theirAddress = peer.theirAddress;
        long expiry = (now + validity + 999) / 1000;
        byte[] digest = BidDigest.digest(st.domain(), st.account(), peer.them, peer.torrent.infoHash20(), bidPrice,
                nonce, expiry);
        signing = true;
        peer.p.lane().execute(() -> {
            Signature sig;
            try {
                sig = peer.p.signer().sign(digest);
                // the ledger holds every bid before it leaves (docs/btt-extension.md §7.1)
                peer.p.ledger().recordBid(new BidRecord(Direction.SENT, peer.torrent.hex(), peer.p.us(),
                        theirAddress, Ids.asset(st.asset()), bidPrice, nonce, expiry * 1000, now));
            } catch (RuntimeException e) {
                LOG.warn("cannot sign or record a bid: {}", e.getMessage());
                peer.ctx.execute(() -> signing = false);
                return;
            }
            peer.ctx.execute(() -> {
                signing = false;
                if (bidPrice.signum() == 0) {
                    withdrawal = nonce;
                    lastBidPrice = null;
                    lastBidExpiresAt = 0;
                } else {
                    lastBidPrice = bidPrice;
                    lastBidExpiresAt = expiry * 1000;
                }
                peer.send(new BttMessage.Bid(st.asset(), bidPrice, nonce, expiry, sig));
            });
        });
    }
}
