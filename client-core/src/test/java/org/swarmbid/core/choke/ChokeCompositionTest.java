package org.swarmbid.core.choke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmbid.core.choke.ChokeTable.format;
import static org.swarmbid.core.choke.ChokeTable.peers;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChokeCompositionTest {
    private static final Map<Object, Long> BIDS = Map.of("C", 5L, "E", 9L, "A", 100L, "F", 1L);

    @ParameterizedTest(name = "seed {0}, round {1}")
    @CsvSource({"1, 0", "2, 0", "3, 1", "4, 3", "5, 6", "6, 7"})
    void paidSlotsLeaveRegularAndOptimisticAsTheyWere(long seed, long round) {
        List<PeerSnapshot<String>> snaps = peers(
                "A: int dl=50; B: int dl=40; C: int; D: int opt lastopt=0; E: int; F: notint; G: int dl=1");
        ChokePolicy base = new StandardChoker();
        ChokePolicy paid = new PaidSlotsDecorator(base, BIDS, 2);
        ChokeDecision<String> plain = base.decide(snaps, new ChokeContext(false, 2, 1, round, new Random(seed)));
        ChokeDecision<String> sold = paid.decide(snaps, new ChokeContext(false, 2, 1, round, new Random(seed)));
        assertThat(sold.regular()).isEqualTo(plain.regular()).containsExactly("A", "B");
        assertThat(sold.optimistic()).isEqualTo(plain.optimistic());
        // A bids most but already has a regular slot; F bids but is not interested
        List<String> expectedExtra = plain.optimistic().contains("E") ? List.of("C") : List.of("E", "C");
        if (plain.optimistic().contains("C")) {
            expectedExtra = List.of("E");
        }
        assertThat(sold.extra()).isEqualTo(expectedExtra);
        assertThat(sold.unchoke()).hasSize(3 + expectedExtra.size());
    }

    @Test
    void tableWithPaidSlots() {
        ChokePolicy paid = new PaidSlotsDecorator(new TitForTatChoker(), BIDS, 1);
        ChokeDecision<String> d = paid.decide(peers("A: int dl=50; B: int dl=10; C: int; D: int dl=30; E: int"),
                new ChokeContext(false, 2, 0, 0, new Random(1)));
        assertThat(format(d)).isEqualTo("unchoke A,D opt=- extra=E");
    }

    @Test
    void decoratorsNest() {
        ChokePolicy inner = new PaidSlotsDecorator(new TitForTatChoker(), Map.of("C", 1L), 1);
        ChokePolicy outer = new PaidSlotsDecorator(inner, Map.of("C", 50L, "B", 2L), 1);
        ChokeDecision<String> d = outer.decide(peers("A: int dl=50; B: int; C: int"),
                new ChokeContext(false, 1, 0, 0, new Random(1)));
        assertThat(format(d)).isEqualTo("unchoke A opt=- extra=C,B");
    }

    @Test
    void decisionRules() {
        assertThatThrownBy(() -> new ChokeDecision<>(List.of("A"), List.of("A"), List.of()))
                .hasMessage("peer A named twice in a choke decision");
        ChokeDecision<String> d = ChokeDecision.of(List.of("A", "B"), List.of("C"));
        assertThat(d.withExtra(List.of("B", "D", "D", "E")).extra()).containsExactly("D", "E");
        assertThat(d.unchoke()).containsExactly("A", "B", "C");
        assertThat(d.isUnchoked("C")).isTrue();
        assertThat(d.isUnchoked("D")).isFalse();
        assertThat(ChokeDecision.none().unchoke()).isEmpty();
    }

    @Test
    void snapshotAndContextRules() {
        assertThatThrownBy(() -> PeerSnapshot.builder("A").optimistic(true).build())
                .hasMessage("peer A is optimistic but not unchoked");
        assertThatThrownBy(() -> PeerSnapshot.builder("A").downloadRate(-1).build())
                .hasMessage("peer A has a negative rate, age or byte count");
        assertThatThrownBy(() -> new ChokeContext(false, -1, 1, 0, new Random()))
                .hasMessage("negative slot count: -1 regular, 1 optimistic");
        assertThatThrownBy(() -> new OptimisticUnchoke(0, 1, 1)).hasMessageStartingWith("bad optimistic unchoke");
        assertThat(PeerSnapshot.builder("A").stateSinceRound(4).build().roundsInState(10)).isEqualTo(6);
    }
}
