package org.swarmbid.wallet.keystore;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.Secrets;

/**
 * The v3 {@code crypto} section: a secret encrypted with AES-128-CTR under a password-derived key and
 * authenticated by {@code mac = keccak256(dk[16..32] || ciphertext)}.
 *
 * <pre>
 * dk (32) = KDF(password, salt)
 * +----------------+----------------+
 * | dk[0..16]      | dk[16..32]     |
 * | AES-128 key    | MAC key half   |
 * +----------------+----------------+
 * ciphertext = AES-128-CTR(dk[0..16], iv, plaintext)     (same length as plaintext)
 * </pre>
 *
 * Immutable.
 */
public final class CryptoEnvelope {
    /** The only cipher. */
    public static final String CIPHER = "aes-128-ctr";
    /** Upper bound on the ciphertext (a 24-word phrase is at most 24·8 + 23 bytes). */
    public static final int MAX_CIPHERTEXT = 512;

    private final byte[] iv;
    private final byte[] ciphertext;
    private final KdfParams kdf;
    private final byte[] mac;

    private CryptoEnvelope(byte[] iv, byte[] ciphertext, KdfParams kdf, byte[] mac) {
        this.iv = iv;
        this.ciphertext = ciphertext;
        this.kdf = kdf;
        this.mac = mac;
    }

    /** Encrypts a plaintext (1..512 bytes) with a fresh random IV; the caller keeps and wipes its arrays. */
    static CryptoEnvelope seal(byte[] plaintext, char[] password, KdfParams kdf, SecureRandom random) {
        if (plaintext.length == 0 || plaintext.length > MAX_CIPHERTEXT) {
            throw new IllegalArgumentException("plaintext must be 1.." + MAX_CIPHERTEXT + " bytes");
        }
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] passwordBytes = Secrets.utf8(password);
        byte[] dk = null;
        try {
            dk = kdf.deriveKey(passwordBytes);
            byte[] ciphertext = aesCtr(dk, iv, plaintext);
            return new CryptoEnvelope(iv, ciphertext, kdf, mac(dk, ciphertext));
        } finally {
            Secrets.wipe(passwordBytes);
            Secrets.wipe(dk);
        }
    }

    /**
     * Derives the key, checks the MAC in constant time and decrypts. The caller must wipe the result.
     *
     * @throws WrongPasswordException if the MAC does not match
     */
    byte[] open(char[] password) throws WrongPasswordException {
        byte[] passwordBytes = Secrets.utf8(password);
        byte[] dk = null;
        try {
            dk = kdf.deriveKey(passwordBytes);
            if (!MessageDigest.isEqual(mac(dk, ciphertext), mac)) {
                throw new WrongPasswordException();
            }
            return aesCtr(dk, iv, ciphertext);
        } finally {
            Secrets.wipe(passwordBytes);
            Secrets.wipe(dk);
        }
    }

    /** The KDF parameters. */
    public KdfParams kdf() {
        return kdf;
    }

    /** Ciphertext length (= plaintext length). */
    public int ciphertextLength() {
        return ciphertext.length;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cipher", CIPHER);
        m.put("cipherparams", Map.of("iv", Hex.encode(iv)));
        m.put("ciphertext", Hex.encode(ciphertext));
        m.put("kdf", kdf.name());
        m.put("kdfparams", kdf.toJson());
        m.put("mac", Hex.encode(mac));
        return m;
    }

    static CryptoEnvelope fromJson(Fields crypto) throws InvalidKeystoreException {
        String cipher = crypto.string("cipher", 32);
        if (!cipher.equals(CIPHER)) {
            throw new InvalidKeystoreException(crypto.name("cipher"), "must be \"" + CIPHER + "\"");
        }
        byte[] iv = crypto.object("cipherparams").hex("iv", 16, 16);
        byte[] ciphertext = crypto.hex("ciphertext", 1, MAX_CIPHERTEXT);
        byte[] mac = crypto.hex("mac", 32, 32);
        KdfParams kdf = KdfParams.fromJson(crypto);
        return new CryptoEnvelope(iv, ciphertext, kdf, mac);
    }

    private static byte[] aesCtr(byte[] dk, byte[] iv, byte[] input) {
        StreamCipher cipher = SICBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(true, new ParametersWithIV(new KeyParameter(dk, 0, 16), iv));
        byte[] out = new byte[input.length];
        cipher.processBytes(input, 0, input.length, out, 0);
        return out;
    }

    private static byte[] mac(byte[] dk, byte[] ciphertext) {
        return Hashes.keccak256(Arrays.copyOfRange(dk, 16, 32), ciphertext);
    }

    @Override
    public String toString() {
        return "CryptoEnvelope[" + kdf + ", " + ciphertext.length + " bytes]";
    }
}
