package org.swarmbid.wallet.key;

import java.security.SecureRandom;
import javax.security.auth.Destroyable;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.crypto.Secrets;

/**
 * A secp256k1 private key that wipes itself. {@link #toString()} shows only the address; exception messages
 * never contain the key. Use with try-with-resources; after {@link #destroy()} every secret-using method
 * throws {@link IllegalStateException}.
 */
public final class PrivateKey implements AutoCloseable, Destroyable {
    private final byte[] key;
    private final TronAddress address;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    private PrivateKey(byte[] ownedKey) {
        this.key = ownedKey;
        this.publicKey = Secp256k1.publicKey(ownedKey);
        this.address = TronAddress.fromPublicKey(publicKey);
    }

    /**
     * Copies 32 key bytes (the caller still owns and should wipe its array).
     *
     * @throws IllegalArgumentException if not 32 bytes or not in [1, n-1]
     */
    public static PrivateKey fromBytes(byte[] bytes) {
        if (!Secp256k1.isValidPrivateKey(bytes)) {
            throw new IllegalArgumentException("private key must be 32 bytes in [1, n-1] (got "
                    + bytes.length + " bytes" + (bytes.length == 32 ? ", out of range" : "") + ")");
        }
        return new PrivateKey(bytes.clone());
    }

    /**
     * Imports a raw private key in hex: 64 hex digits, optional {@code 0x}, surrounding whitespace ignored.
     *
     * @throws IllegalArgumentException naming the length or bad-character position, never echoing the input
     */
    public static PrivateKey fromHex(CharSequence hex) {
        CharSequence body = trim(hex);
        if (body.length() >= 2 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
            body = body.subSequence(2, body.length());
        }
        if (body.length() != 64) {
            throw new IllegalArgumentException("private key must be 64 hex digits, got " + body.length());
        }
        byte[] raw = Hex.decode(body);
        try {
            return fromBytes(raw);
        } finally {
            Secrets.wipe(raw);
        }
    }

    /** A fresh random key from the given source (use a {@link SecureRandom}). */
    public static PrivateKey generate(SecureRandom random) {
        byte[] candidate = new byte[32];
        try {
            do {
                random.nextBytes(candidate);
            } while (!Secp256k1.isValidPrivateKey(candidate));
            return new PrivateKey(candidate.clone());
        } finally {
            Secrets.wipe(candidate);
        }
    }

    /** The account address of this key (public; stays available after destroy). */
    public TronAddress address() {
        return address;
    }

    /** The uncompressed public key {@code 04 || X || Y} (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Signs a 32-byte digest (e.g. a TRON txid) with RFC 6979 nonces, low-S. */
    public RecoverableSignature sign(byte[] digest32) {
        checkAlive();
        return Secp256k1.sign(digest32, key);
    }

    /** A copy of the 32 key bytes; the caller must wipe it ({@link Secrets#wipe(byte[])}). */
    public byte[] toBytes() {
        checkAlive();
        return key.clone();
    }

    /** Zeroes the key bytes. Idempotent. */
    @Override
    public void destroy() {
        Secrets.wipe(key);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }

    /** Never the key: {@code PrivateKey[address=T..., destroyed=false]}. */
    @Override
    public String toString() {
        return "PrivateKey[address=" + address + ", destroyed=" + destroyed + "]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("private key has been destroyed");
        }
    }

    private static CharSequence trim(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(start, end);
    }
}
