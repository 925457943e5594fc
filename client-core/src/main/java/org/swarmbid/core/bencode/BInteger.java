package org.swarmbid.core.bencode;

/** A bencoded integer, {@code i<decimal>e}. Values outside the range of {@code long} are rejected when read. */
public record BInteger(long value) implements BValue {

    public static BInteger of(long value) {
        return new BInteger(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
