package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Leeching choker (BEP 3's tit-for-tat, as mainline does it): the regular slots go to the interested peers that
 * upload to us fastest. A snubbed peer loses its regular slot (mainline's anti-snubbing) and can only come back
 * through an optimistic unchoke or by sending data again. Seeds are never unchoked: they want nothing. Ties go to a peer already unchoked (no churn), then to
 * the earlier peer in the input. Optimistic slots are filled by {@link OptimisticUnchoke}.
 */
public final class TitForTatChoker implements ChokePolicy {
    private final OptimisticUnchoke optimistic;

    public TitForTatChoker(OptimisticUnchoke optimistic) {
        this.optimistic = Objects.requireNonNull(optimistic, "optimistic");
    }

    public TitForTatChoker() {
        this(OptimisticUnchoke.MAINLINE);
    }

    @Override
    public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
        List<PeerSnapshot<K>> candidates = new ArrayList<>();
        for (PeerSnapshot<K> p : peers) {
            if (p.interested() && !p.snubbed() && !p.seed()) {
                candidates.add(p);
            }
        }
        Comparator<PeerSnapshot<K>> byRate = Comparator.comparingLong(PeerSnapshot::downloadRate);
        Comparator<PeerSnapshot<K>> incumbent = Comparator.comparing(p -> p.unchoked() && !p.optimistic());
        candidates.sort(byRate.reversed().thenComparing(incumbent.reversed()));
        List<K> regular = new ArrayList<>();
        for (int i = 0; i < candidates.size() && regular.size() < context.regularSlots(); i++) {
            regular.add(candidates.get(i).key());
        }
        Set<K> taken = new HashSet<>(regular);
        return ChokeDecision.of(regular, optimistic.choose(peers, taken, context));
    }
}
