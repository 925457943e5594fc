package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void addsRemovesAndGrows() {
        LongSet s = new LongSet(4);
        for (long k = 0; k < 1000; k++) {
            assertThat(s.add((k << 32) | (k % 64))).isTrue();
        }
        assertThat(s.size()).isEqualTo(1000);
        assertThat(s.add(5L << 32 | 5)).isFalse();
        assertThat(s.contains(7L << 32 | 7)).isTrue();
        assertThat(s.remove(7L << 32 | 7)).isTrue();
        assertThat(s.remove(7L << 32 | 7)).isFalse();
        assertThat(s.contains(7L << 32 | 7)).isFalse();
        assertThat(s.size()).isEqualTo(999);
        assertThat(s.toArray()).hasSize(999).doesNotContain(7L << 32 | 7);
        s.clear();
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.contains(0)).isFalse();
    }

    @Test
    void refusesTheFreeMarker() {
        LongSet s = new LongSet();
        assertThatThrownBy(() -> s.add(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.contains(Long.MIN_VALUE)).isFalse();
        assertThat(s.remove(Long.MIN_VALUE)).isFalse();
    }

    /** Removal shifts probe runs back: colliding keys (all in a small range) must all stay findable. */
    @Property(tries = 300)
    void behavesLikeAHashSet(@ForAll @Size(max = 400) List<@IntRange(min = -40, max = 40) Integer> ops) {
        LongSet s = new LongSet(4);
        Set<Long> ref = new HashSet<>();
        for (int op : ops) {
            long key = ((long) Math.abs(op) << 32) | (Math.abs(op) * 16384L);
            if (op >= 0) {
                assertThat(s.add(key)).isEqualTo(ref.add(key));
            } else {
                assertThat(s.remove(key)).isEqualTo(ref.remove(key));
            }
            assertThat(s.size()).isEqualTo(ref.size());
        }
        for (long k = 0; k <= 40; k++) {
            long key = (k << 32) | (k * 16384L);
            assertThat(s.contains(key)).isEqualTo(ref.contains(key));
        }
        assertThat(java.util.Arrays.stream(s.toArray()).boxed().toList()).containsExactlyInAnyOrderElementsOf(ref);
    }
}
