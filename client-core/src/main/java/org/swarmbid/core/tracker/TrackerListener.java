package org.swarmbid.core.tracker;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Receives what a {@link TrackerList} learns. Called on the list's scheduler threads, never while the list holds
 * its lock; implementations must not block.
 */
public interface TrackerListener {

    /** Peers from one answered announce (possibly empty). */
    void onPeers(String trackerUrl, List<InetSocketAddress> peers);

    /** One tracker's status changed. */
    void onStatus(TrackerStatus status);
}
