package org.swarmbid.bidding.buyer;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.swarmbid.bidding.api.Pricing;

/**
 * The cap over all torrents per calendar day. The day is the date of the passed-in instant in the configured zone;
 * at a new day the spent total restarts at zero (reservations for unverified bytes carry over, they are not yet
 * spent). Amounts are kept as exact numerators (bytes x price per MiB) and rounded up when compared with the cap,
 * so rounding never lets spending exceed it.
 *
 * <p>Three kinds of use count against the cap: <b>spent</b> (verified pieces), <b>reserved</b> (bytes received in a
 * paid slot whose piece is not verified yet) and <b>held</b> (what open paid slots may still deliver before a
 * withdrawal takes effect, see {@link TorrentBuyer}). {@link #remaining} subtracts all three; a paid block is only
 * ever counted if spent plus reserved plus the block stay within the cap ({@link #fits}), so what is owed never
 * exceeds it.
 */
public final class DailyBudget {
    private BigInteger perDay;
    private final ZoneId zone;
    private LocalDate day;
    private BigInteger spentNumerator = BigInteger.ZERO;
    private BigInteger reservedNumerator = BigInteger.ZERO;
    private BigInteger heldNumerator = BigInteger.ZERO;

    public DailyBudget(BigInteger perDay, ZoneId zone) {
        this.perDay = Pricing.requireAmount(perDay, "perDay");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Restores what was already spent on {@code date} after a restart, as an exact numerator
     * ({@code Ledger.spentNumeratorBetween} over that day's start and end in the zone).
     */
    public void restore(LocalDate date, BigInteger spentNumerator) {
        day = Objects.requireNonNull(date, "date");
        this.spentNumerator = Pricing.requireAmount(spentNumerator, "spentNumerator");
    }

    /** Replaces the cap from the next comparison on; today's spending and reservations are kept. */
    public void perDay(BigInteger cap) {
        this.perDay = Pricing.requireAmount(cap, "perDay");
    }

    /** The zone whose midnight starts a budget day. */
    public ZoneId zone() {
        return zone;
    }

    private void roll(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!today.equals(day)) {
            day = today;
            spentNumerator = BigInteger.ZERO;
        }
    }

    /** Base units still available today (never negative). */
    public BigInteger remaining(Instant now) {
        roll(now);
        BigInteger used = ceilMiB(spentNumerator.add(reservedNumerator).add(heldNumerator));
        return perDay.subtract(used).max(BigInteger.ZERO);
    }

    /** Spent today, rounded up. */
    public BigInteger spentToday(Instant now) {
        roll(now);
        return ceilMiB(spentNumerator);
    }

    /**
     * True if {@code numerator} more can be reserved without spent plus reserved exceeding the cap, on the day of the
     * last comparison (a new day starts at the next {@link #remaining}, which the buyer asks at least every tick).
     */
    boolean fits(BigInteger numerator) {
        return ceilMiB(spentNumerator.add(reservedNumerator).add(numerator)).compareTo(perDay) <= 0;
    }

    void hold(BigInteger numerator) {
        heldNumerator = heldNumerator.add(numerator);
    }

    void unhold(BigInteger numerator) {
        heldNumerator = heldNumerator.subtract(numerator).max(BigInteger.ZERO);
    }

    void reserve(BigInteger numerator) {
        reservedNumerator = reservedNumerator.add(numerator);
    }

    void release(BigInteger numerator) {
        reservedNumerator = reservedNumerator.subtract(numerator).max(BigInteger.ZERO);
    }

    void commit(BigInteger numerator, Instant now) {
        roll(now);
        release(numerator);
        spentNumerator = spentNumerator.add(numerator);
    }

    static BigInteger ceilMiB(BigInteger numerator) {
        BigInteger q = numerator.shiftRight(20);
        return numerator.equals(q.shiftLeft(20)) ? q : q.add(BigInteger.ONE);
    }
}
