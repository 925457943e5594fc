package org.swarmbid.bidding.port;

import java.util.Arrays;
import java.util.HexFormat;

/** An opaque 32-byte typed-data digest (computed by protocol-ext). Defensive copies in and out. */
public final class Digest32 {
    private final byte[] bytes;

    private Digest32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException unless exactly 32 bytes */
    public static Digest32 of(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        return new Digest32(bytes.clone());
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest32 d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
