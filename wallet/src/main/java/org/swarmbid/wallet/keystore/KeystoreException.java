package org.swarmbid.wallet.keystore;

/** A keystore could not be opened. Messages never contain secrets. */
public class KeystoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a one-line reason. */
    public KeystoreException(String message) {
        super(message);
    }
}
