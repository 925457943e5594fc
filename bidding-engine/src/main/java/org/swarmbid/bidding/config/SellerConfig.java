package org.swarmbid.bidding.config;

import java.math.BigInteger;
import org.swarmbid.bidding.api.Pricing;

/**
 * How a seller sells upload slots.
 *
 * <p>The optimistic unchoke slot is never sold and is not counted here; {@code regularSlots} more are kept for
 * plain tit-for-tat; {@code paidSlots} are auctioned each choke round (0 disables selling).
 *
 * <p>Risk per buyer (Swarm SWAP and Filecoin retrieval): bytes sent but not yet covered by a cheque may not
 * exceed the credit window, which starts at {@code initialCreditBytes} for an unknown payer and grows by
 * {@code creditIncreaseBytes} for each of its settlements confirmed on chain, up to {@code maxCreditBytes}.
 * Cheques accepted but not settled on chain may not exceed {@code settlementThreshold}; once they reach it a
 * settlement is due within {@code settlementDeadlineMillis}, and a payer that misses {@code maxMissedSettlements}
 * such deadlines (or whose claimed settlement fails on chain) is blocklisted.
 *
 * @param paidSlots upload slots sold per choke round, 0..64
 * @param regularSlots tit-for-tat slots never sold (the optimistic unchoke comes on top), 0..64
 * @param reservePricePerMiB lowest accepted price, base units per MiB, positive
 * @param initialCreditBytes credit window for a payer without settled history; at least one 16 KiB block
 * @param creditIncreaseBytes growth of the credit window per confirmed settlement
 * @param maxCreditBytes cap of the credit window, at least the initial one
 * @param settlementThreshold largest unsettled amount (accepted cheques not yet settled), positive
 * @param settlementDeadlineMillis time allowed for a due settlement to be claimed and confirmed, positive
 * @param maxMissedSettlements missed deadlines or failed settlement claims before the blocklist, at least 1
 * @param chequeLagBytes how many verified bytes a cheque may lag behind (signing is asynchronous, so a HAVE can
 *     overtake the cheque for the previous piece); a cheque below {@code owedVerified - amount(chequeLagBytes)} is
 *     refused as underpaid
 */
public record SellerConfig(
        int paidSlots,
        int regularSlots,
        BigInteger reservePricePerMiB,
        long initialCreditBytes,
        long creditIncreaseBytes,
        long maxCreditBytes,
        BigInteger settlementThreshold,
        long settlementDeadlineMillis,
        int maxMissedSettlements,
        long chequeLagBytes) {

    /** 10^15 base units per MiB: a thousandth of a BTT (18 decimals) per MiB, about 1 BTT per GiB. */
    public static final BigInteger DEFAULT_RESERVE = BigInteger.TEN.pow(15);
    /** 100 BTT (18 decimals). */
    public static final BigInteger DEFAULT_THRESHOLD = BigInteger.TEN.pow(20);

    public SellerConfig {
        requireRange(paidSlots, 0, 64, "paidSlots");
        requireRange(regularSlots, 0, 64, "regularSlots");
        Pricing.requireAmount(reservePricePerMiB, "reservePricePerMiB");
        if (reservePricePerMiB.signum() == 0) {
            throw new IllegalArgumentException("reservePricePerMiB must be positive");
        }
        if (initialCreditBytes < 16 * 1024) {
            throw new IllegalArgumentException("initialCreditBytes must be at least one 16 KiB block, got " + initialCreditBytes);
        }
        if (creditIncreaseBytes < 0) {
            throw new IllegalArgumentException("creditIncreaseBytes must not be negative, got " + creditIncreaseBytes);
        }
        if (maxCreditBytes < initialCreditBytes) {
            throw new IllegalArgumentException("maxCreditBytes " + maxCreditBytes + " is below initialCreditBytes " + initialCreditBytes);
        }
        Pricing.requireAmount(settlementThreshold, "settlementThreshold");
        if (settlementThreshold.signum() == 0) {
            throw new IllegalArgumentException("settlementThreshold must be positive");
        }
        if (settlementDeadlineMillis <= 0) {
            throw new IllegalArgumentException("settlementDeadlineMillis must be positive, got " + settlementDeadlineMillis);
        }
        if (maxMissedSettlements < 1) {
            throw new IllegalArgumentException("maxMissedSettlements must be at least 1, got " + maxMissedSettlements);
        }
        if (chequeLagBytes < 0) {
            throw new IllegalArgumentException("chequeLagBytes must not be negative, got " + chequeLagBytes);
        }
    }

    /** 2 paid + 3 regular slots, reserve 10^15 base units/MiB, credit 4 MiB growing by 4 MiB to 64 MiB, threshold 100 BTT, 10 min deadline, 2 misses, 64 MiB lag. */
    public static SellerConfig defaults() {
        // cheque lag = the largest credit window: the credit window already bounds what a payer may owe, and a
        // tighter lag refused honest cheques at high rates (cheques trail each verified piece by a ledger write,
        // a signature and the 100 ms cadence: about 9 MiB at 90 MB/s; scripts/bench-bidding)
        return new SellerConfig(2, 3, DEFAULT_RESERVE, 4L << 20, 4L << 20, 64L << 20, DEFAULT_THRESHOLD,
                10 * 60_000L, 2, 64L << 20);
    }

    /** A copy with another number of paid slots. */
    public SellerConfig withPaidSlots(int slots) {
        return new SellerConfig(slots, regularSlots, reservePricePerMiB, initialCreditBytes, creditIncreaseBytes,
                maxCreditBytes, settlementThreshold, settlementDeadlineMillis, maxMissedSettlements, chequeLagBytes);
    }

    /** A copy with another reserve price. */
    public SellerConfig withReserve(BigInteger reserve) {
        return new SellerConfig(paidSlots, regularSlots, reserve, initialCreditBytes, creditIncreaseBytes,
                maxCreditBytes, settlementThreshold, settlementDeadlineMillis, maxMissedSettlements, chequeLagBytes);
    }

    /** A copy with another settlement threshold. */
    public SellerConfig withSettlementThreshold(BigInteger threshold) {
        return new SellerConfig(paidSlots, regularSlots, reservePricePerMiB, initialCreditBytes, creditIncreaseBytes,
                maxCreditBytes, threshold, settlementDeadlineMillis, maxMissedSettlements, chequeLagBytes);
    }

    static void requireRange(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + v);
        }
    }
}
