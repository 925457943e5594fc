package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestQueueSizeTest {

    @ParameterizedTest(name = "{0} B/s -> {1}")
    @CsvSource({
        // rate (B/s), depth with 3 s, [4, 500]
        "0,          4",
        "-5,         4",
        "10000,      4",     // 30 000 B = 1.8 blocks
        "21846,      5",     // 65 538 B -> just over 4 blocks -> 5
        "163840,     30",    // 480 KiB = 30 blocks
        "1000000,    184",   // 3 000 000 / 16384 = 183.1 -> 184
        "2730666,    500",   // 8 191 998 B = 499.99 blocks
        "10000000,   500",
        "9223372036854775807, 500",
    })
    void coversQueueTimeOfDownload(long rate, int depth) {
        assertThat(RequestQueueSize.DEFAULT.depthFor(rate)).isEqualTo(depth);
    }

    @Test
    void customBounds() {
        RequestQueueSize q = new RequestQueueSize(1.0, 2, 10);
        assertThat(q.depthFor(0)).isEqualTo(2);
        assertThat(q.depthFor(5 * 16384)).isEqualTo(5);
        assertThat(q.depthFor(50 * 16384)).isEqualTo(10);
        assertThatThrownBy(() -> new RequestQueueSize(0, 2, 10)).hasMessageContaining("not a positive number");
        assertThatThrownBy(() -> new RequestQueueSize(Double.NaN, 2, 10)).hasMessageContaining("not a positive");
        assertThatThrownBy(() -> new RequestQueueSize(1, 5, 4)).hasMessage("bad queue bounds [5, 4]");
    }

    @Test
    void slowStartAddsOneRequestPerBlockUntilARateIsMeasured() {
        RequestQueueSize q = new RequestQueueSize(3.0, 16, 1000);
        assertThat(q.depthFor(0, 0)).isEqualTo(16);
        assertThat(q.depthFor(0, 1)).isEqualTo(17);
        assertThat(q.depthFor(0, 500)).isEqualTo(516);
        assertThat(q.depthFor(0, 5_000_000)).isEqualTo(1000);
        // once a rate is measured it alone decides, also downwards (a slow peer)
        assertThat(q.depthFor(16384, 500)).isEqualTo(q.depthFor(16384)).isEqualTo(16);
        assertThat(q.depthFor(50 * 16384, 500)).isEqualTo(150);
        assertThat(q.depthFor(-1, 0)).isEqualTo(16);
    }
}
