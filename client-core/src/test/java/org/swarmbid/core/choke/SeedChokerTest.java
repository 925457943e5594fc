package org.swarmbid.core.choke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmbid.core.choke.ChokeTable.format;
import static org.swarmbid.core.choke.ChokeTable.peers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedChokerTest {
    private final ChokePolicy policy = new SeedChoker();

    @ParameterizedTest(name = "[{0}/{1} r{2}] {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        // regular | optimistic | round | peers                                                | decision
        // in its turn (unchoked 1 round ago, turn is 3) A keeps the slot although B is faster
        "1 | 0 | 1 | A: int ul=10 unchoked since=0; B: int ul=99; C: int ul=50               | unchoke A opt=-",
        // turn over: the waiting peers come first, fastest among equally long waits
        "1 | 0 | 3 | A: int ul=10 unchoked since=0; B: int ul=99; C: int ul=50               | unchoke B opt=-",
        // longest waiting first
        "1 | 0 | 3 | A: int unchoked since=0; B: int since=2 ul=99; C: int since=1 ul=1        | unchoke C opt=-",
        // nobody waiting: a peer whose turn is over keeps its slot
        "1 | 0 | 9 | A: int unchoked since=0 ul=5; B: notint                                 | unchoke A opt=-",
        // several in turn: fastest first; spare slots go to waiting peers, then to expired ones
        "3 | 0 | 4 | A: int unchoked since=3 ul=1; B: int unchoked since=2 ul=9; C: int; D: int unchoked since=0 ul=99 | unchoke B,A,C opt=-",
        "4 | 0 | 4 | A: int unchoked since=3 ul=1; B: int unchoked since=2 ul=9; C: int; D: int unchoked since=0 ul=99 | unchoke B,A,C,D opt=-",
        // seeds and uninterested peers get nothing
        "2 | 1 | 0 | S: int seed; A: int; X: notint                                          | unchoke A opt=-",
        "1 | 1 | 0 | A: int ul=9; B: int ul=1                                                | unchoke A opt=B",
    })
    void table(int regular, int optimistic, long round, String table, String expected) {
        ChokeDecision<String> d = policy.decide(peers(table), new ChokeContext(true, regular, optimistic, round,
                new Random(42)));
        assertThat(format(d)).isEqualTo(expected.trim());
    }

    @Test
    void everyInterestedPeerGetsServiceInTurn() {
        ChokeSimulator sim = new ChokeSimulator(policy, 5);
        int n = 10;
        for (int i = 0; i < n; i++) {
            sim.add("P" + i).uploadRate = 1000L * (i + 1); // very unequal rates
        }
        Map<String, Integer> regularRounds = new HashMap<>();
        Map<String, Long> lastServed = new HashMap<>();
        long worstWait = 0;
        for (int r = 0; r < 120; r++) {
            ChokeDecision<String> d = sim.step(true, 3, 1);
            assertThat(d.regular()).hasSize(3);
            assertThat(d.optimistic()).hasSize(1);
            for (String k : d.regular()) {
                regularRounds.merge(k, 1, Integer::sum);
            }
            for (int i = 0; i < n; i++) {
                String k = "P" + i;
                if (d.isUnchoked(k)) {
                    lastServed.put(k, (long) r);
                } else {
                    worstWait = Math.max(worstWait, r - lastServed.getOrDefault(k, -1L));
                }
            }
        }
        // 10 peers, 3 regular slots, turns of 3 rounds: each waits at most ceil(7/3) * 3 = 9 rounds
        assertThat(worstWait).isLessThanOrEqualTo(9);
        assertThat(regularRounds).hasSize(n);
        int min = regularRounds.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = regularRounds.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        // 120 rounds x 3 slots = 360 slot-rounds, 36 each if perfectly even
        assertThat(min).isGreaterThanOrEqualTo(27);
        assertThat(max).isLessThanOrEqualTo(45);
    }

    @Test
    void withSpareCapacityEveryoneIsServedEveryRound() {
        ChokeSimulator sim = new ChokeSimulator(policy, 5);
        for (String k : List.of("A", "B", "C")) {
            sim.add(k);
        }
        for (int r = 0; r < 10; r++) {
            assertThat(sim.step(true, 4, 1).unchoke()).containsExactlyInAnyOrder("A", "B", "C");
        }
    }

    @Test
    void rejectsBadTurn() {
        assertThatThrownBy(() -> new SeedChoker(OptimisticUnchoke.MAINLINE, 0)).hasMessage("turn of 0 rounds");
    }
}
