/**
 * Ports: what the bidding engine needs from the outside world and does not implement itself. The app module
 * implements them with the wallet (signing with the TRON key, sending and verifying transfers); tests use
 * in-memory fakes. The engine never imports the wallet, a TRON SDK, Netty or JavaFX (an ArchUnit test in app
 * enforces it).
 *
 * <p>Digests are opaque 32-byte values computed by protocol-ext (the TIP-712 typed-data hash of a cheque or
 * bid, whose domain names chain and asset); the engine only passes them through.
 *
 * <p>Threading: implementations must be thread-safe. Methods returning {@link java.util.concurrent.CompletableFuture}
 * must not block the caller (they run on the wallet's own executor); {@link org.swarmbid.bidding.port.ChequeVerifierPort}
 * is synchronous because recovering a secp256k1 key is cheap CPU work, with no I/O.
 */
package org.swarmbid.bidding.port;
