package org.swarmbid.wallet.asset;

/** A decimal amount string was rejected; the message says exactly why. */
public final class AmountFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With a one-line reason. */
    public AmountFormatException(String message) {
        super(message);
    }
}
