package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void unlimitedAlwaysGrants() {
        TokenBucket b = new TokenBucket(0);
        assertThat(b.tryTake(Long.MAX_VALUE / 2, 0)).isTrue();
        assertThat(b.delayFor(1 << 30, 0)).isZero();
    }

    @Test
    void limitsToTheRateOverTime() {
        TokenBucket b = new TokenBucket(100_000);
        long granted = 0;
        for (long t = 0; t <= 10_000; t += 10) {
            while (b.tryTake(16_384, t)) {
                granted += 16_384;
            }
        }
        // 10 s at 100 kB/s plus the initial burst of one second's worth, within one block
        assertThat(granted).isBetween(1_100_000L - 16_384, 1_100_000L + 16_384);
    }

    @Test
    void delayTellsWhenTheNextBlockFits() {
        TokenBucket b = new TokenBucket(100_000);
        while (b.tryTake(16_384, 0)) {
            // drain the burst
        }
        long d = b.delayFor(16_384, 0);
        assertThat(d).isBetween(1L, 164L);
        assertThat(b.tryTake(16_384, d)).isTrue();
    }
}
