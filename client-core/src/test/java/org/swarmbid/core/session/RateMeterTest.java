package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    @Test
    void averagesCompletedSecondsOfTheWindow() {
        RateMeter m = new RateMeter(5);
        m.add(1000, 0);
        m.add(1000, 1_500);
        m.add(2000, 2_100);
        // at t=3.0 s the completed seconds in the window are 0,1,2 (+ one empty)
        assertThat(m.rate(3_000)).isEqualTo(4000 / 4);
        assertThat(m.total()).isEqualTo(4000);
        // ten seconds later everything has slid out
        assertThat(m.rate(13_000)).isZero();
        assertThat(m.total()).isEqualTo(4000);
    }

    @Test
    void partialCurrentSecondIsNotCounted() {
        RateMeter m = new RateMeter(3);
        m.add(9999, 10_000);
        assertThat(m.rate(10_900)).isZero();
        assertThat(m.rate(11_000)).isEqualTo(9999 / 2);
    }
}
