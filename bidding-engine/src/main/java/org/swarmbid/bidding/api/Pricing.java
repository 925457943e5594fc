package org.swarmbid.bidding.api;

import java.math.BigInteger;

/**
 * The one place where bytes and prices meet. A price is base units per MiB (2^20 bytes). Both sides compute
 * what is owed as {@code floor(sum(bytes_i * price_i) / 2^20)} over the exact numerator, so a buyer and a
 * seller that saw the same bytes at the same prices arrive at the same integer, and splitting the bytes into
 * blocks never loses or adds a base unit (the rounding happens once, on the running total).
 */
public final class Pricing {
    /** Bytes per MiB. */
    public static final long MIB = 1L << 20;
    private static final BigInteger MIB_BIG = BigInteger.valueOf(MIB);

    private Pricing() {}

    /** The exact numerator {@code bytes * pricePerMiB} (base-unit-bytes per MiB). */
    public static BigInteger numerator(long bytes, BigInteger pricePerMiB) {
        requireBytes(bytes);
        requireAmount(pricePerMiB, "price");
        return BigInteger.valueOf(bytes).multiply(pricePerMiB);
    }

    /** Base units owed for an exact numerator, rounded down. */
    public static BigInteger owed(BigInteger numerator) {
        requireAmount(numerator, "numerator");
        return numerator.shiftRight(20);
    }

    /** Base units for {@code bytes} at {@code pricePerMiB}, rounded down. */
    public static BigInteger amountFloor(long bytes, BigInteger pricePerMiB) {
        return owed(numerator(bytes, pricePerMiB));
    }

    /** Base units for {@code bytes} at {@code pricePerMiB}, rounded up. */
    public static BigInteger amountCeil(long bytes, BigInteger pricePerMiB) {
        BigInteger[] qr = numerator(bytes, pricePerMiB).divideAndRemainder(MIB_BIG);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /**
     * The price per MiB that spends {@code amount} on {@code bytes}, rounded down (so it never overspends).
     *
     * @throws IllegalArgumentException if bytes is not positive
     */
    public static BigInteger pricePerMiBFloor(BigInteger amount, long bytes) {
        requireAmount(amount, "amount");
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive, got " + bytes);
        }
        return amount.multiply(MIB_BIG).divide(BigInteger.valueOf(bytes));
    }

    /** Throws if {@code amount} is null or negative. */
    public static BigInteger requireAmount(BigInteger amount, String what) {
        if (amount == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + amount);
        }
        return amount;
    }

    /** Throws if {@code bytes} is negative. */
    public static long requireBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
        return bytes;
    }
}
