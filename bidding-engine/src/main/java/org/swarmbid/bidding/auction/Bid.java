package org.swarmbid.bidding.auction;

import java.math.BigInteger;
import java.util.Objects;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.Pricing;

/**
 * A buyer's bid as the seller's auction sees it (signature already checked by the caller).
 *
 * @param buyer the payer address; one bid per buyer counts per round
 * @param pricePerMiB offered price, base units per MiB
 * @param asset the asset the price is in
 * @param arrival the order in which the seller received the bid (a session-wide counter); earlier wins ties
 * @param expiresAtMillis wall-clock expiry from the bid; an expired bid takes no part
 */
public record Bid(Address buyer, BigInteger pricePerMiB, AssetId asset, long arrival, long expiresAtMillis) {
    public Bid {
        Objects.requireNonNull(buyer, "buyer");
        Pricing.requireAmount(pricePerMiB, "pricePerMiB");
        Objects.requireNonNull(asset, "asset");
    }
}
