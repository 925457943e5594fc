package org.swarmbid.core.api;

import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One torrent in a session. Methods are thread-safe and return at once. */
public interface TorrentHandle {
    /**
     * File priority levels, libtorrent's convention (its {@code download_priority_t}: 0 dont_download, 1 low,
     * 4 default, 7 top). The picker treats the levels strictly: while a piece of a higher level is still wanted
     * from a peer, no piece of a lower level is started from it.
     */
    int SKIP_PRIORITY = 0;
    /** Below normal: downloaded after every file at a higher level. */
    int LOW_PRIORITY = 1;
    /** The level every file starts at. */
    int DEFAULT_PRIORITY = 4;
    /** The highest level. */
    int TOP_PRIORITY = 7;

    String infoHash();

    String name();

    TorrentStatus status();

    List<PeerStatus> peers();

    /**
     * Which pieces are verified: a fresh copy the caller owns, bit {@code i} set for piece {@code i}. Taken from a
     * snapshot the engine publishes with the status (about once a second and on every state change), so it may lag
     * the download by up to a second; empty while the first check runs.
     */
    BitSet pieces();

    /**
     * Verified bytes per file, in the torrent's file order (a fresh array): the bytes of each verified piece counted
     * in the files it overlaps. Computed on the caller's thread from the {@link #pieces()} snapshot.
     */
    long[] fileProgress();

    /** The files' priorities as the engine holds them (a fresh array, 0..7, see {@link #setFilePriority}). */
    int[] filePriorities();

    void pause();

    void resume();

    /** Verifies every piece on disk again; completes when done. */
    CompletableFuture<Void> recheck();

    /**
     * Sets a file's priority, 0..7: {@link #SKIP_PRIORITY} skips the file, {@link #LOW_PRIORITY} is low,
     * {@link #DEFAULT_PRIORITY} (every file's level until changed) normal, {@link #TOP_PRIORITY} the highest.
     *
     * @throws IndexOutOfBoundsException for a file index outside the torrent
     * @throws IllegalArgumentException   for a priority outside 0..7
     */
    void setFilePriority(int fileIndex, int priority);

    /** Dials a peer directly (besides the ones trackers hand out). */
    void connect(InetSocketAddress peer);

    /** Announces to the trackers now, ignoring their min interval (at most once a second). */
    void reannounce();
}
