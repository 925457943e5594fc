package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The EIP-712 encoding primitives (https://eips.ethereum.org/EIPS/eip-712; TRON's TIP-712 is the same with
 * addresses taken as their 20 bytes after 0x41). Every encoded member is one 32-byte word:
 *
 * <pre>
 *   address   12 zero bytes || 20 address bytes
 *   uintN     32-byte big-endian
 *   bytesN    N bytes || (32-N) zero bytes        (N &lt; 32)
 *   string    keccak256(UTF-8 bytes)
 *   struct    hashStruct(value)
 *
 *   hashStruct(s)  = keccak256(typeHash || enc(member1) || ... || enc(memberN))
 *   typeHash       = keccak256(encodeType)
 *   digest         = keccak256(0x19 0x01 || domainSeparator || hashStruct(message))
 * </pre>
 *
 * Keccak-256 is the original Keccak (padding 0x01), as Ethereum and TRON use, not NIST SHA3-256.
 */
public final class Eip712 {
    private Eip712() {
    }

    /** Keccak-256 over the concatenation of the parts. */
    public static byte[] keccak256(byte[]... parts) {
        KeccakDigest d = new KeccakDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** keccak256 of an ASCII type string such as {@code Cheque(address payer,...)}. */
    public static byte[] typeHash(String encodeType) {
        return keccak256(encodeType.getBytes(StandardCharsets.US_ASCII));
    }

    /** keccak256(typeHash || words...). Each word must be 32 bytes. */
    public static byte[] hashStruct(byte[] typeHash, byte[]... words) {
        byte[][] parts = new byte[words.length + 1][];
        parts[0] = typeHash;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length != 32) {
                throw new IllegalArgumentException("encoded member " + i + " is not 32 bytes");
            }
            parts[i + 1] = words[i];
        }
        return keccak256(parts);
    }

    /** {@code address}: 20 bytes left-padded to 32. */
    public static byte[] address(byte[] twenty) {
        if (twenty.length != 20) {
            throw new IllegalArgumentException("address must be 20 bytes");
        }
        byte[] w = new byte[32];
        System.arraycopy(twenty, 0, w, 12, 20);
        return w;
    }

    /** {@code uint256} (or any narrower uintN, which encodes the same). */
    public static byte[] uint(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("uint256 out of range");
        }
        byte[] raw = value.toByteArray();
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        byte[] w = new byte[32];
        System.arraycopy(raw, skip, w, 32 - (raw.length - skip), raw.length - skip);
        return w;
    }

    /** {@code uint64}: an unsigned 64-bit value held in a long ({@code -1} is 2^64-1). */
    public static byte[] uint64(long value) {
        return uint(new BigInteger(Long.toUnsignedString(value)));
    }

    /** {@code string}: keccak256 of its UTF-8 bytes. */
    public static byte[] string(String value) {
        return keccak256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code bytesN} for N &lt; 32: right-padded with zeros. */
    public static byte[] bytesN(byte[] value) {
        if (value.length == 0 || value.length > 32) {
            throw new IllegalArgumentException("bytesN needs 1..32 bytes");
        }
        byte[] w = new byte[32];
        System.arraycopy(value, 0, w, 0, value.length);
        return w;
    }

    /** The final digest: keccak256(0x19 0x01 || domainSeparator || structHash). */
    public static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        return keccak256(new byte[] {0x19, 0x01}, domainSeparator, structHash);
    }
}
