package org.swarmbid.wallet.key;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 derivation path such as {@code m/44'/195'/0'/0/0}. Indices are stored as unsigned 32-bit values in
 * {@code int}s; hardened indices have bit 31 set ({@link #HARDENED}).
 *
 * @param indices child indices from the master key down
 */
public record DerivationPath(List<Integer> indices) {
    /** Bit 31: hardened derivation. */
    public static final int HARDENED = 0x80000000;
    /** SLIP-44 coin type of TRON. */
    public static final int TRON_COIN_TYPE = 195;
    /** Paths deeper than this are refused (BIP-32 allows 255; no wallet needs more than a handful). */
    public static final int MAX_DEPTH = 16;

    public DerivationPath {
        indices = List.copyOf(indices);
        if (indices.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("derivation path deeper than " + MAX_DEPTH);
        }
    }

    /** {@code m/44'/195'/0'/0/index}: TRON's BIP-44 path for receive address {@code index} of account 0. */
    public static DerivationPath tron(int index) {
        return tron(0, index);
    }

    /** {@code m/44'/195'/account'/0/index}. */
    public static DerivationPath tron(int account, int index) {
        requireNonHardened(account, "account");
        requireNonHardened(index, "address index");
        return new DerivationPath(List.of(44 | HARDENED, TRON_COIN_TYPE | HARDENED, account | HARDENED, 0, index));
    }

    /**
     * Parses {@code m/a/b'/c/...}; hardened markers {@code '}, {@code h} or {@code H}.
     *
     * @throws IllegalArgumentException naming the bad component (1-based)
     */
    public static DerivationPath parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length == 0 || !parts[0].equals("m")) {
            throw new IllegalArgumentException("derivation path must start with \"m\"");
        }
        if (parts.length - 1 > MAX_DEPTH) {
            throw new IllegalArgumentException("derivation path deeper than " + MAX_DEPTH);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
            String digits = hardened ? part.substring(0, part.length() - 1) : part;
            if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (digits.length() > 1 && digits.charAt(0) == '0')) {
                throw new IllegalArgumentException("derivation path component " + i + " is not a decimal index");
            }
            long value = Long.parseLong(digits);
            if (value >= (1L << 31)) {
                throw new IllegalArgumentException("derivation path component " + i + " must be below 2^31");
            }
            out.add((int) value | (hardened ? HARDENED : 0));
        }
        return new DerivationPath(out);
    }

    /** Canonical text with {@code '} for hardened components. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("m");
        for (int index : indices) {
            sb.append('/').append(index & ~HARDENED);
            if ((index & HARDENED) != 0) {
                sb.append('\'');
            }
        }
        return sb.toString();
    }

    private static void requireNonHardened(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be in [0, 2^31)");
        }
    }
}
