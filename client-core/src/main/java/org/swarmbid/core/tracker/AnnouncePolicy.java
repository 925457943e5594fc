package org.swarmbid.core.tracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to announce next: pure arithmetic, no clocks or sockets.
 *
 * <ul>
 *   <li>After an answer: the tracker's {@code interval}, but never below its {@code min interval} or our
 *       {@code minInterval} floor, and never above {@code maxInterval} (a tracker cannot park us for days).</li>
 *   <li>After the n-th consecutive failure of one tracker: {@code backoffBase * 2^(n-1)}, capped at
 *       {@code backoffCap}.</li>
 *   <li>A manual re-announce waits until {@code min interval} (or our floor) has passed since the last one.</li>
 * </ul>
 *
 * @param minInterval  our floor for any announce interval
 * @param maxInterval  our ceiling for a tracker's interval
 * @param backoffBase  delay after the first failure
 * @param backoffCap   largest delay after failures
 */
public record AnnouncePolicy(Duration minInterval, Duration maxInterval, Duration backoffBase, Duration backoffCap) {

    /** 1 min floor, 2 h ceiling, failures back off 15 s, 30 s, 1 min ... up to 30 min. */
    public static final AnnouncePolicy DEFAULT = new AnnouncePolicy(Duration.ofMinutes(1), Duration.ofHours(2),
            Duration.ofSeconds(15), Duration.ofMinutes(30));

    public AnnouncePolicy {
        if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0 || backoffBase.isNegative()
                || backoffBase.isZero() || backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("need 0 <= minInterval <= maxInterval and 0 < backoffBase <= backoffCap");
        }
        if (maxInterval.compareTo(Duration.ofDays(365)) > 0 || backoffCap.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("intervals above a year are not supported");
        }
    }

    /** Delay until the next regular announce after an answer. */
    public Duration nextAnnounce(Duration trackerInterval, Optional<Duration> trackerMinInterval) {
        Duration floor = max(minInterval, trackerMinInterval.orElse(Duration.ZERO));
        Duration ceiling = max(maxInterval, floor); // a tracker's min interval wins over our ceiling
        Duration d = max(trackerInterval, floor);
        return d.compareTo(ceiling) > 0 ? ceiling : d;
    }

    /** Delay before retrying a tracker after {@code failures} (>= 1) consecutive failures. */
    public Duration backoff(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        int shift = Math.min(failures - 1, 62);
        long base = backoffBase.toNanos();
        long cap = backoffCap.toNanos();
        if (base > (cap >> shift)) {
            return backoffCap;
        }
        return Duration.ofNanos(base << shift);
    }

    /** Earliest moment a manual re-announce may go out. */
    public Instant earliestManualAnnounce(Instant lastAnnounce, Optional<Duration> trackerMinInterval) {
        return lastAnnounce.plus(max(minInterval, trackerMinInterval.orElse(Duration.ZERO)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
