package org.swarmbid.core.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The tier order of BEP 12 (multitracker metadata), as a pure, generic structure: {@code announce-list} tiers,
 * each shuffled once when loaded; trackers are tried tier by tier and in order within a tier; a tracker that
 * answers moves to the front of its tier. Duplicates (by {@code equals}) keep their first place; empty tiers are
 * dropped.
 *
 * <p>Not thread-safe: the owner guards it.
 */
public final class TrackerTiers<T> {
    private final List<List<T>> tiers;

    private TrackerTiers(List<List<T>> tiers) {
        this.tiers = tiers;
    }

    /** Copies the tiers, removes duplicates and empty tiers, and shuffles each tier once with {@code random}. */
    public static <T> TrackerTiers<T> shuffled(List<? extends List<? extends T>> announceList, Random random) {
        Set<T> seen = new HashSet<>();
        List<List<T>> out = new ArrayList<>();
        for (List<? extends T> tier : announceList) {
            List<T> t = new ArrayList<>();
            for (T e : tier) {
                if (e != null && seen.add(e)) {
                    t.add(e);
                }
            }
            if (!t.isEmpty()) {
                Collections.shuffle(t, random);
                out.add(t);
            }
        }
        return new TrackerTiers<>(out);
    }

    /** Every tracker in the order to try them: tier 0 first, each tier front to back. */
    public List<T> inOrder() {
        List<T> all = new ArrayList<>();
        tiers.forEach(all::addAll);
        return all;
    }

    /** A copy of the tiers in their current order. */
    public List<List<T>> tiers() {
        List<List<T>> copy = new ArrayList<>(tiers.size());
        tiers.forEach(t -> copy.add(List.copyOf(t)));
        return copy;
    }

    /** Index of the tier holding {@code e}, or -1. */
    public int tierOf(T e) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).contains(e)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves {@code e} to the front of its tier (BEP 12: the tracker that answered); no-op if absent. */
    public void promote(T e) {
        for (List<T> t : tiers) {
            if (t.remove(e)) {
                t.add(0, e);
                return;
            }
        }
    }

    public int size() {
        return tiers.stream().mapToInt(List::size).sum();
    }
}
