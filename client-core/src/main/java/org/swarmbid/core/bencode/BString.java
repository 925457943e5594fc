package org.swarmbid.core.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bencoded byte string, {@code <length>:<bytes>}. Holds raw bytes: text is usually, but not always, UTF-8.
 * The array is copied in and out, so a BString is immutable.
 */
public final class BString implements BValue, Comparable<BString> {
    private final byte[] bytes;

    private BString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static BString of(byte[] bytes) {
        return new BString(bytes.clone());
    }

    public static BString of(String utf8) {
        return new BString(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps without copying; only for arrays the caller will never touch again. */
    static BString wrap(byte[] bytes) {
        return new BString(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes as ISO-8859-1 characters: a lossless one-char-per-byte view, used for dictionary keys. */
    String latin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public int compareTo(BString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BString s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) {
                return "0x" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
                        + (bytes.length > 32 ? "..(" + bytes.length + " bytes)" : "");
            }
        }
        String s = utf8();
        return '"' + (s.length() > 64 ? s.substring(0, 64) + "..(" + bytes.length + " bytes)" : s) + '"';
    }
}
