/**
 * The wallet's own transactions, in SQLite ({@link org.swarmbid.wallet.history.TransactionHistory}): txid, asset,
 * from, to, amount, fee, status, block, timestamps and the signed bytes. A transaction is written, state
 * {@code SIGNED}, <em>before</em> it is broadcast ({@link org.swarmbid.wallet.history.Outbox}), so a crash between
 * signing and broadcasting loses nothing: the outbox can broadcast it again (a node that already has it answers
 * {@code DUP_TRANSACTION_ERROR}, which counts as broadcast).
 *
 * <p>Entries carry {@code asset.Amount}s; a row stores the asset as a code ({@code TRX}, {@code TRC10:<id>},
 * {@code TRC20:<contract hex>}) with its symbol and decimals, and the amount as decimal text of base units (TRC-20
 * amounts exceed 64 bits). States only move forward:
 * a final state (SOLID, EXPIRED, FAILED) is never overwritten.
 *
 * <p>Threading: {@code TransactionHistory} serialises its own access and may be shared; {@code Outbox} does
 * blocking network I/O through its {@code ChainClient} — call it off any event loop.
 */
package org.swarmbid.wallet.history;
