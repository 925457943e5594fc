/**
 * Talking to a TRON node: {@link org.swarmbid.wallet.chain.ChainClient} (balances of TRX, TRC-10 and TRC-20, TRC-10
 * precision, fee estimates, broadcast, transaction status) and its implementation over gRPC with Trident's
 * {@code ApiWrapper}, {@link org.swarmbid.wallet.chain.TridentChainClient}; the {@link org.swarmbid.wallet.chain.Network}
 * endpoints (mainnet, Nile, Shasta, a local devnet); and the pure fee arithmetic
 * {@link org.swarmbid.wallet.chain.FeeSchedule} that both the estimate and the devnet use.
 *
 * <p>Status life cycle of one of our transactions ({@link org.swarmbid.wallet.chain.TxState}):
 * <pre>
 *   SIGNED ──broadcast──► BROADCAST ──packed──► IN_BLOCK ──head-19 passes it──► SOLID
 *      │                      │                    │
 *      └──────────────────────┴─ expiration passes ─► EXPIRED        contract reverted / out of energy ─► FAILED
 * </pre>
 *
 * <p>Threading: {@code TridentChainClient} is thread-safe (gRPC stubs are) and blocking: every call does network I/O
 * bounded by the configured per-call timeout, so never call it from an event loop. Value types are immutable.
 * Secrets: the API key is sent as the {@code TRON-PRO-API-KEY} header and never appears in toString, logs or
 * exception messages.
 */
package org.swarmbid.wallet.chain;
