package org.swarmbid.core.wire;

/**
 * The eight reserved handshake bytes (BEP 3), held as one big-endian {@code long}: wire byte 0 is the most
 * significant byte. Each side sets the bits of the extensions it supports; an extension is on for a connection only
 * when both sides set its bit.
 *
 * <pre>
 *  byte:   0    1    2    3    4    5    6    7
 *                                  0x10           BEP 10 extension protocol  (reserved[5] &amp; 0x10)
 *                                            0x04 BEP 6 fast extension       (reserved[7] &amp; 0x04)
 *                                            0x01 BEP 5 DHT                  (reserved[7] &amp; 0x01)
 * </pre>
 *
 * @param bits the eight bytes, big-endian
 */
public record ReservedBits(long bits) {

    /** No extensions. */
    public static final ReservedBits NONE = new ReservedBits(0);

    /** Reads eight bytes in wire order. */
    public static ReservedBits fromBytes(byte[] reserved) {
        if (reserved.length != 8) {
            throw new IllegalArgumentException("reserved field must be 8 bytes, got " + reserved.length);
        }
        long v = 0;
        for (byte b : reserved) {
            v = (v << 8) | (b & 0xff);
        }
        return new ReservedBits(v);
    }

    /** The eight bytes in wire order. */
    public byte[] toBytes() {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (bits >>> (8 * (7 - i)));
        }
        return out;
    }

    /** True if {@code reserved[byteIndex] & mask} is non-zero. */
    public boolean isSet(int byteIndex, int mask) {
        return (bits & mask(byteIndex, mask)) != 0;
    }

    /** A copy with {@code reserved[byteIndex] |= mask}. */
    public ReservedBits with(int byteIndex, int mask) {
        return new ReservedBits(bits | mask(byteIndex, mask));
    }

    /** BEP 10: {@code reserved[5] & 0x10}. */
    public boolean extensionProtocol() {
        return isSet(5, 0x10);
    }

    /** BEP 6: {@code reserved[7] & 0x04}. */
    public boolean fastExtension() {
        return isSet(7, 0x04);
    }

    /** BEP 5: {@code reserved[7] & 0x01}. */
    public boolean dht() {
        return isSet(7, 0x01);
    }

    public ReservedBits withExtensionProtocol() {
        return with(5, 0x10);
    }

    public ReservedBits withFastExtension() {
        return with(7, 0x04);
    }

    public ReservedBits withDht() {
        return with(7, 0x01);
    }

    private static long mask(int byteIndex, int mask) {
        if (byteIndex < 0 || byteIndex > 7 || mask < 0 || mask > 0xff) {
            throw new IllegalArgumentException("reserved byte " + byteIndex + " mask " + mask);
        }
        return ((long) mask) << (8 * (7 - byteIndex));
    }

    @Override
    public String toString() {
        return "ReservedBits[" + String.format("%016x", bits) + (extensionProtocol() ? " ext" : "")
                + (fastExtension() ? " fast" : "") + (dht() ? " dht" : "") + "]";
    }
}
