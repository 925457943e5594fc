package org.swarmbid.core.api;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one engine session. Use {@link #defaults(Path)} and the {@code with*} methods.
 *
 * @param bindAddress        local address to listen on and to dial from (null = all interfaces)
 * @param port               TCP listen port; 0 picks a free one
 * @param stateDir           where resume data and session state live
 * @param maxConnections     connections over all torrents
 * @param maxPeersPerTorrent connections per torrent
 * @param uploadSlots        regular (tit-for-tat) unchoke slots per torrent, besides the optimistic one
 * @param downloadLimit      bytes per second over the session, 0 = unlimited
 * @param uploadLimit        bytes per second over the session, 0 = unlimited
 * @param chokeInterval      time between choke rounds (BEP 3 suggests 10 s)
 * @param trackerMinInterval the shortest announce interval we honour, whatever a tracker says
 */
public record SessionConfig(
        InetAddress bindAddress,
        int port,
        Path stateDir,
        int maxConnections,
        int maxPeersPerTorrent,
        int uploadSlots,
        long downloadLimit,
        long uploadLimit,
        Duration chokeInterval,
        Duration trackerMinInterval) {

    public SessionConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxConnections < 1 || maxPeersPerTorrent < 1 || uploadSlots < 0) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        if (downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
    }

    public static SessionConfig defaults(Path stateDir) {
        return new SessionConfig(null, 6881, stateDir, 400, 80, 4, 0, 0, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    public SessionConfig withBind(InetAddress address, int listenPort) {
        return new SessionConfig(address, listenPort, stateDir, maxConnections, maxPeersPerTorrent, uploadSlots,
                downloadLimit, uploadLimit, chokeInterval, trackerMinInterval);
    }

    public SessionConfig withLimits(long down, long up) {
        return new SessionConfig(bindAddress, port, stateDir, maxConnections, maxPeersPerTorrent, uploadSlots,
                down, up, chokeInterval, trackerMinInterval);
    }

    public SessionConfig withConnections(int total, int perTorrent, int slots) {
        return new SessionConfig(bindAddress, port, stateDir, total, perTorrent, slots, downloadLimit, uploadLimit,
                chokeInterval, trackerMinInterval);
    }

    public SessionConfig withTimers(Duration choke, Duration trackerMin) {
        return new SessionConfig(bindAddress, port, stateDir, maxConnections, maxPeersPerTorrent, uploadSlots,
                downloadLimit, uploadLimit, choke, trackerMin);
    }
}
