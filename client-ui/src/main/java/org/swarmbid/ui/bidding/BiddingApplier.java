package org.swarmbid.ui.bidding;

/**
 * Hands saved settings to the running bidding plugin; {@code app} implements it (the engine takes
 * {@link BiddingSettings#effectiveConfig()}, and the per-torrent overrides where it supports them).
 *
 * <p>Threading: called on a background thread after a successful save.
 */
@FunctionalInterface
public interface BiddingApplier {

    /**
     * Applies {@code settings} to the running session.
     *
     * @throws RuntimeException with a one-line message if the plugin refuses them
     */
    void apply(BiddingSettings settings);
}
