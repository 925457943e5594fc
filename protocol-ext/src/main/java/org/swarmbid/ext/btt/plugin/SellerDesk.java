package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.seller.BuyerAccount;
import org.swarmbid.bidding.seller.ChequeVerdict;
import org.swarmbid.bidding.seller.SellerBook;
import org.swarmbid.bidding.seller.SlotDecision;
import org.swarmbid.ext.btt.ErrorCode;

/**
 * The seller's books over every torrent and connection: the {@link SellerBook} (one account per payer), the last
 * bid nonce per payer, and which payers lost their paid slot. Shared by the event loop (requests, blocks sent,
 * haves, choke rounds) and the worker (cheques, settlements), so every method holds this object's monitor; the
 * monitor guards in-memory arithmetic only, never I/O.
 *
 * <h2>Credit gate</h2>
 * A request from a paid-slot holder is served while the value sent but not covered by an accepted cheque, plus this
 * block, stays within the payer's credit window (priced at its clearing price); beyond it the request is deferred
 * until a cheque arrives. The window is the one the buyer was told: a paid slot is bounded by the smallest window
 * its connection announced in the offers of the last two rounds (docs/btt-extension.md 4.1), never by a larger one
 * the buyer may not know of yet. A payer that stays at its limit longer than the payment grace, or whose settlement is
 * overdue or above the threshold, loses its paid slot ({@link Gate#REVOKE}) and is refused in the auction until
 * cheques bring its uncovered value back to half its window. So a seller never extends more than the credit window
 * plus one block to a buyer (docs/btt-extension.md 7.2). A buyer whose cheque was refused as underpaid loses its
 * paid slot for good (this session): it is answered {@code over_credit} in every later round.
 */
final class SellerDesk {
    /** What to do with a paid-slot holder's request. */
    enum Gate { SERVE, DEFER, REVOKE }

    /** Most (payer, torrent) pairs whose last nonce is remembered (oldest forgotten first). */
    static final int MAX_NONCES = 4096;

    /**
     * Whose bids a nonce orders: one payer on one torrent. A bid's signature binds its info-hash (spec 6.4), so
     * it cannot be replayed on another torrent, and a payer's bids on two torrents travel on two connections that
     * may deliver them in either order.
     */
    private record NonceKey(Address payer, String torrent) { }

