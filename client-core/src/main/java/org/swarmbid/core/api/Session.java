package org.swarmbid.core.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.swarmbid.core.metainfo.Metainfo;

/**
 * A running engine: many torrents, one listen socket, shared limits. Create one with
 * {@code org.swarmbid.core.session.Engine.start(config, plugins)}; close it to announce {@code stopped}, save
 * resume data and release every socket and file.
 */
public interface Session extends AutoCloseable {

    /** The TCP port peers can reach us on. */
    int listenPort();

    /** The address we listen on. */
    InetSocketAddress listenAddress();

    /**
     * Adds a torrent. Returns at once; checking, announcing and connecting happen in the background.
     *
     * @throws IllegalStateException if a torrent with the same info-hash is already in the session
     */
    TorrentHandle add(Metainfo metainfo, AddOptions options);

    Optional<TorrentHandle> find(String infoHash);

    List<TorrentHandle> torrents();

    /** Removes a torrent: disconnects, announces {@code stopped}, and deletes its data if asked. */
    CompletableFuture<Void> remove(String infoHash, boolean deleteData);

    /** Session-wide payload rate limits in bytes per second; 0 = unlimited. */
    void setRateLimits(long downloadLimit, long uploadLimit);

    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);

    /** Stops everything; waits a bounded time for trackers to hear {@code stopped} and resume data to be saved. */
    @Override
    void close();
}
