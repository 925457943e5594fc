package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A secp256k1 signature over an EIP-712 digest in the 65-byte form of {@code eth_signTypedData} and TronWeb's
 * {@code _signTypedData}:
 *
 * <pre>
 *  0                 32                64   65
 * +------------------+------------------+----+
 * | r (32, big-end.) | s (32, big-end.) | v  |   v = 27 + recovery id (27 or 28)
 * +------------------+------------------+----+
 * </pre>
 *
 * <p>Only canonical signatures are accepted: 1 &le; r &lt; n, 1 &le; s &le; n/2 (low-S, so a signature cannot be
 * re-shaped into a second valid one) and v in {27, 28}.
 */
public final class Signature {
    /** Length on the wire. */
    public static final int LENGTH = 65;
    /** secp256k1 group order n (SEC 2, 2.4.1). */
    static final BigInteger N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final BigInteger HALF_N = N.shiftRight(1);
    private final byte[] bytes;

    private Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalArgumentException for a wrong length, v outside {27, 28}, r or s out of range, or a high S
     */
    public static Signature of(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("signature must be 65 bytes, got " + raw.length);
        }
        int v = raw[64] & 0xff;
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("signature v must be 27 or 28, got " + v);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
        if (r.signum() == 0 || r.compareTo(N) >= 0) {
            throw new IllegalArgumentException("signature r out of range");
        }
        if (s.signum() == 0 || s.compareTo(HALF_N) > 0) {
            throw new IllegalArgumentException("signature s out of range or not low-S");
        }
        return new Signature(raw.clone());
    }

    public static Signature fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The recovery id, {@code v - 27}. */
    public int recoveryId() {
        return (bytes[64] & 0xff) - 27;
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(bytes, s.bytes);
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
