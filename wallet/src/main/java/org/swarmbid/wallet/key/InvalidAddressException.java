package org.swarmbid.wallet.key;

/** A TRON address failed validation; the message says exactly why (checksum, prefix, length, character). */
public final class InvalidAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line reason. */
    public InvalidAddressException(String message) {
        super(message);
    }
}
