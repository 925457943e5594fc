package org.swarmbid.app.btt;

/** A bidding option value that makes no sense; the message is one line naming the option. Exit code 2. */
public final class BiddingOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BiddingOptionException(String message) {
        super(message);
    }
}
