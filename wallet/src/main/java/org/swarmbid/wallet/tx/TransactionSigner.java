package org.swarmbid.wallet.tx;

import org.swarmbid.wallet.key.TronAddress;

/**
 * The seam between transaction building and key custody: whoever holds the private key signs a 32-byte txid and
 * says which address it signs for. {@link PrivateKeySigner} implements it over a {@code key.PrivateKey}; the
 * transaction code never sees a key.
 */
public interface TransactionSigner {

    /** The address this signer signs for. */
    TronAddress address();

    /**
     * Signs a transaction id.
     *
     * @param txid the 32-byte SHA-256 of {@code raw_data}
     * @return 65 bytes {@code r || s || v}, with {@code v} the recovery id (0 or 1) and {@code s} in the lower half of
     *     the curve order
     */
    byte[] sign(byte[] txid);
}
