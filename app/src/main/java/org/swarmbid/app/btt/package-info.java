/**
 * The app's side of the bid extension (docs/btt-extension.md): the adapters that implement the protocol's and the
 * bidding engine's ports with the wallet, and the command-line pieces around them.
 *
 * <ul>
 *   <li>{@link org.swarmbid.app.btt.WalletChequeSigner} / {@link org.swarmbid.app.btt.WalletSignatureVerifier}:
 *       TIP-712 cheque and bid signatures (§6) with the unlocked wallet's key, and signer recovery.</li>
 *   <li>{@link org.swarmbid.app.btt.WalletSettlement}: the {@code SettlementPort} — plain transfers (§8.1), idempotent
 *       per settlement id through the {@link org.swarmbid.app.btt.SettlementJournal}, and the on-chain check of a
 *       payer's claim ({@link org.swarmbid.app.btt.TransferCheck} over {@link org.swarmbid.app.btt.TronNodeReader}).</li>
 *   <li>{@link org.swarmbid.app.btt.BiddingOptions} (picocli mixin for download/seed) and
 *       {@link org.swarmbid.app.btt.BiddingSetup}, which opens the ledger, unlocks the wallet and wires the ports into
 *       {@link org.swarmbid.app.btt.BiddingServices}.</li>
 *   <li>{@link org.swarmbid.app.btt.LedgerCommand} ({@code swarmbid ledger}, read-only) and
 *       {@link org.swarmbid.app.btt.EarningsSummary} ("earned …, spent …, settled …").</li>
 * </ul>
 *
 * <p>Identifiers handed to the bidding engine: addresses as Base58Check ({@code T...}); assets as the wire id
 * ({@code trx}, {@code trc10:<id>}, {@code trc20:<40 hex>}); the chain as the decimal TIP-712 chain id
 * ({@code "728126428"} on mainnet; a devnet's is read from its genesis block).
 *
 * <p>Threading: the ports are thread-safe; their futures run on the wallet's own worker threads
 * ({@link org.swarmbid.app.btt.BiddingSetup#WORKERS}), never on the caller's. The synchronous
 * {@code ChequeSigner.sign} and {@code SignatureVerifier.recover} are CPU work of about a millisecond; call them off
 * event loops in bursts. {@link org.swarmbid.app.btt.TronNodeReader}, the journal and the ledger block. The wallet key
 * stays inside the wallet's signer; nothing here logs or prints it.
 */
package org.swarmbid.app.btt;
