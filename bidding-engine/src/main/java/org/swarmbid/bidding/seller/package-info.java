/**
 * The seller's side: one {@link org.swarmbid.bidding.seller.BuyerAccount} per payer (bytes sent in paid slots,
 * what is owed for the pieces the buyer verified, cheques accepted, settlements confirmed), the decisions taken
 * from it (keep the paid slot, choke, refuse new bids, accept or refuse a cheque) and the blocklist of payers
 * that never settle ({@link org.swarmbid.bidding.seller.SellerBook}).
 *
 * <p>Risk model: Swarm SWAP's payment threshold plus Filecoin retrieval's growing payment interval. The credit
 * window (in bytes, converted to an amount at the buyer's current price) bounds what has been sent but not
 * covered by a cheque; the settlement threshold bounds cheques accepted but not settled on chain.
 *
 * <p>Decisions are pure with respect to I/O: nothing here writes the ledger or calls the chain. The caller
 * (protocol-ext) evaluates, writes the ledger, then applies ({@code evaluateCheque} then {@code applyCheque}).
 *
 * <p>Threading: not thread-safe. Confined to the session's event loop (the thread that runs the choker and the
 * extension callbacks). The {@link org.swarmbid.bidding.port.ChequeVerifierPort} is called synchronously.
 */
package org.swarmbid.bidding.seller;
