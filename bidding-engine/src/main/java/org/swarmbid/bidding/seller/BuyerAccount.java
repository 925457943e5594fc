package org.swarmbid.bidding.seller;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.api.Pricing;

/**
 * What one payer owes this seller and how far it is trusted. Mutable; confined to the session event loop.
 *
 * <p>Bytes sent in a paid slot are priced at the clearing price of the round they were sent in and held per
 * piece as an exact numerator (bytes x price). When the buyer announces the piece (BEP 3 {@code have}, sent only
 * after its hash check passed) the piece's numerator moves to "verified"; what the buyer owes is
 * {@code floor(verifiedNumerator / 2^20)}, computed once on the total, exactly as the buyer computes it.
 */
public final class BuyerAccount {
    private final Address payer;
    private final Map<Integer, BigInteger> unverifiedByPiece = new HashMap<>();
    private BigInteger sentNumerator = BigInteger.ZERO;
    private BigInteger verifiedNumerator = BigInteger.ZERO;
    private long paidBytesSent;
    private BigInteger currentPrice = BigInteger.ZERO;
    private BigInteger acceptedCumulative = BigInteger.ZERO;
    private long lastSequence;
    private Cheque lastCheque;
    private BigInteger settled = BigInteger.ZERO;
    private int confirmedSettlements;
    private int missedSettlements;
    private long settlementDueSinceMillis = -1;

    BuyerAccount(Address payer) {
        this.payer = Objects.requireNonNull(payer, "payer");
    }

    /** The payer this account belongs to. */
    public Address payer() {
        return payer;
    }

    void priceChanged(BigInteger pricePerMiB) {
        currentPrice = Pricing.requireAmount(pricePerMiB, "price");
    }

    void sent(int piece, long bytes, BigInteger pricePerMiB) {
        if (piece < 0) {
            throw new IllegalArgumentException("piece index must not be negative, got " + piece);
        }
        BigInteger n = Pricing.numerator(bytes, pricePerMiB);
        unverifiedByPiece.merge(piece, n, BigInteger::add);
        sentNumerator = sentNumerator.add(n);
        paidBytesSent = Math.addExact(paidBytesSent, bytes);
    }

    void verified(int piece) {
        BigInteger n = unverifiedByPiece.remove(piece);
        if (n != null) {
            verifiedNumerator = verifiedNumerator.add(n);
        }
    }

    void accepted(Cheque cheque) {
        acceptedCumulative = cheque.cumulative();
        lastSequence = cheque.sequence();
        lastCheque = cheque;
    }

    void settledOnChain(BigInteger amount) {
        settled = settled.add(amount);
        confirmedSettlements++;
    }

    void missed() {
        missedSettlements++;
    }

    void restore(BigInteger accepted, long sequence, BigInteger settledTotal, int confirmed, int missed) {
        acceptedCumulative = Pricing.requireAmount(accepted, "accepted");
        lastSequence = sequence;
        settled = Pricing.requireAmount(settledTotal, "settled");
        confirmedSettlements = confirmed;
        missedSettlements = missed;
    }

    void dueSince(long millis) {
        settlementDueSinceMillis = millis;
    }

    /** Bytes sent to this payer in paid slots, ever (this session). */
    public long paidBytesSent() {
        return paidBytesSent;
    }

    /** Base units owed for everything sent in paid slots (rounded down). */
    public BigInteger owedForSent() {
        return Pricing.owed(sentNumerator);
    }

    /** Base units owed for the pieces the buyer has verified (rounded down). */
    public BigInteger owedForVerified() {
        return Pricing.owed(verifiedNumerator);
    }

    /** The last accepted cumulative total. */
    public BigInteger acceptedCumulative() {
        return acceptedCumulative;
    }

    /** The sequence number of the last accepted cheque (0 if none). */
    public long lastSequence() {
        return lastSequence;
    }

    /** The last accepted cheque of this session, or null. */
    Cheque lastCheque() {
        return lastCheque;
    }

    /** Base units confirmed on chain (SOLID). */
    public BigInteger settled() {
        return settled;
    }

    /** Accepted cheques not yet settled on chain (never negative: a payer may settle ahead). */
    public BigInteger unsettled() {
        return acceptedCumulative.subtract(settled).max(BigInteger.ZERO);
    }

    /** Sent but not covered by an accepted cheque (never negative). */
    public BigInteger uncovered() {
        return owedForSent().subtract(acceptedCumulative).max(BigInteger.ZERO);
    }

    /** The clearing price of the payer's current (or last) paid slot. */
    public BigInteger currentPrice() {
        return currentPrice;
    }

    /** Settlements of this payer confirmed on chain (drives the credit window). */
    public int confirmedSettlements() {
        return confirmedSettlements;
    }

    /** Settlement deadlines missed and failed settlement claims. */
    public int missedSettlements() {
        return missedSettlements;
    }

    /** When the current settlement fell due, or -1 if none is due. */
    public long settlementDueSinceMillis() {
        return settlementDueSinceMillis;
    }
}