    private final SellerBook book;
    private final long graceMillis;
    private final Map<NonceKey, Long> nonces = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NonceKey, Long> eldest) {
            return size() > MAX_NONCES;
        }
    };
    private final Map<Address, ErrorCode> revoked = new HashMap<>();
    private final Map<Address, Long> stalledSince = new HashMap<>();
    private long arrivals;

    SellerDesk(SellerBook book, long graceMillis) {
        this.book = book;
        this.graceMillis = graceMillis;
    }

    synchronized void restore(Address payer, BigInteger accepted, long sequence, BigInteger settled, int confirmed,
                              boolean blocklisted) {
        book.restore(payer, accepted, sequence, settled, confirmed, 0, blocklisted);
    }

    /** The next arrival number for the auction's tie-break (earlier wins). */
    synchronized long nextArrival() {
        return ++arrivals;
    }

    /** The last bid nonce accepted from {@code payer} for {@code torrent} (info-hash hex), 0 if none. */
    synchronized long lastNonce(Address payer, String torrent) {
        return nonces.getOrDefault(new NonceKey(payer, torrent), 0L);
    }

    /** Takes {@code nonce} if it is above the last one of {@code payer} for {@code torrent}. */
    synchronized boolean takeNonce(Address payer, String torrent, long nonce) {
        NonceKey k = new NonceKey(payer, torrent);
        if (nonce <= nonces.getOrDefault(k, 0L)) {
            return false;
        }
        nonces.put(k, nonce);
        return true;
    }

    /**
     * Why {@code payer} may not take part in this round's auction, or empty if it may: over its credit window
     * (10), or a settlement due, overdue or refused (11).
     */
    synchronized Optional<ErrorCode> refusal(Address payer, long now) {
        ErrorCode r = revoked.get(payer);
        if (r != null) {
            Optional<BuyerAccount> a = book.find(payer);
            boolean paidUp = a.isPresent() && a.get().uncovered().shiftLeft(1).compareTo(credit(payer, a.get())) <= 0;
            boolean settledUp = r == ErrorCode.SETTLEMENT_DUE && book.slotDecision(payer, now).keep();
            if (r == ErrorCode.OVER_CREDIT && paidUp && book.slotDecision(payer, now).keep() || settledUp) {
                // back under the credit window, or its settlement verified on chain: it may buy again
                revoked.remove(payer);
                stalledSince.remove(payer);
            } else {
                return Optional.of(r == ErrorCode.BAD_AMOUNT ? ErrorCode.OVER_CREDIT : r);
            }
        }
        return toWire(book.slotDecision(payer, now));
    }

    private static Optional<ErrorCode> toWire(SlotDecision d) {
        if (d.keep()) {
            return Optional.empty();
        }
        return Optional.of(d.chokeReason().get() == org.swarmbid.bidding.api.ErrorCode.OVER_CREDIT
                ? ErrorCode.OVER_CREDIT : ErrorCode.SETTLEMENT_DUE);
    }

    synchronized void slotWon(Address payer, BigInteger clearingPerMiB) {
        book.slotWon(payer, clearingPerMiB);
    }

    /**
     * The credit gate for a request of {@code length} bytes from a paid-slot holder (see the class doc), within
     * {@code windowBytes}: the credit window in force on that connection (the smaller of the windows its last offers
     * announced, {@code SellerRole}), never above the payer's window in the book.
     */
    synchronized Gate gate(Address payer, int length, long now, long windowBytes) {
        if (revoked.containsKey(payer)) {
            return Gate.REVOKE;
        }
        Optional<ErrorCode> settlement = toWire(book.slotDecision(payer, now));
        if (settlement.isPresent() && settlement.get() != ErrorCode.OVER_CREDIT) {
            revoked.put(payer, settlement.get());
            return Gate.REVOKE;
        }
        BuyerAccount a = book.account(payer);
        BigInteger projected = a.uncovered().add(Pricing.amountCeil(length, a.currentPrice()));
        long window = Math.min(windowBytes, book.creditWindowBytes(payer));
        if (projected.compareTo(Pricing.amountCeil(window, a.currentPrice())) <= 0) {
            stalledSince.remove(payer);
            return Gate.SERVE;
        }
        long since = stalledSince.computeIfAbsent(payer, p -> now);
        if (now - since > graceMillis) {
            revoked.put(payer, ErrorCode.OVER_CREDIT);
            return Gate.REVOKE;
        }
        return Gate.DEFER;
    }

    /** The reason {@code payer} lost its paid slot, if it did ({@code over_credit} or {@code settlement_due}). */
    synchronized Optional<ErrorCode> revocation(Address payer) {
        ErrorCode r = revoked.get(payer);
        return Optional.ofNullable(r == ErrorCode.BAD_AMOUNT ? ErrorCode.OVER_CREDIT : r);
    }

    /** Takes the paid slot away; {@code bad_amount} (an underpaid cheque) for good, others until paid up. */
    synchronized void revoke(Address payer, ErrorCode reason) {
        if (reason == ErrorCode.BAD_AMOUNT) {
            revoked.put(payer, reason);
        } else {
            revoked.putIfAbsent(payer, reason);
        }
    }

    private BigInteger credit(Address payer, BuyerAccount a) {
        return Pricing.amountCeil(book.creditWindowBytes(payer), a.currentPrice());
    }

    /** The credit window of {@code payer} in bytes under the terms in force (for offers). */
    synchronized long creditWindowBytes(Address payer) {
        return book.creditWindowBytes(payer);
    }

    /** New seller terms ({@code BttPlugin.updateBidding}); accounts and standing are kept. */
    synchronized void reconfigure(SellerConfig next) {
        book.reconfigure(next);
    }

    synchronized void sent(Address payer, int piece, int length) {
        book.paidBytesSent(payer, piece, length);
    }

    synchronized void verifiedByBuyer(Address payer, int piece) {
        book.pieceVerifiedByBuyer(payer, piece);
    }

    /**
     * What we hold from {@code payer}.
     *
     * @param accepted  last accepted cumulative total
     * @param sequence  its sequence
     * @param settled   verified settled total
     * @param sentValue value sent in paid slots this session (rounded down)
     * @param paidBytes bytes sent in paid slots this session
     */
    record Standing(BigInteger accepted, long sequence, BigInteger settled, BigInteger sentValue, long paidBytes) {
        static final Standing NONE = new Standing(BigInteger.ZERO, 0, BigInteger.ZERO, BigInteger.ZERO, 0);
    }

    synchronized Standing standing(Address payer) {
        return book.find(payer)
                .map(a -> new Standing(a.acceptedCumulative(), a.lastSequence(), a.settled(), a.owedForSent(),
                        a.paidBytesSent()))
                .orElse(Standing.NONE);
    }

    synchronized ChequeVerdict evaluate(Cheque cheque, Digest32 digest) {
        return book.evaluateCheque(cheque, digest);
    }

    synchronized void apply(Cheque cheque, long now) {
        book.applyCheque(cheque, now);
    }

    /** @return true if the payer is now blocklisted */
    synchronized boolean settlementFinal(Address payer, BigInteger amount, boolean solid, long now) {
        return book.settlementFinal(payer, amount, solid, now);
    }

    /** @return payers newly blocklisted (to persist) */
    synchronized Set<Address> tick(long now) {
        return new HashSet<>(book.tick(now));
    }

    synchronized boolean isBlocklisted(Address payer) {
        return book.isBlocklisted(payer);
    }
}
