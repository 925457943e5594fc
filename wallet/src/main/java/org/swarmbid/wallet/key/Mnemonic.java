package org.swarmbid.wallet.key;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Secrets;

/**
 * A BIP-39 mnemonic (English list). Internally only the entropy is kept, in a wipeable array; words are
 * produced on demand from the shared word list.
 *
 * <pre>
 * entropy ENT bits (128..256, multiple of 32) || checksum CS = ENT/32 bits = first bits of SHA-256(entropy)
 * split into (ENT+CS)/11 groups of 11 bits, each an index into the 2048-word list:
 *   128 bits -> 12 words, 160 -> 15, 192 -> 18, 224 -> 21, 256 -> 24
 * seed = PBKDF2-HMAC-SHA512(password = NFKD(words joined by " "), salt = "mnemonic" || NFKD(passphrase),
 *                           2048 rounds, 64 bytes)
 * </pre>
 */
public final class Mnemonic implements AutoCloseable, Destroyable {
    /** PBKDF2 rounds fixed by BIP-39. */
    public static final int SEED_ROUNDS = 2048;
    /** Seed length in bytes. */
    public static final int SEED_LENGTH = 64;
    private static final int MAX_TOKENS = 48;

    private final byte[] entropy;
    private volatile boolean destroyed;

    private Mnemonic(byte[] ownedEntropy) {
        this.entropy = ownedEntropy;
    }

    /**
     * A new mnemonic of 12 or 24 words from the random source (use {@link SecureRandom}).
     *
     * @throws IllegalArgumentException for any other word count
     */
    public static Mnemonic generate(int wordCount, SecureRandom random) {
        if (wordCount != 12 && wordCount != 24) {
            throw new IllegalArgumentException("new mnemonics have 12 or 24 words, not " + wordCount);
        }
        byte[] entropy = new byte[wordCount * 4 / 3];
        random.nextBytes(entropy);
        return new Mnemonic(entropy);
    }

