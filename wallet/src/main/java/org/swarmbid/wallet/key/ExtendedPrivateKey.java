package org.swarmbid.wallet.key;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.crypto.Secrets;

/**
 * A BIP-32 extended private key (private scalar + chain code) and private-parent-to-private-child derivation.
 *
 * <pre>
 * master:  I = HMAC-SHA512(key = "Bitcoin seed", seed);   k = I[0..32], c = I[32..64]
 * child i: hardened (i &ge; 2^31): I = HMAC-SHA512(c, 0x00 || ser256(k) || ser32(i))
 *          normal:               I = HMAC-SHA512(c, serP(k·G) || ser32(i))   (33-byte compressed point)
 *          k_i = (I[0..32] + k) mod n,  c_i = I[32..64]
 * </pre>
 *
 * If {@code I[0..32] >= n} or {@code k_i == 0} (probability below 2^-127) the index is invalid; BIP-32 says to
 * use the next index, so this class throws and the caller picks another index.
 */
public final class ExtendedPrivateKey implements AutoCloseable, Destroyable {
    private static final byte[] MASTER_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;
    private final byte[] chainCode;
    private final int depth;
    private final int childNumber;
    private volatile boolean destroyed;

    private ExtendedPrivateKey(byte[] key, byte[] chainCode, int depth, int childNumber) {
        this.key = key;
        this.chainCode = chainCode;
        this.depth = depth;
        this.childNumber = childNumber;
    }

    /**
     * The master key of a BIP-32 seed (16..64 bytes; BIP-39 seeds are 64).
     *
     * @throws IllegalArgumentException on a bad seed length or an invalid master key
     */
    public static ExtendedPrivateKey fromSeed(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("BIP-32 seed must be 16..64 bytes, got " + seed.length);
        }
        byte[] i = hmacSha512(MASTER_KEY, seed);
        try {
            byte[] k = Arrays.copyOfRange(i, 0, 32);
            if (!Secp256k1.isValidPrivateKey(k)) {
                Secrets.wipe(k);
                throw new IllegalArgumentException("seed yields an invalid BIP-32 master key");
            }
            return new ExtendedPrivateKey(k, Arrays.copyOfRange(i, 32, 64), 0, 0);
        } finally {
            Secrets.wipe(i);
        }
    }

    /** Derives one child; {@code index} with bit 31 set ({@link DerivationPath#HARDENED}) is hardened. */
    public ExtendedPrivateKey deriveChild(int index) {
        checkAlive();
        if (depth >= 255) {
            throw new IllegalStateException("BIP-32 depth limit reached");
        }
        byte[] data;
        if ((index & DerivationPath.HARDENED) != 0) {
            data = new byte[37];
            System.arraycopy(key, 0, data, 1, 32);
        } else {
            data = Arrays.copyOf(Secp256k1.compressedPublicKey(key), 37);
        }
        data[33] = (byte) (index >>> 24);
        data[34] = (byte) (index >>> 16);
        data[35] = (byte) (index >>> 8);
        data[36] = (byte) index;
        byte[] i = hmacSha512(chainCode, data);
        byte[] il = Arrays.copyOfRange(i, 0, 32);
        try {
            BigInteger left = new BigInteger(1, il);
            BigInteger child = left.add(new BigInteger(1, key)).mod(Secp256k1.N);
            if (left.compareTo(Secp256k1.N) >= 0 || child.signum() == 0) {
                throw new IllegalStateException("BIP-32 child index is invalid for this key; use the next index");
            }
            return new ExtendedPrivateKey(toScalar(child), Arrays.copyOfRange(i, 32, 64), depth + 1, index);
        } finally {
            Secrets.wipe(data);
            Secrets.wipe(i);
            Secrets.wipe(il);
        }
    }

    /** Derives along a path from this key; intermediate keys are destroyed. */
    public ExtendedPrivateKey derive(DerivationPath path) {
        checkAlive();
        ExtendedPrivateKey current = this;
        for (int index : path.indices()) {
            ExtendedPrivateKey next = current.deriveChild(index);
            if (current != this) {
                current.destroy();
            }
            current = next;
        }
        return current == this ? copy() : current;
    }

    /** The secp256k1 key at this node (an independent object; destroying one does not affect the other). */
    public PrivateKey toPrivateKey() {
        checkAlive();
        return PrivateKey.fromBytes(key);
    }

    /** A copy of the chain code (secret: together with the public key it derives all non-hardened children). */
    public byte[] chainCode() {
        checkAlive();
        return chainCode.clone();
    }

    /** A copy of the 32-byte private scalar; the caller must wipe it. */
    public byte[] privateKeyBytes() {
        checkAlive();
        return key.clone();
    }

    /** Depth below the master (master = 0). */
    public int depth() {
        return depth;
    }

    /** The index this key was derived with (bit 31 = hardened); 0 for the master. */
    public int childNumber() {
        return childNumber;
    }

    @Override
    public void destroy() {
        Secrets.wipe(key);
        Secrets.wipe(chainCode);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "ExtendedPrivateKey[depth=" + depth + ", destroyed=" + destroyed + "]";
    }

    private ExtendedPrivateKey copy() {
        return new ExtendedPrivateKey(key.clone(), chainCode.clone(), depth, childNumber);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("extended key has been destroyed");
        }
    }

    private static byte[] toScalar(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        System.arraycopy(raw, skip, out, 32 - (raw.length - skip), raw.length - skip);
        Secrets.wipe(raw);
        return out;
    }

    private static byte[] hmacSha512(byte[] hmacKey, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(hmacKey));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        mac.reset();
        return out;
    }
}
