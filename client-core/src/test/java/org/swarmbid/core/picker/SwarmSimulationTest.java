package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.picker.BlockReceipt.Status;

/**
 * Drives one picker through a whole download against a model swarm (50 peers, 4096 pieces of 16 blocks) with
 * rejects, chokes, departures, late haves and failed hash checks, checking the picker's promises at every step;
 * prints the throughput it reached (a figure, not an assertion).
 */
@Tag("slow")
class SwarmSimulationTest {
    private static final int PIECES = 4096;
    private static final int PEERS = 50;
    private static final int BLOCKS_PER_PIECE = 16;
    private static final int QUEUE = 32;

    @Test
    void downloadsEverythingKeepingItsPromises() {
        Result best = null;
        for (int run = 0; run < 3; run++) {
            Result r = simulate(run);
            if (best == null || r.pickNanos + r.receiveNanos < best.pickNanos + best.receiveNanos) {
                best = r;
            }
        }
        double pickS = best.pickNanos / 1e9;
        double recvS = best.receiveNanos / 1e9;
        System.out.printf("picker: %d pieces x %d peers, best of 3 runs: %d pick calls (%d blocks) in %.0f ms"
                        + " = %.0f picks/s, %.0f blocks/s; %d blockReceived in %.0f ms = %.0f/s;"
                        + " %d end-game duplicates; whole simulation %.0f ms%n",
                PIECES, PEERS, best.pickCalls, best.picked, pickS * 1e3, best.pickCalls / pickS,
                best.picked / pickS, best.received, recvS * 1e3, best.received / recvS, best.duplicates,
                best.wallNanos / 1e6);
    }

    record Result(long picked, long pickCalls, long received, long duplicates, long pickNanos, long receiveNanos,
                  long wallNanos) {
    }

    private Result simulate(long seed) {
        long start = System.nanoTime();
        Random r = new Random(seed);
        PieceGeometry g = new PieceGeometry((long) PIECES * BLOCKS_PER_PIECE * PieceGeometry.BLOCK_SIZE,
                BLOCKS_PER_PIECE * PieceGeometry.BLOCK_SIZE);
        PiecePicker<Integer> picker = new PiecePicker<>(g, new Bitfield(PIECES), PickerConfig.DEFAULT, new Random(seed));
        Bitfield[] has = new Bitfield[PEERS];
        List<ArrayDeque<BlockRequest>> queues = new ArrayList<>();
        for (int p = 0; p < PEERS; p++) {
            has[p] = new Bitfield(PIECES);
            if (p < 3) {
                has[p].setAll();
                picker.peerHaveAll(p);
            } else {
                double density = 0.05 + r.nextDouble() * 0.6;
                for (int i = 0; i < PIECES; i++) {
                    if (r.nextDouble() < density) {
                        has[p].set(i);
                    }
                }
                picker.peerBitfield(p, has[p]);
            }
            queues.add(new ArrayDeque<>());
        }
        Map<BlockRequest, Set<Integer>> holders = new HashMap<>();
        List<BlockRequest> scratch = new ArrayList<>(QUEUE);
        Set<Integer> failedOnce = new HashSet<>();
        long picked = 0;
        long pickCalls = 0;
        long received = 0;
        long duplicates = 0;
        long pickNanos = 0;
        long receiveNanos = 0;
        int step = 0;
        while (picker.wantedRemaining() > 0) {
            assertThat(step++).as("simulation stalled").isLessThan(2_000_000);
            int p = r.nextInt(PEERS);
            ArrayDeque<BlockRequest> q = queues.get(p);
            // fill the pipeline
            if (q.size() < QUEUE) {
                scratch.clear();
                long t = System.nanoTime();
                int n = picker.pick(p, has[p], QUEUE - q.size(), scratch);
                pickNanos += System.nanoTime() - t;
                pickCalls++;
                picked += n;
                assertThat(scratch).hasSize(n);
                for (BlockRequest b : scratch) {
                    assertThat(has[p].get(b.piece())).isTrue();
                    assertThat(picker.hasPiece(b.piece())).isFalse();
                    Set<Integer> h = holders.computeIfAbsent(b, k -> new HashSet<>());
                    assertThat(h.add(p)).as("same block twice to one peer").isTrue();
                    if (h.size() > 1) {
                        assertThat(picker.isEndGame()).as("duplicate request outside end game").isTrue();
                        assertThat(h.size()).isLessThanOrEqualTo(PickerConfig.DEFAULT.endGameRequestsPerBlock());
                        duplicates++;
                    }
                    q.add(b);
                }
                assertThat(picker.requestCount(p)).isEqualTo(q.size());
            }
            if (q.isEmpty()) {
                continue;
            }
            int event = r.nextInt(1000);
            if (event < 5) { // rejected (BEP 6)
                BlockRequest b = q.poll();
                holders.get(b).remove(p);
                assertThat(picker.returnRequest(p, b)).isTrue();
            } else if (event < 7) { // choked without BEP 6
                assertThat(picker.peerChoked(p)).isEqualTo(q.size());
                for (BlockRequest b : q) {
                    holders.get(b).remove(p);
                }
                q.clear();
            } else if (event < 8 && p >= 3) { // leaves and a new peer takes its place with fresh pieces
                assertThat(picker.peerLeft(p, has[p])).isEqualTo(q.size());
                for (BlockRequest b : q) {
                    holders.get(b).remove(p);
                }
                q.clear();
                has[p] = new Bitfield(PIECES);
                for (int i = 0; i < PIECES; i++) {
                    if (r.nextInt(3) == 0) {
                        has[p].set(i);
                    }
                }
                picker.peerBitfield(p, has[p]);
            } else {
                BlockRequest b = q.poll();
                holders.get(b).remove(p);
                long t = System.nanoTime();
                BlockReceipt<Integer> receipt = picker.blockReceived(p, b.piece(), b.begin(), b.length());
                receiveNanos += System.nanoTime() - t;
                assertThat(receipt.status().isNew()).as("block %s from %d: %s", b, p, receipt).isTrue();
                received++;
                for (Integer other : receipt.cancel()) {
                    assertThat(queues.get(other).remove(b)).isTrue();
                    holders.get(b).remove(other);
                }
                assertThat(holders.get(b)).isEmpty();
                if (receipt.status() == Status.PIECE_COMPLETE) {
                    if (r.nextInt(200) == 0 && failedOnce.add(b.piece())) {
                        assertThat(picker.pieceFailed(b.piece())).contains(p);
                    } else {
                        picker.piecePassed(b.piece());
                    }
                }
                // churn: some peer announces a piece it got meanwhile
                int o = 3 + r.nextInt(PEERS - 3);
                int piece = r.nextInt(PIECES);
                if (has[o].set(piece)) {
                    picker.peerHave(o, piece);
                }
            }
        }
        assertThat(picker.verified().isComplete()).isTrue();
        assertThat(picker.partialCount()).isZero();
        return new Result(picked, pickCalls, received, duplicates, pickNanos, receiveNanos,
                System.nanoTime() - start);
    }
}
