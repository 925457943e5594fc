package org.swarmbid.bidding.port;

/**
 * Where a settlement transfer stands, mirroring the wallet's transaction states, plus {@link #REQUESTED} for a
 * settlement the ledger recorded before the wallet was asked to sign it (write before act).
 */
public enum ChainStatus {
    /** Recorded by the ledger; the wallet has not yet returned a transaction id. */
    REQUESTED,
    /** Signed and recorded by the wallet, not yet accepted by a node. */
    SIGNED,
    /** Accepted by a node, not yet in a block. */
    BROADCAST,
    /** In a block that is not yet solidified. */
    IN_BLOCK,
    /** In a solidified (irreversible) block. Final; the only status that counts as settled. */
    SOLID,
    /** Never made it into a block before it expired. Final. */
    EXPIRED,
    /** Rejected, reverted, or (for an incoming claim) not the promised transfer. Final. */
    FAILED;

    /** True for statuses that never change again. */
    public boolean isFinal() {
        return this == SOLID || this == EXPIRED || this == FAILED;
    }
}
