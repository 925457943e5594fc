package org.swarmbid.core.api;

import java.util.List;

/**
 * What the engine tells its listeners, in order. Status diffs come about once a second and right after the other
 * events, which are delivered within milliseconds of happening.
 */
public sealed interface SessionEvent {

    /** A torrent joined the session. */
    record TorrentAdded(TorrentStatus status) implements SessionEvent {
    }

    /** A torrent left the session. */
    record TorrentRemoved(String infoHash, boolean dataDeleted) implements SessionEvent {
    }

    /** The torrent's state changed (e.g. DOWNLOADING to SEEDING). */
    record StateChanged(String infoHash, TorrentState from, TorrentState to) implements SessionEvent {
    }

    /** Every wanted piece is verified on disk. */
    record TorrentFinished(String infoHash) implements SessionEvent {
    }

    /** An error the user should see, with a one-line message. */
    record TorrentError(String infoHash, String message) implements SessionEvent {
    }

    /** Status of the torrents whose status changed since the last diff. */
    record StatusDiff(List<TorrentStatus> changed) implements SessionEvent {
        public StatusDiff {
            changed = List.copyOf(changed);
        }
    }
}
