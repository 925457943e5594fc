package org.swarmbid.wallet.service;

/**
 * Why a wallet operation failed, as a {@link Reason} a caller can act on (a UI picks a dialog, the command line an exit
 * code) and a one-line message that never contains a secret (no key, mnemonic word, password or API key).
 */
public final class WalletException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Reason {
        /** The wallet folder holds no keystore yet. */
        NO_WALLET,
        /** A keystore already exists where a new one was to be written. */
        WALLET_EXISTS,
        /** The password does not open the keystore. */
        WRONG_PASSWORD,
        /** The keystore file is unreadable, malformed or fails a safety cap. */
        CORRUPT_KEYSTORE,
        /** Bad user input: an address, amount, asset name, mnemonic or private key. */
        INVALID_INPUT,
        /** Not enough of the asset, or not enough TRX for the fee. */
        INSUFFICIENT_FUNDS,
        /** The node refused the transaction (bad signature, expired, duplicate, contract validation, ...). */
        REJECTED,
        /** The node could not be reached or answered nonsense; the call timed out. */
        NETWORK,
        /** A file could not be read or written. */
        IO
    }

    private final Reason reason;

    /** With a one-line message. */
    public WalletException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** With a one-line message and the cause (whose message must be secret-free too). */
    public WalletException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }
}
