/**
 * The wire format and signing scheme of the {@code swarmbid_btt} BEP 10 extension (bandwidth bids paid in BTT),
 * as specified in {@code docs/btt-extension.md}: message records ({@link org.swarmbid.ext.btt.BttMessage}), the
 * extended-handshake entry ({@link org.swarmbid.ext.btt.BttHandshake}), their bounded bencode codec
 * ({@link org.swarmbid.ext.btt.BttCodec}), the EIP-712/TIP-712 typed-data digests that cheques and bids are signed
 * over ({@link org.swarmbid.ext.btt.ChequeDigest}, {@link org.swarmbid.ext.btt.BidDigest}) and the stateless
 * checks a payee runs on a cheque ({@link org.swarmbid.ext.btt.ChequeValidator}).
 *
 * <p>Signing and public-key recovery are behind two ports, {@link org.swarmbid.ext.btt.ChequeSigner} and
 * {@link org.swarmbid.ext.btt.SignatureVerifier}, which the application implements with the wallet; this package
 * needs only Bouncy Castle's Keccak-256.
 *
 * <p><b>Threading.</b> Everything here is immutable values and pure functions: safe from any thread, no I/O, no
 * locks. Signing through a {@code ChequeSigner} may be slow (a wallet); callers keep it off the event loop.
 */
package org.swarmbid.ext.btt;
