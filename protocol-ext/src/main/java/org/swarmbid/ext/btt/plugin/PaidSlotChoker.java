package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.auction.AuctionResult;
import org.swarmbid.bidding.auction.Bid;
import org.swarmbid.bidding.auction.UniformPriceAuction;
import org.swarmbid.core.choke.ChokeContext;
import org.swarmbid.core.choke.ChokeDecision;
import org.swarmbid.core.choke.ChokePolicy;
import org.swarmbid.core.choke.PeerSnapshot;

/**
 * A choke-policy decorator that sells paid upload slots (docs/btt-extension.md section 5): each round the
 * interested peers with an admissible bid take part in a {@link UniformPriceAuction} for {@code slots} paid slots;
 * the winners are unchoked as {@code extra} slots, and the wrapped policy then picks its regular and optimistic
 * slots among the <em>remaining</em> peers, as usual ("the regular tit-for-tat slots are chosen among the remaining
 * peers"). So the base keeps exactly its number of unpaid slots and its optimistic unchoke; a bidder that loses
 * may still get one of them and is then served unpaid, as plain BitTorrent.
 *
 * <p>Pure, as the {@code org.swarmbid.core.choke} contract asks: the bids, the time and the terms come from the
 * {@link Market}, which also hears the outcome (to send {@code bid_response}s) before the engine applies it.
 */
final class PaidSlotChoker implements ChokePolicy {

    /** The kind of slot a peer holds this round. */
    enum Slot { NONE, REGULAR, OPTIMISTIC, PAID }

    /** The auction's terms. {@code slots = 0}: nothing is sold. */
    record Terms(AssetId asset, BigInteger reservePerMiB, int slots) {
        Terms {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(reservePerMiB, "reservePerMiB");
        }
    }

    /**
     * One round's outcome.
     *
     * @param slots    every peer's slot this round, by choke key
     * @param auction  the auction over the bids that took part (winners' clearing price)
     * @param bidders  the bids that took part, by choke key
     */
    record Round(Map<Object, Slot> slots, AuctionResult auction, Map<Object, Bid> bidders) {
        Optional<Bid> bidOf(Object key) {
            return Optional.ofNullable(bidders.get(key));
        }
    }

    /** The seller side of one torrent, as the choker sees it. */
    interface Market {
        Terms terms();

        long nowMillis();

        /** The admissible bids this round by choke key (signed, not expired, the buyer within its limits). */
        Map<Object, Bid> bids(long nowMillis);

        /** Called once per round, before the engine applies the decision. */
        void decided(Round round);
    }

    private static final AuctionResult NO_AUCTION = new AuctionResult(List.of(), Optional.empty(), List.of(),
            Map.of());

    private final ChokePolicy base;
    private final Market market;

    PaidSlotChoker(ChokePolicy base, Market market) {
        this.base = Objects.requireNonNull(base, "base");
        this.market = Objects.requireNonNull(market, "market");
    }

    @Override
    public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
        long now = market.nowMillis();
        Terms terms = market.terms();
        Map<Object, Bid> offered = market.bids(now);
        Map<Bid, K> keyOf = new HashMap<>();
        Map<Object, Bid> bidders = new HashMap<>();
        for (PeerSnapshot<K> p : peers) {
            Bid b = offered.get(p.key());
            if (b != null && p.interested()) {
                keyOf.put(b, p.key());
                bidders.put(p.key(), b);
            }
        }
        AuctionResult auction = terms.slots() > 0 && !keyOf.isEmpty()
                ? UniformPriceAuction.run(new ArrayList<>(keyOf.keySet()), terms.asset(), terms.reservePerMiB(),
                        terms.slots(), now)
                : NO_AUCTION;
        List<K> winners = new ArrayList<>();
        for (Bid w : auction.winners()) {
            winners.add(keyOf.get(w));
        }
        Set<K> paid = new HashSet<>(winners);
        List<PeerSnapshot<K>> rest = new ArrayList<>(peers.size());
        for (PeerSnapshot<K> p : peers) {
            if (!paid.contains(p.key())) {
                rest.add(p);
            }
        }
        ChokeDecision<K> unpaid = base.decide(rest, context);
        ChokeDecision<K> decision = unpaid.withExtra(winners);
        Map<Object, Slot> slots = new HashMap<>();
        for (PeerSnapshot<K> p : peers) {
            slots.put(p.key(), Slot.NONE);
        }
        decision.regular().forEach(k -> slots.put(k, Slot.REGULAR));
        unpaid.extra().forEach(k -> slots.put(k, Slot.REGULAR)); // a nested decorator's free slots
        decision.optimistic().forEach(k -> slots.put(k, Slot.OPTIMISTIC));
        winners.forEach(k -> slots.put(k, Slot.PAID));
        market.decided(new Round(slots, auction, bidders));
        return decision;
    }
}
