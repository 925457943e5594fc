package org.swarmbid.bidding.config;

import java.util.Objects;

/** The bidding engine's whole configuration: one seller and one buyer policy per session. */
public record BiddingConfig(SellerConfig seller, BuyerConfig buyer) {
    public BiddingConfig {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
    }

    /** {@link SellerConfig#defaults()} and {@link BuyerConfig#defaults()} (spending off). */
    public static BiddingConfig defaults() {
        return new BiddingConfig(SellerConfig.defaults(), BuyerConfig.defaults());
    }
}
