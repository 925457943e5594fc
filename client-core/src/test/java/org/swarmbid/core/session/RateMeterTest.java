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
        // at t=3.0 s the completed seconds since the first byte are 0,1,2
        assertThat(m.rate(3_000)).isEqualTo(4000 / 3);
        // at t=5.0 s the window is full: 0 (slid out), 1..4 of which 3 and 4 are empty
        assertThat(m.rate(5_000)).isEqualTo(3000 / 4);
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
        assertThat(m.rate(11_000)).isEqualTo(9999);
        assertThat(m.rate(12_000)).isEqualTo(9999 / 2);
    }

    @Test
    void aYoungMeterAveragesOnlyTheSecondsSinceItsFirstByte() {
        RateMeter m = new RateMeter(6);
        assertThat(m.rate(100_000)).isZero(); // created long before the first byte: the idle time does not count
        m.add(300_000_000, 100_500);
        assertThat(m.rate(100_999)).isZero();
        assertThat(m.rate(101_000)).isEqualTo(300_000_000);
        m.add(400_000_000, 101_500);
        assertThat(m.rate(102_000)).isEqualTo(350_000_000);
        // idle past the window, then a new burst: measured over the whole window again
        m.add(600_000_000, 200_100);
        assertThat(m.rate(201_000)).isEqualTo(600_000_000 / 5);
    }
}
