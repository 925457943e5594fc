package org.swarmbid.wallet.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Base58Check: {@code Base58(payload || SHA-256(SHA-256(payload))[0..4])}.
 *
 * <pre>
 * +---------------------+-----------+
 * | payload (n bytes)   | check (4) |
 * +---------------------+-----------+
 * </pre>
 */
public final class Base58Check {
    /** Bytes of checksum appended to the payload. */
    public static final int CHECKSUM_LENGTH = 4;

    private Base58Check() {
    }

    /** Encodes a payload with its 4-byte checksum. */
    public static String encode(byte[] payload) {
        byte[] check = Hashes.doubleSha256(payload);
        byte[] full = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
        System.arraycopy(check, 0, full, payload.length, CHECKSUM_LENGTH);
        return Base58.encode(full);
    }

    /**
     * Decodes and verifies the checksum; returns the payload.
     *
     * @throws IllegalArgumentException for an invalid character, too-short input or a checksum mismatch
     *     (the message says which)
     */
    public static byte[] decode(CharSequence text) {
        byte[] full = Base58.decode(text);
        if (full.length < CHECKSUM_LENGTH + 1) {
            throw new IllegalArgumentException("Base58Check data too short: " + full.length + " bytes");
        }
        byte[] payload = Arrays.copyOf(full, full.length - CHECKSUM_LENGTH);
        byte[] expected = Arrays.copyOf(Hashes.doubleSha256(payload), CHECKSUM_LENGTH);
        byte[] actual = Arrays.copyOfRange(full, full.length - CHECKSUM_LENGTH, full.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new ChecksumException("Base58Check checksum mismatch (a character is mistyped)");
        }
        return payload;
    }

    /** The checksum did not match: the text is well-formed Base58 but was mistyped or corrupted. */
    public static final class ChecksumException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ChecksumException(String message) {
            super(message);
        }
    }
}
