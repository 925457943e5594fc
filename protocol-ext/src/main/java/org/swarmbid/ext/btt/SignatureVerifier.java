package org.swarmbid.ext.btt;

import java.util.Optional;

/**
 * Port: recovers the signer of a typed-data digest (secp256k1 public-key recovery, SEC 1 4.1.6), then its TRON
 * address {@code 0x41 || keccak256(X || Y)[12..32]}. Implemented by the application with the wallet. Pure CPU
 * work, but not cheap (about a millisecond): keep it off the event loop for bursts.
 */
public interface SignatureVerifier {

    /** The address that produced {@code signature} over {@code digest32}, or empty if none can be recovered. */
    Optional<TronAccount> recover(byte[] digest32, Signature signature);
}
