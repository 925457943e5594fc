/**
 * Cryptographic primitives for the TRON wallet, built directly on Bouncy Castle's lightweight API
 * (no JCA provider is registered): Keccak-256 and SHA-256 ({@link org.swarmbid.wallet.crypto.Hashes}),
 * secp256k1 signing with RFC 6979 deterministic nonces, low-S normalisation and public-key recovery
 * ({@link org.swarmbid.wallet.crypto.Secp256k1}, {@link org.swarmbid.wallet.crypto.RecoverableSignature}),
 * Base58 / Base58Check and strict hex.
 *
 * <p>Threading: every class here is stateless or immutable and safe to use from any thread. Methods that take
 * secret byte arrays never keep a reference to them; wiping the caller's copy is the caller's job
 * ({@link org.swarmbid.wallet.crypto.Secrets} helps).
 */
package org.swarmbid.wallet.crypto;
