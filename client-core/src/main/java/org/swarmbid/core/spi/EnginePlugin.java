package org.swarmbid.core.spi;

import java.util.Optional;

/** A session-wide plugin. Registered when the session starts. */
public interface EnginePlugin {

    /** A short name for logs. */
    String name();

    /** Joins a torrent, or returns empty to stay out of it. Called on the torrent's loop when it starts. */
    Optional<TorrentPlugin> forTorrent(TorrentContext torrent);

    /** The session is closing. */
    default void close() {
    }
}
