package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.util.List;

/**
 * What the bidding screen reads from the payment ledger. {@link SqliteLedgerActivity} implements it over the
 * bidding engine's {@code Ledger}.
 *
 * <p>Threading: called on a background thread; blocking.
 */
public interface LedgerActivity {

    /** The newest {@code limit} bids, cheques and settlements in both directions, newest first. */
    List<LedgerEntry> recent(int limit);

    /** Every cheque (both directions) recorded at or after {@code fromMillis}, oldest first, for the charts. */
    List<LedgerEntry> chequesSince(long fromMillis);

    /** Totals over all accounts in {@code asset} (an asset id as on the wire). */
    Summary summary(String asset);

    /**
     * Totals over all accounts of one asset, in its base units.
     *
     * @param earned       cumulative cheques received
     * @param earnedSettled of which settled on chain (SOLID)
     * @param spent        cumulative cheques sent
     * @param spentSettled of which settled on chain
     * @param blocklisted  payers on the blocklist
     */
    record Summary(BigInteger earned, BigInteger earnedSettled, BigInteger spent, BigInteger spentSettled,
            int blocklisted) {
    }
}
