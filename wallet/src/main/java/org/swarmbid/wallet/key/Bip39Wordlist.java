package org.swarmbid.wallet.key;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;

/**
 * The BIP-39 English word list (2048 words, 11 bits each), loaded from the resource {@code bip39-english.txt}.
 * The resource is the published {@code bip-0039/english.txt}; it is checked against that file's SHA-256 when the
 * class loads, so a corrupted resource can never silently produce different mnemonics.
 */
public final class Bip39Wordlist {
    /** SHA-256 of bitcoin/bips {@code bip-0039/english.txt} (13116 bytes, LF line ends). */
    public static final String PUBLISHED_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
    /** Number of words. */
    public static final int SIZE = 2048;
    private static final List<String> WORDS;
    private static final Map<String, Integer> INDEX;

    static {
        byte[] raw;
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream("bip39-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("BIP-39 word list resource bip39-english.txt is missing");
            }
            raw = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BIP-39 word list", e);
        }
        if (!MessageDigest.isEqual(Hashes.sha256(raw), Hex.decode(PUBLISHED_SHA256))) {
            throw new IllegalStateException("BIP-39 word list resource does not match the published list");
        }
        WORDS = List.of(new String(raw, StandardCharsets.US_ASCII).split("\n"));
        if (WORDS.size() != SIZE) {
            throw new IllegalStateException("BIP-39 word list must have 2048 words");
        }
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < SIZE; i++) {
            index.put(WORDS.get(i), i);
        }
        INDEX = Map.copyOf(index);
    }

    private Bip39Wordlist() {
    }

    /** The word for an 11-bit index. */
    public static String word(int index) {
        return WORDS.get(index);
    }

    /** The index of an exact (lower-case) word, or -1. */
    public static int indexOf(String word) {
        Integer i = INDEX.get(word);
        return i == null ? -1 : i;
    }

    /** All words, in order (immutable). */
    public static List<String> words() {
        return WORDS;
    }
}
