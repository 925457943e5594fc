package org.swarmbid.core.api;

/** Where a torrent is in its life. */
public enum TorrentState {
    /** Verifying data on disk (first add without resume data, or an explicit recheck). */
    CHECKING,
    /** Connected to the swarm and missing wanted pieces. */
    DOWNLOADING,
    /** Has every wanted piece; serving others. */
    SEEDING,
    /** Stopped by the user; no connections. */
    PAUSED,
    /** Stopped by an error (disk full, files unreadable); {@link TorrentStatus#error()} says why. */
    ERROR
}
