package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * The incrementally kept rarest-first order must always equal what a brute-force sort of the model would give:
 * exactly the unverified pieces with priority &gt; 0, sorted by priority descending then availability ascending.
 */
class RarestOrderPropertyTest {

    @Property(tries = 300)
    void orderMatchesBruteForceAfterRandomChurn(@ForAll long seed) {
        Random r = new Random(seed);
        int pieces = 1 + r.nextInt(150);
        PieceGeometry g = new PieceGeometry((long) pieces * 16384, 16384);
        PiecePicker<Integer> picker = new PiecePicker<>(g, new Bitfield(pieces), new PickerConfig(0, 2), new Random(seed));
        Map<Integer, Bitfield> peers = new HashMap<>();
        int[] prio = new int[pieces];
        Arrays.fill(prio, PiecePicker.DEFAULT_PRIORITY);
        Bitfield verified = new Bitfield(pieces);
        int nextPeer = 0;
        for (int step = 0; step < 400; step++) {
            int op = r.nextInt(100);
            if (op < 15 || peers.isEmpty()) { // a peer arrives
                int id = nextPeer++;
                int kind = r.nextInt(10);
                Bitfield b = new Bitfield(pieces);
                if (kind == 0) {
                    picker.peerHaveAll(id);
                    b.setAll();
                } else if (kind == 1) {
                    picker.peerHaveNone(id);
                } else {
                    double density = r.nextDouble();
                    for (int i = 0; i < pieces; i++) {
                        if (r.nextDouble() < density) {
                            b.set(i);
                        }
                    }
                    picker.peerBitfield(id, b);
                }
                peers.put(id, b);
            } else if (op < 65) { // a have
                List<Integer> ids = new ArrayList<>(peers.keySet());
                int id = ids.get(r.nextInt(ids.size()));
                int piece = r.nextInt(pieces);
                if (peers.get(id).set(piece)) {
                    picker.peerHave(id, piece);
                }
            } else if (op < 75) { // a peer leaves
                List<Integer> ids = new ArrayList<>(peers.keySet());
                int id = ids.get(r.nextInt(ids.size()));
                picker.peerLeft(id, peers.remove(id));
            } else if (op < 85) { // a priority changes
                int piece = r.nextInt(pieces);
                prio[piece] = r.nextInt(8);
                picker.setPriority(piece, prio[piece]);
            } else if (op < 90) { // a piece is verified
                int piece = r.nextInt(pieces);
                verified.set(piece);
                picker.piecePassed(piece);
            } else { // a pick, which rebuilds a stale order
                Bitfield all = Bitfield.full(pieces);
                picker.pick(-1, all, 1 + r.nextInt(4));
            }
            if (step % 7 == 0 || step == 399) {
                check(picker, pieces, peers, prio, verified);
            }
        }
    }

    private static void check(PiecePicker<Integer> picker, int pieces, Map<Integer, Bitfield> peers,
                              int[] prio, Bitfield verified) {
        int[] avail = new int[pieces];
        for (Bitfield b : peers.values()) {
            for (int p = b.nextSet(0); p >= 0; p = b.nextSet(p + 1)) {
                avail[p]++;
            }
        }
        for (int p = 0; p < pieces; p++) {
            assertThat(picker.availability(p)).as("availability of %d", p).isEqualTo(avail[p]);
        }
        int[] order = picker.rarestOrder();
        int expectedCount = 0;
        for (int p = 0; p < pieces; p++) {
            if (prio[p] > 0 && !verified.get(p)) {
                expectedCount++;
            }
        }
        assertThat(order).hasSize(expectedCount).doesNotHaveDuplicates();
        for (int i = 0; i < order.length; i++) {
            int p = order[i];
            assertThat(prio[p]).isPositive();
            assertThat(verified.get(p)).isFalse();
            if (i > 0) {
                int q = order[i - 1];
                assertThat(prio[q] > prio[p] || (prio[q] == prio[p] && avail[q] <= avail[p]))
                        .as("piece %d (prio %d, avail %d) after %d (prio %d, avail %d)",
                                p, prio[p], avail[p], q, prio[q], avail[q])
                        .isTrue();
            }
        }
        assertThat(picker.wantedRemaining()).isEqualTo(expectedCount);
    }
}
