package org.swarmbid.core.tracker;

/** Where one tracker of a torrent stands, for a UI. */
public enum TrackerState {
    /** Not contacted yet (or skipped because an earlier tracker answered). */
    IDLE,
    /** An announce is on its way. */
    ANNOUNCING,
    /** The last announce was answered. */
    WORKING,
    /** The last announce failed; see the error text; retried after a back-off. */
    FAILED,
    /** The URL cannot be used by this client (unknown scheme, malformed). */
    UNSUPPORTED,
    /** The torrent was stopped; a {@code stopped} event was sent (or attempted). */
    STOPPED
}
