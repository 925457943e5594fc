package org.swarmbid.bidding.api;

/**
 * Identifies the asset a price, cheque or settlement is denominated in, e.g. {@code "trc20:TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4"}
 * (BTT), {@code "trc10:1002000"} (legacy BTT) or {@code "trx"}. The exact spelling is fixed by the wire spec
 * (docs/btt-extension.md); the engine only compares identifiers for equality. Bounded to 1..96 printable ASCII.
 */
public record AssetId(String value) {
    /** Longest accepted identifier. */
    public static final int MAX_LENGTH = 96;

    public AssetId {
        Identifiers.requireToken(value, MAX_LENGTH, "asset");
    }

    /** Shorthand for {@code new AssetId(value)}. */
    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
