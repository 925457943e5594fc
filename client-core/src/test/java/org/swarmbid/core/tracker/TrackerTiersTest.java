package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerTiersTest {

    @Test
    void shufflesWithinTiersOnlyAndDropsDuplicatesAndEmptyTiers() {
        List<List<String>> list = List.of(List.of("a", "b", "c", "d"), List.of(), List.of("e", "a", "f"));
        TrackerTiers<String> t = TrackerTiers.shuffled(list, new Random(7));
        assertThat(t.tiers()).hasSize(2);
        assertThat(t.tiers().get(0)).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(t.tiers().get(1)).containsExactlyInAnyOrder("e", "f");
        assertThat(t.inOrder().subList(0, 4)).containsExactlyElementsOf(t.tiers().get(0));
        assertThat(t.size()).isEqualTo(6);
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        List<List<String>> list = List.of(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        long distinct = new Random(1).ints(20).mapToObj(seed -> TrackerTiers.shuffled(list, new Random(seed)).inOrder())
                .distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }

    @Test
    void promoteMovesToTheFrontOfItsOwnTier() {
        TrackerTiers<String> t = TrackerTiers.shuffled(List.of(List.of("a"), List.of("b", "c", "d")), new Random(3));
        String last = t.tiers().get(1).get(2);
        t.promote(last);
        assertThat(t.tiers().get(1).get(0)).isEqualTo(last);
        assertThat(t.tiers().get(0)).containsExactly("a");
        assertThat(t.tierOf(last)).isEqualTo(1);
        assertThat(t.tierOf("zzz")).isEqualTo(-1);
        t.promote("zzz");
        assertThat(t.size()).isEqualTo(4);
    }
}
