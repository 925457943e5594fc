package org.swarmbid.ext.btt;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string of a length fixed by its field: a 20-byte BitTorrent info-hash or a 32-byte TRON
 * transaction id. Compared by content.
 */
public final class FixedBytes {
    private final byte[] bytes;

    private FixedBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalArgumentException if {@code raw} is not {@code length} bytes long
     */
    public static FixedBytes of(byte[] raw, int length) {
        if (raw.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + raw.length);
        }
        return new FixedBytes(raw.clone());
    }

    public static FixedBytes fromHex(String hex, int length) {
        return of(HexFormat.of().parseHex(hex), length);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedBytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
