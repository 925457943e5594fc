package org.swarmbid.wallet.crypto;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (also TRON's): digits and letters without {@code 0 O I l}. Each leading zero
 * byte is one leading {@code '1'}. Errors name the invalid character and its position.
 */
public final class Base58 {
    /** The Bitcoin/TRON Base58 alphabet. */
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];
    /** Inputs longer than this are rejected before any work (our payloads are at most ~100 bytes). */
    public static final int MAX_ENCODED_LENGTH = 256;

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    /** Encodes bytes as Base58. */
    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] digits = Arrays.copyOf(input, input.length);
        char[] out = new char[input.length * 2];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            out[--outStart] = ALPHABET.charAt(divmod(digits, start, 256, 58));
            if (digits[start] == 0) {
                start++;
            }
        }
        while (outStart < out.length && out[outStart] == ALPHABET.charAt(0)) {
            outStart++;
        }
        while (--zeros >= 0) {
            out[--outStart] = ALPHABET.charAt(0);
        }
        return new String(out, outStart, out.length - outStart);
    }

    /**
     * Decodes Base58.
     *
     * @throws IllegalArgumentException naming the first invalid character ({@code 0 O I l}, punctuation, space,
     *     non-ASCII) and its position, or an input that is too long
     */
    public static byte[] decode(CharSequence input) {
        if (input.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("Base58 text too long: " + input.length() + " characters (max "
                    + MAX_ENCODED_LENGTH + ")");
        }
        if (input.length() == 0) {
            return new byte[0];
        }
        byte[] input58 = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid Base58 character " + describe(c) + " at position " + i
                        + hint(c));
            }
            input58[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < input58.length && input58[zeros] == 0) {
            zeros++;
        }
        byte[] decoded = new byte[input.length()];
        int outStart = decoded.length;
        int start = zeros;
        while (start < input58.length) {
            decoded[--outStart] = (byte) divmod(input58, start, 58, 256);
            if (input58[start] == 0) {
                start++;
            }
        }
        while (outStart < decoded.length && decoded[outStart] == 0) {
            outStart++;
        }
        return Arrays.copyOfRange(decoded, outStart - zeros, decoded.length);
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    private static String hint(char c) {
        switch (c) {
            case '0':
            case 'O':
                return " (Base58 has no zero or capital O)";
            case 'I':
            case 'l':
                return " (Base58 has no capital I or lower-case L)";
            default:
                return "";
        }
    }

    /** Divides the big-endian number in {@code number[firstDigit..]} (given base) in place; returns the remainder. */
    private static int divmod(byte[] number, int firstDigit, int base, int divisor) {
        int remainder = 0;
        for (int i = firstDigit; i < number.length; i++) {
            int digit = number[i] & 0xff;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return remainder;
    }
}
