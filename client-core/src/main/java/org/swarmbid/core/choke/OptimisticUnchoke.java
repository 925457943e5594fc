package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chooses the optimistic unchokes, after BitTorrent mainline: the slot rotates every {@code periodRounds} rounds
 * (3 rounds = 30 s at a 10 s round) to a random interested non-seed peer not already in a regular slot; a peer
 * connected for less than {@code newPeerMillis} is {@code newPeerWeight} times as likely to be chosen (3x in
 * mainline), so a newcomer with nothing to trade soon gets a first piece. Between rotations the current optimistic
 * peers keep their slots while they stay interested; a slot freed early (the peer lost interest, left, or moved
 * up to a regular slot) is refilled at once. The peer that just held a slot is not chosen again at the next
 * rotation unless nobody else is eligible.
 *
 * @param periodRounds  rounds between rotations, &gt;= 1
 * @param newPeerMillis a peer connected for less than this counts as new
 * @param newPeerWeight selection weight of a new peer (others weigh 1), &gt;= 1
 */
public record OptimisticUnchoke(int periodRounds, long newPeerMillis, int newPeerWeight) {
    /** Rotate every 3 rounds; peers connected less than 30 s are 3x as likely. */
    public static final OptimisticUnchoke MAINLINE = new OptimisticUnchoke(3, 30_000, 3);

    public OptimisticUnchoke {
        if (periodRounds < 1 || newPeerMillis < 0 || newPeerWeight < 1) {
            throw new IllegalArgumentException("bad optimistic unchoke settings: period " + periodRounds
                    + ", new peer " + newPeerMillis + " ms, weight " + newPeerWeight);
        }
    }

    /** True if {@code round} starts a new optimistic period. */
    public boolean rotates(long round) {
        return Math.floorMod(round, (long) periodRounds) == 0;
    }

    /**
     * Picks up to {@code context.optimisticSlots()} interested peers whose keys are not in {@code taken}.
     *
     * @return the chosen keys: kept ones first (in input order), then fresh picks in order of choice
     */
    public <K> List<K> choose(List<PeerSnapshot<K>> peers, Set<K> taken, ChokeContext context) {
        int slots = context.optimisticSlots();
        List<K> chosen = new ArrayList<>(slots);
        if (slots == 0) {
            return chosen;
        }
        long round = context.round();
        boolean rotate = rotates(round);
        List<PeerSnapshot<K>> pool = new ArrayList<>();
        for (PeerSnapshot<K> p : peers) {
            if (!p.interested() || p.seed() || taken.contains(p.key())) {
                continue;
            }
            if (!rotate && p.optimistic() && chosen.size() < slots) {
                chosen.add(p.key());
            } else {
                pool.add(p);
            }
        }
        // peers granted a slot within the last period sit out this draw, unless there is nobody else
        List<PeerSnapshot<K>> fresh = new ArrayList<>(pool.size());
        for (PeerSnapshot<K> p : pool) {
            if (!heldRecently(p, round)) {
                fresh.add(p);
            }
        }
        drawWeighted(fresh, slots, chosen, context);
        if (chosen.size() < slots) {
            pool.removeIf(p -> chosen.contains(p.key()));
            drawWeighted(pool, slots, chosen, context);
        }
        return chosen;
    }

    private boolean heldRecently(PeerSnapshot<?> p, long round) {
        return p.lastOptimisticRound() != PeerSnapshot.NEVER && round - p.lastOptimisticRound() <= periodRounds;
    }

    private <K> void drawWeighted(List<PeerSnapshot<K>> pool, int slots, List<K> chosen, ChokeContext context) {
        List<PeerSnapshot<K>> left = new ArrayList<>(pool);
        while (chosen.size() < slots && !left.isEmpty()) {
            int total = 0;
            for (PeerSnapshot<K> p : left) {
                total += weight(p);
            }
            int r = context.random().nextInt(total);
            for (int i = 0; i < left.size(); i++) {
                r -= weight(left.get(i));
                if (r < 0) {
                    chosen.add(left.remove(i).key());
                    break;
                }
            }
        }
    }

    private int weight(PeerSnapshot<?> p) {
        return p.connectedMillis() < newPeerMillis ? newPeerWeight : 1;
    }
}
