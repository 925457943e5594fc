package org.swarmbid.bidding.ledger;

import java.math.BigInteger;

/**
 * Totals of one account in one direction, reconstructed from the ledger.
 *
 * @param lastCumulative cumulative amount of the cheque with the highest sequence (0 if none)
 * @param lastSequence that cheque's sequence (0 if none)
 * @param cheques number of cheques recorded
 * @param settled sum of settlements that are {@code SOLID}
 * @param inFlight sum of settlements not yet final (REQUESTED .. IN_BLOCK)
 * @param lastReceipt the last receipt's cumulative amount (0 if none)
 */
public record Totals(BigInteger lastCumulative, long lastSequence, long cheques, BigInteger settled,
        BigInteger inFlight, BigInteger lastReceipt) {
    /** Cheques not yet settled: {@code max(0, lastCumulative - settled)}. */
    public BigInteger unsettled() {
        return lastCumulative.subtract(settled).max(BigInteger.ZERO);
    }
}
