package org.swarmbid.bidding.ledger;

/**
 * A record contradicts one already in the ledger (same cheque sequence with another amount or signature, a
 * cumulative total that does not increase, the same txid for another settlement). Nothing was written.
 */
public final class LedgerConflictException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public LedgerConflictException(String message) {
        super(message);
    }
}
