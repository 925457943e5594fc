package org.swarmbid.wallet.history;

/** The history database failed. */
public final class HistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
