package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plays the engine's side of the {@link ChokePolicy} contract over many rounds: builds snapshots, asks the policy,
 * applies the decision (stateSinceRound on every change, lastOptimisticRound on every new optimistic grant).
 * One round is 10 s of connection age.
 */
final class ChokeSimulator {
    static final class Peer {
        final String key;
        boolean interested = true;
        long downloadRate;
        long uploadRate;
        boolean seed;
        boolean snubbed;
        long connectedRound;
        boolean unchoked;
        boolean optimistic;
        long stateSinceRound;
        long lastOptimisticRound = PeerSnapshot.NEVER;

        Peer(String key, long round) {
            this.key = key;
            this.connectedRound = round;
            this.stateSinceRound = round;
        }
    }

    private final ChokePolicy policy;
    private final Random random;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private long round;

    ChokeSimulator(ChokePolicy policy, long seed) {
        this.policy = policy;
        this.random = new Random(seed);
    }

    Peer add(String key) {
        Peer p = new Peer(key, round);
        peers.put(key, p);
        return p;
    }

    Peer peer(String key) {
        return peers.get(key);
    }

    long round() {
        return round;
    }

    /** Runs one round and returns the decision applied. */
    ChokeDecision<String> step(boolean seeding, int regular, int optimistic) {
        List<PeerSnapshot<String>> snaps = new ArrayList<>();
        for (Peer p : peers.values()) {
            snaps.add(new PeerSnapshot<>(p.key, p.interested, p.unchoked, p.optimistic, p.downloadRate, p.uploadRate,
                    p.seed, p.snubbed, (round - p.connectedRound) * 10_000, p.stateSinceRound,
                    p.lastOptimisticRound, 0, 0));
        }
        ChokeDecision<String> d = policy.decide(snaps, new ChokeContext(seeding, regular, optimistic, round, random));
        for (Peer p : peers.values()) {
            boolean now = d.isUnchoked(p.key);
            boolean opt = d.optimistic().contains(p.key);
            if (now != p.unchoked) {
                p.stateSinceRound = round;
            }
            if (opt && !p.optimistic) {
                p.lastOptimisticRound = round;
            }
            p.unchoked = now;
            p.optimistic = opt;
        }
        round++;
        return d;
    }
}
