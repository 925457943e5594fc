package org.swarmbid.wallet.service;

import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.TransactionSigner;

/**
 * An unlocked wallet: the handle that signs. It holds the decrypted private key until {@link #lock()} (or
 * {@link #close()}) wipes it; afterwards signing throws {@link IllegalStateException}. Keep it for as short a time as
 * the use allows (one send on the command line; a session the user unlocked in the UI).
 *
 * <p>Threading: safe to use from several threads; do not lock it while another thread is signing.
 */
public final class UnlockedWallet implements AutoCloseable {

    private final PrivateKey key;
    private final PrivateKeySigner signer;

    UnlockedWallet(PrivateKey key) {
        this.key = key;
        this.signer = new PrivateKeySigner(key);
    }

    /** The wallet's address. */
    public TronAddress address() {
        return key.address();
    }

    /** Signs transaction ids with the wallet's key (fails once locked). */
    public TransactionSigner signer() {
        return signer;
    }

    /** True once the key has been wiped. */
    public boolean isLocked() {
        return key.isDestroyed();
    }

    /** Wipes the key. Idempotent. */
    public void lock() {
        key.destroy();
    }

    /** Same as {@link #lock()}. */
    @Override
    public void close() {
        lock();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "UnlockedWallet[" + key.address() + (isLocked() ? ", locked" : "") + "]";
    }
}
