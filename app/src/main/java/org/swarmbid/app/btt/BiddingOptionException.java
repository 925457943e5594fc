package org.swarmbid.app.btt;

/**
 * A bad option value of the bid extension's options or commands; the message is one line naming the option. The
 * app's {@code Main} prints it and exits with code 2, like every usage error.
 */
public final class BiddingOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BiddingOptionException(String message) {
        super(message);
    }
}
