package org.swarmbid.bidding.ledger;

/** The result of an idempotent insert. */
public enum Recorded {
    /** A new row was committed. */
    INSERTED,
    /** The identical row was already there; nothing changed and nothing must be counted again. */
    DUPLICATE
}