    /**
     * The mnemonic for given entropy (16, 20, 24, 28 or 32 bytes; copied).
     *
     * @throws IllegalArgumentException on another length
     */
    public static Mnemonic fromEntropy(byte[] entropy) {
        int bits = entropy.length * 8;
        if (bits < 128 || bits > 256 || bits % 32 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy must be 16, 20, 24, 28 or 32 bytes, got "
                    + entropy.length);
        }
        return new Mnemonic(entropy.clone());
    }

    /**
     * Parses and validates a phrase. Words are separated by any whitespace; case is ignored.
     *
     * @throws InvalidMnemonicException naming the problem: unknown word (with its position), wrong word count,
     *     or bad checksum. The message never contains a word of the phrase.
     */
    public static Mnemonic parse(CharSequence phrase) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = phrase.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(phrase.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(phrase.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (tokens.size() == MAX_TOKENS) {
                    throw new InvalidMnemonicException(InvalidMnemonicException.Problem.WRONG_WORD_COUNT, 0,
                            "mnemonic has too many words (more than " + MAX_TOKENS + "); expected 12, 15, 18, 21 or 24");
                }
                tokens.add(phrase.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
            }
        }
        return fromWords(tokens);
    }

    /**
     * Validates a list of words (lower-case English).
     *
     * @throws InvalidMnemonicException as for {@link #parse(CharSequence)}
     */
    public static Mnemonic fromWords(List<String> words) {
        int[] indices = new int[words.size()];
        try {
            for (int w = 0; w < words.size(); w++) {
                indices[w] = Bip39Wordlist.indexOf(words.get(w));
                if (indices[w] < 0) {
                    throw new InvalidMnemonicException(InvalidMnemonicException.Problem.UNKNOWN_WORD, w + 1,
                            "mnemonic word " + (w + 1) + " is not in the BIP-39 English word list");
                }
            }
            int count = words.size();
            if (count < 12 || count > 24 || count % 3 != 0) {
                throw new InvalidMnemonicException(InvalidMnemonicException.Problem.WRONG_WORD_COUNT, 0,
                        "mnemonic has " + count + " words; expected 12, 15, 18, 21 or 24");
            }
            int totalBits = count * 11;
            int checksumBits = totalBits / 33;
            int entropyBits = totalBits - checksumBits;
            byte[] bits = new byte[(totalBits + 7) / 8];
            for (int w = 0; w < count; w++) {
                for (int b = 0; b < 11; b++) {
                    if ((indices[w] & (1 << (10 - b))) != 0) {
                        int pos = w * 11 + b;
                        bits[pos / 8] |= (byte) (1 << (7 - pos % 8));
                    }
                }
            }
            byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
            byte[] hash = Hashes.sha256(entropy);
            int expected = (hash[0] & 0xff) >>> (8 - checksumBits);
            int actual = (bits[entropyBits / 8] & 0xff) >>> (8 - checksumBits);
            Secrets.wipe(bits);
            Secrets.wipe(hash);
            if (expected != actual) {
                Secrets.wipe(entropy);
                throw new InvalidMnemonicException(InvalidMnemonicException.Problem.BAD_CHECKSUM, 0,
                        "mnemonic checksum does not match: a word is wrong or words are out of order");
            }
            return new Mnemonic(entropy);
        } finally {
            Arrays.fill(indices, 0);
        }
    }

    /** Number of words (12..24). */
    public int wordCount() {
        return entropy.length * 3 / 4;
    }

    /** The words in order. Strings cannot be wiped: keep the list short-lived (show, then drop). */
    public List<String> words() {
        checkAlive();
        int count = wordCount();
        int checksumBits = entropy.length / 4;
        byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
        byte[] hash = Hashes.sha256(entropy);
        bits[entropy.length] = (byte) (hash[0] & (0xff << (8 - checksumBits)));
        List<String> words = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int pos = w * 11 + b;
                index = (index << 1) | ((bits[pos / 8] >>> (7 - pos % 8)) & 1);
            }
            words.add(Bip39Wordlist.word(index));
        }
        Secrets.wipe(bits);
        Secrets.wipe(hash);
        return List.copyOf(words);
    }

    /** The phrase (words joined by single spaces) as a wipeable char array; the caller must wipe it. */
    public char[] toPhraseChars() {
        List<String> words = words();
        int length = words.size() - 1;
        for (String w : words) {
            length += w.length();
        }
        char[] out = new char[length];
        int pos = 0;
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                out[pos++] = ' ';
            }
            String word = words.get(w);
            word.getChars(0, word.length(), out, pos);
            pos += word.length();
        }
        return out;
    }

    /** A copy of the entropy; the caller must wipe it. */
    public byte[] entropy() {
        checkAlive();
        return entropy.clone();
    }

    /**
     * The 64-byte BIP-39 seed for a passphrase (empty array for none). The caller must wipe the result. The
     * passphrase is NFKD-normalised; if it is not already normalised this creates a transient String.
     */
    public byte[] toSeed(char[] passphrase) {
        checkAlive();
        char[] phrase = toPhraseChars();
        byte[] password = Secrets.utf8(phrase);
        byte[] passphraseBytes = normalizedUtf8(passphrase);
        byte[] salt = new byte[8 + passphraseBytes.length];
        System.arraycopy("mnemonic".getBytes(StandardCharsets.US_ASCII), 0, salt, 0, 8);
        System.arraycopy(passphraseBytes, 0, salt, 8, passphraseBytes.length);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
            generator.init(password, salt, SEED_ROUNDS);
            KeyParameter derived = (KeyParameter) generator.generateDerivedParameters(SEED_LENGTH * 8);
            return derived.getKey();
        } finally {
            Secrets.wipe(phrase);
            Secrets.wipe(password);
            Secrets.wipe(passphraseBytes);
            Secrets.wipe(salt);
        }
    }

    /**
     * The TRON key at {@code m/44'/195'/0'/0/index} for this mnemonic and passphrase; all intermediate seeds and
     * extended keys are wiped.
     */
    public PrivateKey deriveTronKey(char[] passphrase, int index) {
        return deriveKey(passphrase, DerivationPath.tron(index));
    }

    /** The key at any BIP-32 path for this mnemonic and passphrase. */
    public PrivateKey deriveKey(char[] passphrase, DerivationPath path) {
        byte[] seed = toSeed(passphrase);
        try (ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(seed);
                ExtendedPrivateKey child = master.derive(path)) {
            return child.toPrivateKey();
        } finally {
            Secrets.wipe(seed);
        }
    }

    @Override
    public void destroy() {
        Secrets.wipe(entropy);
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

    /** Never the words: {@code Mnemonic[12 words]}. */
    @Override
    public String toString() {
        return "Mnemonic[" + wordCount() + " words" + (destroyed ? ", destroyed" : "") + "]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("mnemonic has been destroyed");
        }
    }

    private static byte[] normalizedUtf8(char[] passphrase) {
        CharBuffer view = CharBuffer.wrap(passphrase);
        if (Normalizer.isNormalized(view, Normalizer.Form.NFKD)) {
            return Secrets.utf8(passphrase);
        }
        char[] normalized = Normalizer.normalize(view, Normalizer.Form.NFKD).toCharArray();
        try {
            return Secrets.utf8(normalized);
        } finally {
            Secrets.wipe(normalized);
        }
    }
}
