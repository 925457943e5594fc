package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Seeding choker: rotates the regular slots among all interested peers, so each gets service in turn, and within
 * that favours the peers we upload to fastest. It follows the idea of libtorrent's round-robin seed choking
 * (unchoked peers give up their slot after a fair turn), not its code.
 *
 * <p>Rank order for the regular slots:
 * <ol>
 *   <li>peers in a regular slot whose turn is not over ({@code turnRounds} rounds since they were unchoked),
 *       fastest upload first;</li>
 *   <li>interested peers not in a regular slot, longest waiting first ({@code stateSinceRound} ascending), then
 *       fastest upload;</li>
 *   <li>peers whose turn is over, fastest upload first: they keep their slot only when nobody is waiting.</li>
 * </ol>
 * Seeds are never unchoked (they want nothing). With {@code n} interested peers and {@code s} regular slots each
 * peer waits at most about {@code ceil((n - s) / s) * turnRounds} rounds. Optimistic slots are filled by
 * {@link OptimisticUnchoke} on top.
 */
public final class SeedChoker implements ChokePolicy {
    private final OptimisticUnchoke optimistic;
    private final int turnRounds;

    /**
     * @param turnRounds rounds a regular slot is held before it can pass to a waiting peer, &gt;= 1
     */
    public SeedChoker(OptimisticUnchoke optimistic, int turnRounds) {
        this.optimistic = Objects.requireNonNull(optimistic, "optimistic");
        if (turnRounds < 1) {
            throw new IllegalArgumentException("turn of " + turnRounds + " rounds");
        }
        this.turnRounds = turnRounds;
    }

    /** Mainline optimistic unchoke and a turn of 3 rounds (30 s at a 10 s round). */
    public SeedChoker() {
        this(OptimisticUnchoke.MAINLINE, 3);
    }

    @Override
    public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
        long round = context.round();
        List<PeerSnapshot<K>> inTurn = new ArrayList<>();
        List<PeerSnapshot<K>> waiting = new ArrayList<>();
        List<PeerSnapshot<K>> turnOver = new ArrayList<>();
        for (PeerSnapshot<K> p : peers) {
            if (!p.interested() || p.seed()) {
                continue;
            }
            boolean regular = p.unchoked() && !p.optimistic();
            if (!regular) {
                waiting.add(p);
            } else if (p.roundsInState(round) < turnRounds) {
                inTurn.add(p);
            } else {
                turnOver.add(p);
            }
        }
        Comparator<PeerSnapshot<K>> fastest = Comparator.<PeerSnapshot<K>>comparingLong(PeerSnapshot::uploadRate)
                .reversed();
        inTurn.sort(fastest);
        waiting.sort(Comparator.<PeerSnapshot<K>>comparingLong(PeerSnapshot::stateSinceRound).thenComparing(fastest));
        turnOver.sort(fastest);
        List<K> regular = new ArrayList<>();
        for (List<PeerSnapshot<K>> group : List.of(inTurn, waiting, turnOver)) {
            for (int i = 0; i < group.size() && regular.size() < context.regularSlots(); i++) {
                regular.add(group.get(i).key());
            }
        }
        Set<K> taken = new HashSet<>(regular);
        return ChokeDecision.of(regular, optimistic.choose(peers, taken, context));
    }
}
