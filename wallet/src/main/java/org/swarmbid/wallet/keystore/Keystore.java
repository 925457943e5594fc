package org.swarmbid.wallet.keystore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.key.InvalidMnemonicException;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.crypto.Secrets;

/**
 * Encrypts keys (and optionally their mnemonic) into v3 documents and opens them. New documents use scrypt with
 * the cost this instance was built with ({@link #standard()}: n = 2^18, r = 8, p = 1) and fresh random salt and
 * IV. Opening accepts scrypt and pbkdf2 within the caps of {@link KdfParams}. Immutable and thread-safe.
 */
public final class Keystore {
    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);

    private final int scryptN;
    private final int scryptR;
    private final int scryptP;
    private final SecureRandom random;

    private Keystore(int n, int r, int p, SecureRandom random) {
        String problem = KdfParams.Scrypt.check(n, r, p);
        if (problem != null) {
            throw new IllegalArgumentException("scrypt cost rejected: " + problem);
        }
        this.scryptN = n;
        this.scryptR = r;
        this.scryptP = p;
        this.random = random;
    }

    /** go-ethereum's standard cost (about a second and 256 MiB per operation). */
    public static Keystore standard() {
        return new Keystore(KdfParams.Scrypt.STANDARD_N, KdfParams.Scrypt.STANDARD_R, KdfParams.Scrypt.STANDARD_P,
                new SecureRandom());
    }

    /** A custom write cost (tests, or a user choosing a stronger setting within the caps). */
    public static Keystore withScryptCost(int n, int r, int p, SecureRandom random) {
        return new Keystore(n, r, p, random);
    }

    /**
     * Encrypts a key and, if given, its mnemonic under one password (separate salts and IVs).
     *
     * @param mnemonic the phrase to keep, or {@code null} not to store it
     */
    public KeystoreDocument encrypt(PrivateKey key, Mnemonic mnemonic, char[] password) {
        byte[] keyBytes = key.toBytes();
        try {
            CryptoEnvelope crypto = CryptoEnvelope.seal(keyBytes, password, freshScrypt(), random);
            Optional<CryptoEnvelope> sealedMnemonic = Optional.empty();
            if (mnemonic != null) {
                sealedMnemonic = Optional.of(sealMnemonic(mnemonic, password));
            }
            KeystoreDocument doc = new KeystoreDocument(UUID.randomUUID().toString(), Optional.of(key.address()),
                    crypto, sealedMnemonic);
            LOG.debug("encrypted keystore {} for {} ({}, mnemonic kept: {})", doc.id(), key.address(),
                    crypto.kdf(), mnemonic != null);
            return doc;
        } finally {
            Secrets.wipe(keyBytes);
        }
    }

    /**
     * Decrypts the private key. A plaintext shorter than 32 bytes (old go-ethereum files dropped leading zero
     * bytes) is left-padded. If the document records an address, it must match the key.
     *
     * @throws WrongPasswordException on a MAC mismatch
     * @throws InvalidKeystoreException if the plaintext is not a valid key or the address does not match
     */
    public PrivateKey decryptKey(KeystoreDocument doc, char[] password)
            throws WrongPasswordException, InvalidKeystoreException {
        byte[] plain = null;
        byte[] padded = new byte[32];
        try {
            plain = open(doc, doc.crypto(), password);
            System.arraycopy(plain, 0, padded, 32 - plain.length, plain.length);
            PrivateKey key;
            try {
                key = PrivateKey.fromBytes(padded);
            } catch (IllegalArgumentException e) {
                throw new InvalidKeystoreException("crypto.ciphertext", "does not decrypt to a valid secp256k1 key");
            }
            if (doc.address().isPresent() && !doc.address().get().equals(key.address())) {
                key.destroy();
                throw new InvalidKeystoreException("address", "does not match the decrypted key");
            }
            LOG.debug("unlocked keystore {} for {}", doc.id(), key.address());
            return key;
        } finally {
            Secrets.wipe(plain);
            Secrets.wipe(padded);
        }
    }

    /**
     * Decrypts the stored mnemonic, if the document has one.
     *
     * @throws WrongPasswordException on a MAC mismatch
     * @throws InvalidKeystoreException if the plaintext is not a valid BIP-39 phrase
     */
    public Optional<Mnemonic> decryptMnemonic(KeystoreDocument doc, char[] password)
            throws WrongPasswordException, InvalidKeystoreException {
        if (doc.mnemonic().isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = null;
        char[] phrase = null;
        try {
            plain = open(doc, doc.mnemonic().get(), password);
            phrase = decodeUtf8(plain);
            return Optional.of(Mnemonic.parse(CharBuffer.wrap(phrase)));
        } catch (InvalidMnemonicException e) {
            throw new InvalidKeystoreException(KeystoreDocument.MNEMONIC_FIELD, "does not hold a valid mnemonic ("
                    + e.problem() + ")");
        } finally {
            Secrets.wipe(plain);
            Secrets.wipe(phrase);
        }
    }

    /**
     * Re-encrypts a document under a new password (fresh salts and IVs, this instance's cost, same id). The old
     * password is verified first; the new document is verified to open with the new password before it is
     * returned.
     */
    public KeystoreDocument changePassword(KeystoreDocument doc, char[] oldPassword, char[] newPassword)
            throws WrongPasswordException, InvalidKeystoreException {
        try (PrivateKey key = decryptKey(doc, oldPassword)) {
            Optional<Mnemonic> mnemonic = decryptMnemonic(doc, oldPassword);
            try {
                KeystoreDocument fresh = encrypt(key, mnemonic.orElse(null), newPassword);
                KeystoreDocument result = new KeystoreDocument(doc.id(), fresh.address(), fresh.crypto(),
                        fresh.mnemonic());
                try (PrivateKey check = decryptKey(result, newPassword)) {
                    if (!check.address().equals(key.address())) {
                        throw new IllegalStateException("re-encrypted keystore does not round-trip");
                    }
                }
                LOG.info("changed password of keystore {} for {}", doc.id(), key.address());
                return result;
            } finally {
                mnemonic.ifPresent(Mnemonic::destroy);
            }
        }
    }

    private byte[] open(KeystoreDocument doc, CryptoEnvelope envelope, char[] password) throws WrongPasswordException {
        try {
            return envelope.open(password);
        } catch (WrongPasswordException e) {
            LOG.info("wrong password for keystore {}", doc.id());
            throw e;
        }
    }

    private CryptoEnvelope sealMnemonic(Mnemonic mnemonic, char[] password) {
        char[] phrase = mnemonic.toPhraseChars();
        byte[] bytes = Secrets.utf8(phrase);
        try {
            return CryptoEnvelope.seal(bytes, password, freshScrypt(), random);
        } finally {
            Secrets.wipe(phrase);
            Secrets.wipe(bytes);
        }
    }

    private KdfParams.Scrypt freshScrypt() {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        return new KdfParams.Scrypt(scryptN, scryptR, scryptP, salt);
    }

    private static char[] decodeUtf8(byte[] bytes) throws InvalidKeystoreException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new InvalidKeystoreException(KeystoreDocument.MNEMONIC_FIELD, "does not decrypt to UTF-8 text");
        }
        char[] out = new char[chars.remaining()];
        chars.get(out);
        if (chars.hasArray()) {
            java.util.Arrays.fill(chars.array(), '\0');
        }
        return out;
    }
}
