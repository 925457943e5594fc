package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One row of the ledger table.
 *
 * @param timeMillis   when it was recorded
 * @param kind         what it is
 * @param counterparty the other side's address
 * @param torrent      the info-hash for bids, else empty
 * @param asset        the asset id as on the wire ({@code trc20:…}, {@code trc10:1002000}, {@code trx})
 * @param amount       base units: the bid's price per MiB, the cheque's increase, the settlement's amount
 * @param status       the settlement's chain status, the cheque's sequence ({@code #3}), or empty
 */
public record LedgerEntry(long timeMillis, Kind kind, String counterparty, String torrent, String asset,
        BigInteger amount, String status) {

    /** What a row is. */
    public enum Kind {
        BID_SENT,
        BID_RECEIVED,
        CHEQUE_SENT,
        CHEQUE_RECEIVED,
        SETTLEMENT_SENT,
        SETTLEMENT_RECEIVED
    }

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(torrent, "torrent");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }
}
