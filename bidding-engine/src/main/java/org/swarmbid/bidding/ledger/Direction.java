package org.swarmbid.bidding.ledger;

/** Whether we are the payer ({@link #SENT}: our bids, cheques, settlements) or the payee ({@link #RECEIVED}). */
public enum Direction {
    SENT,
    RECEIVED
}
