package org.swarmbid.ext.btt;

import java.math.BigInteger;

/**
 * Amounts on the wire: a non-negative integer in the asset's base units, carried as a bencoded <em>byte string of
 * ASCII decimal digits</em> (not a bencoded integer, which many readers cap at 64 bits while BTT's 18 decimals need
 * up to 256). Canonical: 1..78 digits, no sign, no leading zero except the value "0", at most 2^256-1.
 */
public final class Amounts {
    /** 2^256 - 1, the largest {@code uint256}. */
    public static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    /** Most digits of an amount (2^256-1 has 78). */
    public static final int MAX_DIGITS = 78;

    private Amounts() {
    }

    /** The canonical decimal text of {@code value}. */
    public static String format(BigInteger value) {
        check(value);
        return value.toString();
    }

    /** Throws unless 0 &le; value &le; 2^256-1. */
    public static BigInteger check(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(UINT256_MAX) > 0) {
            throw new IllegalArgumentException("amount must be in 0..2^256-1");
        }
        return value;
    }

    /**
     * Parses canonical decimal text.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static BigInteger parse(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_DIGITS) {
            throw new IllegalArgumentException("amount must have 1.." + MAX_DIGITS + " digits");
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("amount must be decimal digits only");
            }
        }
        if (n > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException("amount must not have a leading zero");
        }
        BigInteger v = new BigInteger(text);
        if (v.compareTo(UINT256_MAX) > 0) {
            throw new IllegalArgumentException("amount exceeds 2^256-1");
        }
        return v;
    }
}
