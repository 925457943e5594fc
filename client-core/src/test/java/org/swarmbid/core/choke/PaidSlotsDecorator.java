package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Test-only example of the decorator contract in the package doc: a plugin that sells up to {@code paidSlots}
 * extra unchokes to the highest bidders, leaving the wrapped policy's regular and optimistic slots untouched.
 */
final class PaidSlotsDecorator implements ChokePolicy {
    private final ChokePolicy base;
    private final Map<Object, Long> bids;
    private final int paidSlots;

    PaidSlotsDecorator(ChokePolicy base, Map<Object, Long> bids, int paidSlots) {
        this.base = base;
        this.bids = bids;
        this.paidSlots = paidSlots;
    }

    @Override
    public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
        ChokeDecision<K> decision = base.decide(peers, context);
        List<PeerSnapshot<K>> bidders = new ArrayList<>();
        for (PeerSnapshot<K> p : peers) {
            if (p.interested() && bids.containsKey(p.key()) && !decision.isUnchoked(p.key())) {
                bidders.add(p);
            }
        }
        bidders.sort(Comparator.comparingLong((PeerSnapshot<K> p) -> bids.get(p.key())).reversed());
        List<K> paid = new ArrayList<>();
        for (int i = 0; i < bidders.size() && paid.size() < paidSlots; i++) {
            paid.add(bidders.get(i).key());
        }
        return decision.withExtra(paid);
    }
}
