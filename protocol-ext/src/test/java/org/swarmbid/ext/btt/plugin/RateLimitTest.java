package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void twentyPerSecondWindowThenAFreshWindow() {
        RateLimit r = new RateLimit(20);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 20; i++) {
            assertThat(r.allow(t + i)).isTrue();
        }
        assertThat(r.allow(t + 500)).isFalse();
        assertThat(r.firstRefusal()).isTrue();
        assertThat(r.allow(t + 600)).isFalse();
        assertThat(r.firstRefusal()).isFalse();
        assertThat(r.allow(t + 1000)).isTrue();
        assertThat(r.allow(t + 1001)).isTrue();
    }
}
