package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnouncePolicyTest {
    final AnnouncePolicy p = AnnouncePolicy.DEFAULT;

    static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void intervalIsClampedBetweenFloorsAndCeiling() {
        assertThat(p.nextAnnounce(s(1800), Optional.of(s(900)))).isEqualTo(s(1800));
        assertThat(p.nextAnnounce(s(5), Optional.empty())).isEqualTo(s(60)); // our floor
        assertThat(p.nextAnnounce(s(100), Optional.of(s(300)))).isEqualTo(s(300)); // tracker's min interval
        assertThat(p.nextAnnounce(Duration.ofDays(3), Optional.empty())).isEqualTo(Duration.ofHours(2)); // ceiling
        assertThat(p.nextAnnounce(Duration.ofDays(3), Optional.of(Duration.ofHours(3)))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(p.backoff(0)).isZero();
        assertThat(p.backoff(1)).isEqualTo(s(15));
        assertThat(p.backoff(2)).isEqualTo(s(30));
        assertThat(p.backoff(3)).isEqualTo(s(60));
        assertThat(p.backoff(7)).isEqualTo(s(960));
        assertThat(p.backoff(8)).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void manualAnnounceWaitsForMinInterval() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(p.earliestManualAnnounce(t, Optional.of(s(900)))).isEqualTo(t.plusSeconds(900));
        assertThat(p.earliestManualAnnounce(t, Optional.empty())).isEqualTo(t.plusSeconds(60));
    }
}
