package org.swarmbid.wallet.tx;

import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;

/**
 * A {@link TransactionSigner} backed by a {@link PrivateKey}: RFC 6979 deterministic ECDSA on secp256k1, low-S,
 * {@code v} = recovery id (0/1), as TRON expects in {@code Transaction.signature}.
 *
 * <p>The signer does not own the key: whoever created the key destroys it, after which {@link #sign} throws
 * {@link IllegalStateException}. Thread-safe as long as the key is not destroyed while signing.
 */
public final class PrivateKeySigner implements TransactionSigner {

    private final PrivateKey key;

    /** Signs with {@code key} (not copied, not owned). */
    public PrivateKeySigner(PrivateKey key) {
        this.key = key;
    }

    @Override
    public TronAddress address() {
        return key.address();
    }

    @Override
    public byte[] sign(byte[] txid) {
        return key.sign(txid).toBytes();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "PrivateKeySigner[" + key.address() + "]";
    }
}
