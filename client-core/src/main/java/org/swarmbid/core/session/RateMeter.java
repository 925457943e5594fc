package org.swarmbid.core.session;

/**
 * Bytes per second over a sliding window of whole seconds. Time is passed in (milliseconds), so the meter is pure and
 * testable. Not thread-safe: owned by one event loop.
 *
 * <p>The rate averages the completed seconds of the window, or, while the meter is younger than its window, the
 * completed seconds since its first byte: a transfer one second old is measured over that second, not diluted over
 * five (which made a new fast peer look five times slower than it was for the first seconds, and kept its request
 * queue short).
 */
public final class RateMeter {
    private final long[] buckets;
    private long currentSecond = Long.MIN_VALUE;
    private long firstSecond = Long.MIN_VALUE;
    private long total;

    /** @param windowSeconds seconds averaged over (at least 2) */
    public RateMeter(int windowSeconds) {
        if (windowSeconds < 2) {
            throw new IllegalArgumentException("window must be at least 2 s");
        }
        this.buckets = new long[windowSeconds];
    }

    public void add(long bytes, long nowMillis) {
        roll(nowMillis);
        if (firstSecond == Long.MIN_VALUE && bytes > 0) {
            firstSecond = currentSecond;
        }
        buckets[(int) Math.floorMod(currentSecond, (long) buckets.length)] += bytes;
        total += bytes;
    }

    /**
     * Average over the completed seconds of the window, or since the first byte if that is more recent (the current
     * partial second is left out); 0 before the first completed second.
     */
    public long rate(long nowMillis) {
        roll(nowMillis);
        if (firstSecond == Long.MIN_VALUE || currentSecond <= firstSecond) {
            return 0;
        }
        long sum = 0;
        int current = (int) Math.floorMod(currentSecond, (long) buckets.length);
        for (int i = 0; i < buckets.length; i++) {
            if (i != current) {
                sum += buckets[i];
            }
        }
        return sum / Math.min(buckets.length - 1, currentSecond - firstSecond);
    }

    /** All bytes ever added. */
    public long total() {
        return total;
    }

    private void roll(long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000);
        if (currentSecond == Long.MIN_VALUE) {
            currentSecond = second;
            return;
        }
        if (second <= currentSecond) {
            return;
        }
        long steps = Math.min(second - currentSecond, buckets.length);
        for (long s = 1; s <= steps; s++) {
            buckets[(int) Math.floorMod(currentSecond + s, (long) buckets.length)] = 0;
        }
        currentSecond = second;
    }
}
