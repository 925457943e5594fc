package org.swarmbid.core.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One torrent in a session. Methods are thread-safe and return at once. */
public interface TorrentHandle {

    String infoHash();

    String name();

    TorrentStatus status();

    List<PeerStatus> peers();

    void pause();

    void resume();

    /** Verifies every piece on disk again; completes when done. */
    CompletableFuture<Void> recheck();

    /** Sets a file's priority: 0 skips the file, 1 is normal, up to 7. */
    void setFilePriority(int fileIndex, int priority);

    /** Dials a peer directly (besides the ones trackers hand out). */
    void connect(InetSocketAddress peer);

    /** Announces to the trackers now, ignoring their min interval (at most once a second). */
    void reannounce();
}
