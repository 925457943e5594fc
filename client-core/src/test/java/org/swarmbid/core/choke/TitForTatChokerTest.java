package org.swarmbid.core.choke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.core.choke.ChokeTable.format;
import static org.swarmbid.core.choke.ChokeTable.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitForTatChokerTest {
    private final ChokePolicy policy = new TitForTatChoker();

    @ParameterizedTest(name = "[{0}/{1} r{2}] {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        // regular | optimistic | round | peers                                                | decision
        "2 | 1 | 0 | A: int dl=50; B: int dl=10; C: notint dl=99; D: int dl=30               | unchoke A,D opt=B",
        // a snubbed peer loses its slot even though it was fastest
        "2 | 0 | 0 | A: int dl=100 snub unchoked; B: int dl=10; C: int dl=5                   | unchoke B,C opt=-",
        // ... but may still be the optimistic unchoke
        "1 | 1 | 0 | A: int dl=100 snub; B: int dl=10                                        | unchoke B opt=A",
        // equal rates: the incumbent keeps its slot (no churn)
        "1 | 0 | 0 | A: int dl=10; B: int dl=10 unchoked; C: int dl=10                       | unchoke B opt=-",
        "1 | 0 | 0 | A: int; B: int; C: int                                                  | unchoke A opt=-",
        // fewer interested peers than slots
        "4 | 1 | 0 | A: int dl=1; B: notint                                                  | unchoke A opt=-",
        // a seed is not interested in a leecher
        "1 | 1 | 0 | S: notint seed dl=500; A: int                                           | unchoke A opt=-",
        // between rotations the optimistic peer keeps its slot
        "2 | 1 | 1 | A: int dl=50; B: int dl=10; C: int; D: int opt lastopt=0                 | unchoke A,B opt=D",
        "2 | 1 | 2 | A: int dl=50; B: int dl=10; C: int; D: int opt lastopt=0                 | unchoke A,B opt=D",
        // the optimistic peer earned a regular slot: the optimistic slot is refilled at once
        "2 | 1 | 1 | A: int dl=50; D: int dl=40 opt lastopt=0; B: int dl=1                    | unchoke A,D opt=B",
        // the optimistic peer lost interest: refilled
        "1 | 1 | 1 | A: int dl=50; D: notint opt lastopt=0; B: int                             | unchoke A opt=B",
        // at a rotation the previous holder sits out when someone else can take it
        "1 | 1 | 3 | A: int dl=50; D: int opt lastopt=0; B: int                                | unchoke A opt=B",
        "1 | 1 | 3 | A: int dl=50; D: int opt lastopt=0                                        | unchoke A opt=D",
        "0 | 0 | 0 | A: int dl=50                                                             | unchoke - opt=-",
    })
    void table(int regular, int optimistic, long round, String table, String expected) {
        ChokeDecision<String> d = policy.decide(peers(table), new ChokeContext(false, regular, optimistic, round,
                new Random(42)));
        assertThat(format(d)).isEqualTo(expected.trim());
    }

    @Test
    void optimisticSlotRotatesEveryThreeRoundsAmongChokedInterestedPeers() {
        ChokeSimulator sim = new ChokeSimulator(policy, 7);
        for (String k : List.of("A", "B", "C", "D", "E", "F")) {
            sim.add(k);
        }
        sim.peer("A").downloadRate = 900;
        sim.peer("B").downloadRate = 800;
        sim.peer("C").downloadRate = 5;
        List<String> opts = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            ChokeDecision<String> d = sim.step(false, 2, 1);
            assertThat(d.regular()).containsExactly("A", "B");
            assertThat(d.optimistic()).hasSize(1).doesNotContain("A", "B");
            opts.add(d.optimistic().get(0));
        }
        for (int r = 1; r < 60; r++) {
            if (r % 3 == 0) {
                assertThat(opts.get(r)).as("round %d rotates to someone new", r).isNotEqualTo(opts.get(r - 1));
            } else {
                assertThat(opts.get(r)).as("round %d keeps the slot", r).isEqualTo(opts.get(r - 1));
            }
        }
        assertThat(new HashSet<>(opts)).containsExactlyInAnyOrder("C", "D", "E", "F");
    }

    @Test
    void sameSeedSameDecisions() {
        List<String> first = run(11);
        assertThat(run(11)).isEqualTo(first);
        assertThat(run(12)).isNotEqualTo(first);
    }

    private List<String> run(long seed) {
        ChokeSimulator sim = new ChokeSimulator(policy, seed);
        for (String k : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
            sim.add(k);
        }
        List<String> out = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            out.add(format(sim.step(false, 2, 1)));
        }
        return out;
    }

    @Test
    void newlyConnectedPeersAreThreeTimesAsLikely() {
        List<PeerSnapshot<String>> snaps = peers("A: int; B: int; C: int; N: int age=5");
        Random random = new Random(3);
        Map<String, Integer> wins = new HashMap<>();
        int draws = 6000;
        for (int i = 0; i < draws; i++) {
            ChokeDecision<String> d = policy.decide(snaps, new ChokeContext(false, 0, 1, 0, random));
            wins.merge(d.optimistic().get(0), 1, Integer::sum);
        }
        // weights 3:1:1:1 -> N wins half the draws, each old peer a sixth
        assertThat(wins.get("N") / (double) draws).isBetween(0.46, 0.54);
        for (String k : List.of("A", "B", "C")) {
            assertThat(wins.get(k) / (double) draws).isBetween(0.14, 0.19);
        }
    }

    @Test
    void snubbedPeerGetsItsSlotBackWhenItDeliversAgain() {
        ChokeSimulator sim = new ChokeSimulator(policy, 1);
        sim.add("A").downloadRate = 100;
        sim.add("B").downloadRate = 50;
        sim.add("C").downloadRate = 10;
        assertThat(sim.step(false, 2, 0).regular()).containsExactly("A", "B");
        sim.peer("A").snubbed = true;
        assertThat(sim.step(false, 2, 0).regular()).containsExactly("B", "C");
        assertThat(sim.peer("A").unchoked).isFalse();
        sim.peer("A").snubbed = false;
        assertThat(sim.step(false, 2, 0).regular()).containsExactly("A", "B");
    }

    @Test
    void standardChokerSwitchesOnSeeding() {
        String table = "A: int dl=99 ul=1; B: int dl=1 ul=99";
        ChokePolicy standard = new StandardChoker();
        assertThat(format(standard.decide(peers(table), new ChokeContext(false, 1, 0, 0, new Random(1)))))
                .isEqualTo("unchoke A opt=-");
        assertThat(format(standard.decide(peers(table), new ChokeContext(true, 1, 0, 0, new Random(1)))))
                .isEqualTo("unchoke B opt=-");
        Set<String> none = standard.decide(peers("A: notint; B: notint"), new ChokeContext(true, 4, 1, 0,
                new Random(1))).unchoke();
        assertThat(none).isEmpty();
    }
}
