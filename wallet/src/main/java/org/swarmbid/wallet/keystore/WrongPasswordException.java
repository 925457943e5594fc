package org.swarmbid.wallet.keystore;

/** The MAC did not match: the password is wrong (or the ciphertext was altered). */
public final class WrongPasswordException extends KeystoreException {
    private static final long serialVersionUID = 1L;

    /** Message: {@code "wrong password"}. */
    public WrongPasswordException() {
        super("wrong password");
    }
}
