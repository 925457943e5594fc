package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;

/**
 * What the bidding screen edits: the engine's {@link BiddingConfig}, the spending switch, and per-torrent overrides.
 * The buyer's budgets and price are kept while spending is switched off (so switching it on again restores them);
 * {@link #effectiveConfig()} is what the engine should run with.
 *
 * @param spendingEnabled the user's switch; off by default
 * @param config          seller settings and the buyer's budgets and maximum price as entered
 * @param overrides       at most one per info-hash, in the order entered
 */
public record BiddingSettings(boolean spendingEnabled, BiddingConfig config, List<TorrentOverride> overrides) {

    public BiddingSettings {
        Objects.requireNonNull(config, "config");
        Map<String, TorrentOverride> unique = new LinkedHashMap<>();
        for (TorrentOverride o : overrides) {
            if (unique.put(o.infoHash(), o) != null) {
                throw new IllegalArgumentException("two overrides for torrent " + o.infoHash());
            }
        }
        overrides = List.copyOf(overrides);
        if (spendingEnabled && !config.buyer().spendingEnabled()) {
            throw new IllegalArgumentException(
                    "spending needs a positive per-torrent budget, daily budget and maximum price");
        }
    }

    /** Spending off, the engine's defaults, no overrides. */
    public static BiddingSettings defaults() {
        return new BiddingSettings(false, BiddingConfig.defaults(), List.of());
    }

    /** The config the engine runs with: the buyer's caps are zero (spending off) unless the switch is on. */
    public BiddingConfig effectiveConfig() {
        if (spendingEnabled) {
            return config;
        }
        BuyerConfig b = config.buyer();
        return new BiddingConfig(config.seller(), b.withBudget(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
    }

    /** The override for {@code infoHash}, if any. */
    public Optional<TorrentOverride> override(String infoHash) {
        return overrides.stream().filter(o -> o.infoHash().equals(infoHash)).findFirst();
    }
}
