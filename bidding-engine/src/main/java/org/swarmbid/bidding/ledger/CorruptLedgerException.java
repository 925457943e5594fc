package org.swarmbid.bidding.ledger;

/** The file is not a readable Swarmbid ledger (not SQLite, damaged, foreign schema, newer version). It was not modified. */
public final class CorruptLedgerException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public CorruptLedgerException(String message) {
        super(message);
    }

    public CorruptLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
