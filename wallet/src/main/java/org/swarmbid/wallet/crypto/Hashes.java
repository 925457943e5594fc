package org.swarmbid.wallet.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The hash functions TRON uses. Keccak-256 is the original Keccak submission (padding byte 0x01), as in
 * Ethereum and TRON, not NIST SHA3-256 (padding 0x06). Bouncy Castle's lightweight digests are used directly
 * so the answer never depends on JCA provider order.
 */
public final class Hashes {
    private Hashes() {
    }

    /** Keccak-256 over the concatenation of the parts. */
    public static byte[] keccak256(byte[]... parts) {
        return digest(new KeccakDigest(256), parts);
    }

    /** SHA-256 over the concatenation of the parts (TRON txid = SHA-256(raw_data)). */
    public static byte[] sha256(byte[]... parts) {
        return digest(new SHA256Digest(), parts);
    }

    /** SHA-256(SHA-256(data)), the Base58Check checksum hash. */
    public static byte[] doubleSha256(byte[] data) {
        return sha256(sha256(data));
    }

    private static byte[] digest(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
