package org.swarmbid.bidding.ledger;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.swarmbid.bidding.api.Account;

/**
 * What a ledger file held at one moment, read in one read transaction by {@link LedgerView#snapshot} (newest rows
 * first, at most the requested number per list; counts and totals always cover every row).
 */
public record LedgerSnapshot(Path file, long bidsSent, long bidsReceived, List<BidRecord> bids,
        List<ChequeRow> chequesSent, List<ChequeRow> chequesReceived, List<ReceiptRow> receipts,
        List<SettlementRecord> settlements, List<AccountTotals> totals, List<BlockedPayer> blocklist) {

    public LedgerSnapshot {
        bids = List.copyOf(bids);
        chequesSent = List.copyOf(chequesSent);
        chequesReceived = List.copyOf(chequesReceived);
        receipts = List.copyOf(receipts);
        settlements = List.copyOf(settlements);
        totals = List.copyOf(totals);
        blocklist = List.copyOf(blocklist);
    }

    /** One cheque row (signature omitted: it is in the file, and nobody needs to read it on a terminal). */
    public record ChequeRow(Account account, long sequence, BigInteger cumulative, BigInteger delta,
            long createdAtMillis) {}

    /** One receipt row: {@link Direction#SENT} = a receipt we got as payer, RECEIVED = one we sent as payee. */
    public record ReceiptRow(Direction direction, Account account, BigInteger cumulative, long createdAtMillis) {}

    /** Totals of one account in one direction ({@link Direction#SENT}: we pay; RECEIVED: we are paid). */
    public record AccountTotals(Direction direction, Account account, Totals totals) {}

    /** A blocklisted payer. */
    public record BlockedPayer(String payer, String reason, long createdAtMillis) {}
}
