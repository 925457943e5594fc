package org.swarmbid.bidding.config;

import java.math.BigInteger;
import java.time.ZoneId;
import java.util.Objects;
import org.swarmbid.bidding.api.Pricing;

/**
 * How a buyer spends. Spending is off unless all three of {@code perTorrentBudget}, {@code perDayBudget} and
 * {@code maxPricePerMiB} are positive; {@link #defaults()} has them all zero.
 *
 * @param perTorrentBudget hard cap per torrent, base units (0 = spending off)
 * @param perDayBudget hard cap over all torrents per calendar day in {@code zone}, base units (0 = spending off)
 * @param maxPricePerMiB never bid above this, base units per MiB (0 = spending off)
 * @param settleAtPercent settle a payee's unsettled total once it reaches this percentage of the seller's
 *     threshold (Swarm settles at 50%, leaving room for the settlement in flight), 1..100
 * @param bidValidityMillis how long a bid stays valid (its expiry), positive
 * @param zone the time zone whose midnight starts a new budget day
 */
public record BuyerConfig(
        BigInteger perTorrentBudget,
        BigInteger perDayBudget,
        BigInteger maxPricePerMiB,
        int settleAtPercent,
        long bidValidityMillis,
        ZoneId zone) {

    public BuyerConfig {
        Pricing.requireAmount(perTorrentBudget, "perTorrentBudget");
        Pricing.requireAmount(perDayBudget, "perDayBudget");
        Pricing.requireAmount(maxPricePerMiB, "maxPricePerMiB");
        SellerConfig.requireRange(settleAtPercent, 1, 100, "settleAtPercent");
        if (bidValidityMillis <= 0) {
            throw new IllegalArgumentException("bidValidityMillis must be positive, got " + bidValidityMillis);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** Spending off; settle at 50%; bids valid 30 s (three 10 s choke rounds); days in the system zone. */
    public static BuyerConfig defaults() {
        return new BuyerConfig(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 50, 30_000L, ZoneId.systemDefault());
    }

    /** True only when every cap is set. */
    public boolean spendingEnabled() {
        return perTorrentBudget.signum() > 0 && perDayBudget.signum() > 0 && maxPricePerMiB.signum() > 0;
    }

    /** A copy with budgets and a maximum price set (turns spending on when all are positive). */
    public BuyerConfig withBudget(BigInteger perTorrent, BigInteger perDay, BigInteger maxPrice) {
        return new BuyerConfig(perTorrent, perDay, maxPrice, settleAtPercent, bidValidityMillis, zone);
    }

    /** A copy with another day-boundary zone. */
    public BuyerConfig withZone(ZoneId z) {
        return new BuyerConfig(perTorrentBudget, perDayBudget, maxPricePerMiB, settleAtPercent, bidValidityMillis, z);
    }
}
