package org.swarmbid.core.tracker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A successful announce answer (BEP 3 / BEP 15).
 *
 * @param interval       seconds the tracker wants between regular announces
 * @param minInterval    BEP 3 extension {@code min interval}: announces must not come more often than this
 * @param peers          IPv4 and IPv6 peers, in the tracker's order, unresolved hostnames dropped
 * @param complete       seeders, if the tracker said
 * @param incomplete     leechers, if the tracker said
 * @param warningMessage a {@code warning message}: the announce worked, but the tracker wants the user to know
 * @param trackerId      a {@code tracker id} to echo back in later announces
 */
public record AnnounceResponse(Duration interval, Optional<Duration> minInterval, List<InetSocketAddress> peers,
                               OptionalInt complete, OptionalInt incomplete, Optional<String> warningMessage,
                               Optional<String> trackerId) {

    public AnnounceResponse {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        peers = List.copyOf(peers);
    }
}
