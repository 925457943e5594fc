package org.swarmbid.wallet.chain;

/** Where one of our transactions stands; see the package documentation for the transitions. */
public enum TxState {
    /** Signed and recorded, not yet accepted by a node. */
    SIGNED,
    /** Accepted by a node, not yet in a block. */
    BROADCAST,
    /** In a block that is not yet solidified. */
    IN_BLOCK,
    /** In a solidified (irreversible) block. Final. */
    SOLID,
    /** Never made it into a block before its expiration passed. Final. */
    EXPIRED,
    /** Rejected by the node, or in a block with a failed contract result (revert, out of energy). Final. */
    FAILED;

    /** True for states that never change again. */
    public boolean isFinal() {
        return this == SOLID || this == EXPIRED || this == FAILED;
    }
}
