package org.swarmbid.ui.bidding;

/**
 * Hands saved settings to the running bidding plugin; {@code app} implements it (the engine takes
 * {@link BiddingSettings#effectiveConfig()}, and the per-torrent overrides where it supports them).
 *
 * <p>Threading: called on a background thread after a successful save.
 */
@FunctionalInterface
public interface BiddingApplier {

    /** What became of saved settings. */
    enum Outcome {
        /** In effect now (handed to the running plugin, started it, or nothing to run). */
        APPLIED,
        /** They need payments, which start when the user unlocks the wallet. */
        WAITING_FOR_WALLET
    }

    /**
     * Applies {@code settings} to the running session.
     *
     * @return whether they are in effect or wait for the wallet
     * @throws RuntimeException with a one-line message if the plugin refuses them
     */
    Outcome apply(BiddingSettings settings);
}
