package org.swarmbid.bidding.ledger;

/** The ledger could not be opened, read or written; nothing was recorded by the failing call. */
public class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
