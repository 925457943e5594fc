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
 * <p>Threading: {@code Ledger} is thread-safe (one connection behind a lock) and <b>blocking</b>: never call it on
 * an event loop; run it on the session's I/O executor and hand the result back.
 */
package org.swarmbid.bidding.ledger;
