package org.swarmbid.wallet.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 ECDSA signature with its public-key recovery id, in TRON's 65-byte wire form.
 *
 * <pre>
 *  0                 32                64   65
 * +------------------+------------------+----+
 * | r (32, big-end.) | s (32, big-end.) | v  |
 * +------------------+------------------+----+
 * </pre>
 *
 * <p>In a TRON {@code Transaction.signature} entry {@code v} is the bare recovery id (0 or 1): that is what
 * java-tron, Trident and wallet-core emit and what the published transaction vectors contain. Message
 * signatures (TIP-191 {@code signMessageV2}) use Ethereum's {@code v = 27 + recId}; see {@link #toBytesV27()}.
 * {@link #fromBytes(byte[])} accepts either.
 *
 * @param r signature r, 1 &le; r &lt; n
 * @param s signature s, 1 &le; s &lt; n (signatures we produce are always low-S: s &le; n/2)
 * @param recoveryId 0..3 (0 or 1 in practice)
 */
public record RecoverableSignature(BigInteger r, BigInteger s, int recoveryId) {
    /** Length of the wire form. */
    public static final int LENGTH = 65;

    public RecoverableSignature {
        if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("signature r out of range");
        }
        if (s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("signature s out of range");
        }
        if (recoveryId < 0 || recoveryId > 3) {
            throw new IllegalArgumentException("recovery id must be 0..3, got " + recoveryId);
        }
    }

    /** {@code r || s || recId}: the form TRON puts in {@code Transaction.signature}. */
    public byte[] toBytes() {
        return toBytes(recoveryId);
    }

    /** {@code r || s || (27 + recId)}: the Ethereum-style form used for signed messages. */
    public byte[] toBytesV27() {
        return toBytes(27 + recoveryId);
    }

    private byte[] toBytes(int v) {
        byte[] out = new byte[LENGTH];
        copyUnsigned(r, out, 0);
        copyUnsigned(s, out, 32);
        out[64] = (byte) v;
        return out;
    }

    /**
     * Parses the 65-byte form; {@code v} may be 0..3 or 27..30.
     *
     * @throws IllegalArgumentException for a wrong length, an invalid {@code v} or r/s out of range
     */
    public static RecoverableSignature fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("signature must be " + LENGTH + " bytes, got " + bytes.length);
        }
        int v = bytes[64] & 0xff;
        int recId;
        if (v <= 3) {
            recId = v;
        } else if (v >= 27 && v <= 30) {
            recId = v - 27;
        } else {
            throw new IllegalArgumentException("signature v must be 0..3 or 27..30, got " + v);
        }
        return new RecoverableSignature(new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64)), recId);
    }

    /** True if s is in the lower half of the group order (the only form we emit). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        int length = raw.length - skip;
        System.arraycopy(raw, skip, out, offset + 32 - length, length);
    }
}
