package org.swarmbid.core.spi;

import java.util.Map;
import java.util.Optional;
import org.swarmbid.core.choke.ChokePolicy;

/** A plugin's part in one torrent. All methods run on the torrent's event loop. */
public interface TorrentPlugin {

    /** Joins a connection once its BitTorrent handshake is done, or returns empty. */
    Optional<PeerPlugin> forPeer(PeerContext peer);

    /**
     * A piece passed its hash check.
     *
     * @param bytesByPeer payload bytes of that piece each connection delivered (a connection may be closed by now)
     */
    default void onPiecePassed(int piece, Map<PeerContext, Long> bytesByPeer) {
    }

    /** A piece failed its hash check; the bytes are discarded and will be downloaded again. */
    default void onPieceFailed(int piece, Map<PeerContext, Long> bytesByPeer) {
    }

    /**
     * Offers to replace the choke policy. The engine calls this once per torrent with its default policy; the first
     * plugin that returns a policy wins (usually a decorator around {@code base} that keeps its regular and
     * optimistic slots). Return empty to keep the default.
     */
    default Optional<ChokePolicy> chokePolicy(ChokePolicy base) {
        return Optional.empty();
    }

    /** Called about once a second. */
    default void tick(long nowMillis) {
    }

    /** The torrent completed every wanted piece. */
    default void onFinished() {
    }

    /** The torrent is stopping (paused, removed or session closed). */
    default void close() {
    }
}
