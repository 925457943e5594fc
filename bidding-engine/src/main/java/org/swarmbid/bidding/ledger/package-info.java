/**
 * The payment ledger in SQLite: every bid, cheque sent and received, receipt, settlement (with its chain
 * status) and blocklisting, written before it is acted on. Every public method of
 * {@link org.swarmbid.bidding.ledger.Ledger} returns only after its transaction committed with
 * {@code synchronous=FULL} in WAL mode, so a caller that sends a cheque after {@code recordChequeSent} returned
 * can crash at any point and find the cheque again after restart.
 *
 * <p>Cumulative totals per (payer, payee, asset, chain) are reconstructed from the rows (last cheque by sequence,
 * sum of SOLID settlements); inserts are idempotent (a replayed cheque with the same sequence and content is not
 * counted twice). Amounts are stored as decimal text because uint256 does not fit SQLite's 64-bit integers, and
 * are summed in Java with {@link java.math.BigInteger}.
 *
 * <p>{@link org.swarmbid.bidding.ledger.LedgerView} opens a ledger read-only for tools that look at the file while a
 * client writes it ({@code swarmbid ledger}): it never creates, migrates or writes the file. Both share the table
 * checks ({@code LedgerSchema}) and the row mapping and read queries ({@code LedgerRows}), so a row is parsed by one
 * piece of code.
 *
 * <p>Threading: {@code Ledger} and {@code LedgerView} are thread-safe (one connection each, behind a lock) and
 * <b>blocking</b>: never call them on an event loop; run them on the session's I/O executor and hand the result back.
 */
package org.swarmbid.bidding.ledger;
