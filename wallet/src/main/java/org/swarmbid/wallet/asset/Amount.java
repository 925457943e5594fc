package org.swarmbid.wallet.asset;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact amount of an asset: an integer number of base units (sun for TRX, 10^-18 BTT for BTT) and the asset.
 * Negative amounts exist for balance deltas; {@link #parse} accepts only non-negative input, {@link #parseSigned}
 * also a leading '-'. The magnitude never exceeds {@link Asset#maxUnits()}.
 *
 * <p>Text form: ASCII digits, optionally one '.' followed by at most {@code decimals} digits. Rejected: empty,
 * '+', exponents, grouping separators, whitespace, non-ASCII digits, leading zeros ("007"), a bare '.'
 * (".5", "5."), more decimals than the asset has.
 *
 * @param units base units
 * @param asset the asset
 */
public record Amount(BigInteger units, Asset asset) implements Comparable<Amount> {
    /** Longest text accepted by the parser. */
    public static final int MAX_TEXT_LENGTH = 100;

    public Amount {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(asset, "asset");
        if (units.abs().compareTo(asset.maxUnits()) > 0) {
            throw new ArithmeticException("amount exceeds the largest " + asset.symbol() + " amount");
        }
    }

    /** An amount in base units. */
    public static Amount ofUnits(BigInteger units, Asset asset) {
        return new Amount(units, asset);
    }

    /** An amount in base units. */
    public static Amount ofUnits(long units, Asset asset) {
        return new Amount(BigInteger.valueOf(units), asset);
    }

    /** Zero of an asset. */
    public static Amount zero(Asset asset) {
        return new Amount(BigInteger.ZERO, asset);
    }

    /**
     * Parses a non-negative decimal amount, e.g. "1.5" TRX = 1,500,000 sun.
     *
     * @throws AmountFormatException naming the problem
     */
    public static Amount parse(String text, Asset asset) {
        return parse(text, asset, false);
    }

    /**
     * Parses a decimal amount that may start with '-'.
     *
     * @throws AmountFormatException naming the problem
     */
    public static Amount parseSigned(String text, Asset asset) {
        return parse(text, asset, true);
    }

    private static Amount parse(String text, Asset asset, boolean allowNegative) {
        if (text == null || text.isEmpty()) {
            throw new AmountFormatException("amount is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new AmountFormatException("amount is too long (" + text.length() + " characters)");
        }
        int pos = 0;
        boolean negative = false;
        if (text.charAt(0) == '-') {
            if (!allowNegative) {
                throw new AmountFormatException("amount must not be negative");
            }
            negative = true;
            pos = 1;
        }
        int dot = -1;
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    throw new AmountFormatException("amount has more than one '.'");
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                throw new AmountFormatException("invalid character " + describe(c) + " at position " + i
                        + " in amount (only digits and one '.' are allowed)");
            }
        }
        int intEnd = dot >= 0 ? dot : text.length();
        String integerPart = text.substring(pos, intEnd);
        String fraction = dot >= 0 ? text.substring(dot + 1) : "";
        if (integerPart.isEmpty()) {
            throw new AmountFormatException("amount needs a digit before '.' (write 0.5, not .5)");
        }
        if (dot >= 0 && fraction.isEmpty()) {
            throw new AmountFormatException("amount needs a digit after '.' (write 5 or 5.0, not 5.)");
        }
        if (integerPart.length() > 1 && integerPart.charAt(0) == '0') {
            throw new AmountFormatException("amount has a leading zero");
        }
        if (fraction.length() > asset.decimals()) {
            throw new AmountFormatException("amount has " + fraction.length() + " decimals but " + asset.symbol()
                    + " allows " + asset.decimals());
        }
        StringBuilder digits = new StringBuilder(integerPart).append(fraction);
        for (int i = fraction.length(); i < asset.decimals(); i++) {
            digits.append('0');
        }
        BigInteger units = new BigInteger(digits.toString());
        if (units.compareTo(asset.maxUnits()) > 0) {
            throw new AmountFormatException("amount exceeds the largest " + asset.symbol() + " amount");
        }
        return new Amount(negative ? units.negate() : units, asset);
    }

    /** Exact decimal text with trailing zeros trimmed: "1.5", "0.000000000000000001", "12", "-0.25". */
    public String toPlainString() {
        String full = toFullPrecisionString();
        if (full.indexOf('.') < 0) {
            return full;
        }
        int end = full.length();
        while (full.charAt(end - 1) == '0') {
            end--;
        }
        if (full.charAt(end - 1) == '.') {
            end--;
        }
        return full.substring(0, end);
    }

    /** Exact decimal text with all the asset's decimals: "1.500000" for 1.5 TRX. */
    public String toFullPrecisionString() {
        int decimals = asset.decimals();
        String digits = units.abs().toString();
        String sign = units.signum() < 0 ? "-" : "";
        if (decimals == 0) {
            return sign + digits;
        }
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int split = digits.length() - decimals;
        return sign + digits.substring(0, split) + "." + digits.substring(split);
    }

    /** Sum; both amounts must be of the same asset. */
    public Amount add(Amount other) {
        requireSameAsset(other);
        return new Amount(units.add(other.units), asset);
    }

    /** Difference; both amounts must be of the same asset. */
    public Amount subtract(Amount other) {
        requireSameAsset(other);
        return new Amount(units.subtract(other.units), asset);
    }

    /** The negated amount. */
    public Amount negate() {
        return new Amount(units.negate(), asset);
    }

    /** True for zero. */
    public boolean isZero() {
        return units.signum() == 0;
    }

    /** True below zero. */
    public boolean isNegative() {
        return units.signum() < 0;
    }

    /** The units as a {@code long}, for the int64 fields of TRON protobufs. */
    public long unitsAsLongExact() {
        return units.longValueExact();
    }

    /** Orders amounts of the same asset. */
    @Override
    public int compareTo(Amount other) {
        requireSameAsset(other);
        return units.compareTo(other.units);
    }

    /** "1.5 TRX". */
    @Override
    public String toString() {
        return toPlainString() + " " + asset.symbol();
    }

    private void requireSameAsset(Amount other) {
        if (!asset.equals(other.asset)) {
            throw new IllegalArgumentException("cannot combine " + asset.symbol() + " with " + other.asset.symbol());
        }
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
