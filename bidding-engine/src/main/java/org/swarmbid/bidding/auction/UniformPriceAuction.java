package org.swarmbid.bidding.auction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ErrorCode;
import org.swarmbid.bidding.api.Pricing;

/**
 * Uniform-price (k+1)-th price auction for {@code k} paid slots.
 *
 * <ol>
 *   <li>Bids in another asset are rejected ({@link ErrorCode#WRONG_ASSET}), bids with
 *       {@code expiresAtMillis <= now} are rejected ({@link ErrorCode#EXPIRED}).</li>
 *   <li>Of several bids by one buyer only the latest (highest {@code arrival}) counts; a buyer may lower its
 *       bid. Earlier ones are dropped.</li>
 *   <li>The remaining bids are ranked by price, highest first; <b>ties</b> go to the earlier arrival, then to
 *       the lexicographically smaller buyer address (so the result depends only on the inputs).</li>
 *   <li>Bids below the reserve are rejected ({@link ErrorCode#BELOW_RESERVE}). The first {@code k} of the rest
 *       win; the others are outbid.</li>
 *   <li>The clearing price is {@code max(reserve, highest losing bid)}, where the losing bids are all counted
 *       bids that did not win (outbid or below reserve). Every winner pays it. Since every winner ranks at or
 *       above every loser and at or above the reserve, no winner pays more than its own bid.</li>
 * </ol>
 */
public final class UniformPriceAuction {
    private static final Comparator<Bid> RANKING = Comparator.comparing(Bid::pricePerMiB).reversed()
            .thenComparingLong(Bid::arrival)
            .thenComparing(Bid::buyer);

    private UniformPriceAuction() {}

    /**
     * Runs one round.
     *
     * @param bids the bids received for this round, in any order
     * @param asset the asset the seller offered
     * @param reservePricePerMiB the seller's reserve, positive
     * @param slots number of paid slots, at least 0
     * @param nowMillis the current wall-clock time, for bid expiry
     */
    public static AuctionResult run(List<Bid> bids, AssetId asset, BigInteger reservePricePerMiB, int slots, long nowMillis) {
        Pricing.requireAmount(reservePricePerMiB, "reserve");
        if (reservePricePerMiB.signum() == 0) {
            throw new IllegalArgumentException("reserve must be positive");
        }
        if (slots < 0) {
            throw new IllegalArgumentException("slots must not be negative, got " + slots);
        }
        Map<Bid, ErrorCode> rejected = new HashMap<>();
        Map<Address, Bid> latest = new LinkedHashMap<>();
        for (Bid bid : bids) {
            if (!bid.asset().equals(asset)) {
                rejected.put(bid, ErrorCode.WRONG_ASSET);
            } else if (bid.expiresAtMillis() <= nowMillis) {
                rejected.put(bid, ErrorCode.EXPIRED);
            } else {
                latest.merge(bid.buyer(), bid, (a, b) -> a.arrival() >= b.arrival() ? a : b);
            }
        }
        List<Bid> ranked = new ArrayList<>(latest.values());
        ranked.sort(RANKING);

        List<Bid> winners = new ArrayList<>();
        List<Bid> outbid = new ArrayList<>();
        BigInteger highestLosing = null;
        for (Bid bid : ranked) {
            boolean aboveReserve = bid.pricePerMiB().compareTo(reservePricePerMiB) >= 0;
            if (aboveReserve && winners.size() < slots) {
                winners.add(bid);
                continue;
            }
            if (highestLosing == null) {
                highestLosing = bid.pricePerMiB(); // ranked: the first loser is the highest
            }
            if (aboveReserve) {
                outbid.add(bid);
            } else {
                rejected.put(bid, ErrorCode.BELOW_RESERVE);
            }
        }
        Optional<BigInteger> clearing = Optional.empty();
        if (!winners.isEmpty()) {
            clearing = Optional.of(highestLosing == null ? reservePricePerMiB : highestLosing.max(reservePricePerMiB));
        }
        return new AuctionResult(winners, clearing, outbid, rejected);
    }
}
