package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The peers to unchoke this round, by kind of slot; every connected peer not named is choked. The three lists are
 * disjoint and each is in rank order (best first).
 *
 * @param regular    peers in regular slots (tit-for-tat while leeching, rotation while seeding)
 * @param optimistic peers in optimistic slots
 * @param extra      peers unchoked on top of both by a decorating policy (e.g. slots a plugin sells)
 * @param <K> peer key type
 */
public record ChokeDecision<K>(List<K> regular, List<K> optimistic, List<K> extra) {
    public ChokeDecision {
        regular = List.copyOf(regular);
        optimistic = List.copyOf(optimistic);
        extra = List.copyOf(extra);
        Set<K> seen = new HashSet<>();
        for (List<K> list : List.of(regular, optimistic, extra)) {
            for (K k : list) {
                if (!seen.add(k)) {
                    throw new IllegalArgumentException("peer " + k + " named twice in a choke decision");
                }
            }
        }
    }

    /** A decision with no extra slots. */
    public static <K> ChokeDecision<K> of(List<K> regular, List<K> optimistic) {
        return new ChokeDecision<>(regular, optimistic, List.of());
    }

    /** Chokes everybody. */
    public static <K> ChokeDecision<K> none() {
        return new ChokeDecision<>(List.of(), List.of(), List.of());
    }

    /** Every peer to unchoke: regular, then optimistic, then extra. */
    public Set<K> unchoke() {
        Set<K> all = new LinkedHashSet<>(regular);
        all.addAll(optimistic);
        all.addAll(extra);
        return Collections.unmodifiableSet(all);
    }

    public boolean isUnchoked(K key) {
        return regular.contains(key) || optimistic.contains(key) || extra.contains(key);
    }

    /** This decision with {@code more} appended to the extra slots; peers already unchoked are skipped. */
    public ChokeDecision<K> withExtra(Collection<K> more) {
        List<K> added = new ArrayList<>(extra);
        for (K k : more) {
            if (!isUnchoked(k) && !added.contains(k)) {
                added.add(k);
            }
        }
        return new ChokeDecision<>(regular, optimistic, added);
    }
}
