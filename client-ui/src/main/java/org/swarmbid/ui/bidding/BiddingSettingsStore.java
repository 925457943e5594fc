package org.swarmbid.ui.bidding;

/**
 * Where the bidding settings live between runs. {@link FileBiddingSettingsStore} keeps them in a properties file in
 * the state folder; {@code app} may use it or its own.
 *
 * <p>Threading: called on a background thread; may block on disk.
 */
public interface BiddingSettingsStore {

    /** The saved settings, or {@link BiddingSettings#defaults()} if none were saved yet. */
    BiddingSettings load() throws java.io.IOException;

    /** Saves atomically: after a crash either the old or the new settings are there. */
    void save(BiddingSettings settings) throws java.io.IOException;
}
