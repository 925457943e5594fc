package org.swarmbid.wallet.chain;

/** A node could not be reached or answered something unusable. The message is one line and holds no secret. */
public class ChainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
