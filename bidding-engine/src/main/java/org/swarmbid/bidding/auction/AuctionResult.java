package org.swarmbid.bidding.auction;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.swarmbid.bidding.api.ErrorCode;

/**
 * The outcome of one round.
 *
 * @param winners winning bids, best first (in ranking order)
 * @param clearingPrice what every winner pays per MiB; empty when nobody won
 * @param outbid valid bids at or above the reserve that found no slot, best first
 * @param rejected bids that took no part, with the reason (below reserve, wrong asset, expired, superseded
 *     bids are dropped silently and do not appear)
 */
public record AuctionResult(
        List<Bid> winners, Optional<BigInteger> clearingPrice, List<Bid> outbid, Map<Bid, ErrorCode> rejected) {
    public AuctionResult {
        winners = List.copyOf(winners);
        outbid = List.copyOf(outbid);
        rejected = Map.copyOf(rejected);
        if (winners.isEmpty() != clearingPrice.isEmpty()) {
            throw new IllegalArgumentException("a clearing price exists exactly when there are winners");
        }
    }

    /** True if {@code bid} won. */
    public boolean won(Bid bid) {
        return winners.contains(bid);
    }
}
