package org.swarmbid.ui.wallet;

/**
 * A rough strength hint for a wallet password: the bits of a random password of the same length over the
 * character classes it uses (lower, upper, digits, other), minus penalties for runs of one character. It is a
 * hint for the user, not a guarantee; the keystore's scrypt is what makes guessing slow.
 *
 * <p>Pure; reads the characters without making a {@code String} of them.
 */
public enum PasswordStrength {
    /** Empty. */
    NONE,
    /** Below 8 characters or below 40 bits: refused for a new wallet. */
    WEAK,
    /** 40 to 59 bits. */
    FAIR,
    /** 60 to 79 bits. */
    GOOD,
    /** 80 bits and more. */
    STRONG;

    /** Shortest password a new wallet accepts. */
    public static final int MIN_LENGTH = 8;

    /** The hint for {@code password}. */
    public static PasswordStrength of(CharSequence password) {
        int n = password.length();
        if (n == 0) {
            return NONE;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        int repeats = 0;
        for (int i = 0; i < n; i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
            if (i > 0 && password.charAt(i - 1) == c) {
                repeats++;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        double bits = (n - repeats) * (Math.log(pool) / Math.log(2));
        if (n < MIN_LENGTH || bits < 40) {
            return WEAK;
        }
        if (bits < 60) {
            return FAIR;
        }
        return bits < 80 ? GOOD : STRONG;
    }

    /** True if a new wallet may use it. */
    public boolean acceptable() {
        return compareTo(FAIR) >= 0;
    }
}
