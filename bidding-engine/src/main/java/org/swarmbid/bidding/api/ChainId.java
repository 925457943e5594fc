package org.swarmbid.bidding.api;

/**
 * Identifies the chain a cheque is valid on (the TIP-712 domain's chain), e.g. {@code "tron-mainnet"},
 * {@code "tron-nile"} or {@code "swarmbid-devnet"}; spelling fixed by the wire spec. Compared for equality only.
 * Bounded to 1..64 printable ASCII.
 */
public record ChainId(String value) {
    /** Longest accepted identifier. */
    public static final int MAX_LENGTH = 64;

    public ChainId {
        Identifiers.requireToken(value, MAX_LENGTH, "chain");
    }

    /** Shorthand for {@code new ChainId(value)}. */
    public static ChainId of(String value) {
        return new ChainId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
