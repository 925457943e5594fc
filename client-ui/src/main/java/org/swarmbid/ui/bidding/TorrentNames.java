package org.swarmbid.ui.bidding;

import java.util.List;

/**
 * The torrents a per-torrent override can name; {@code app} implements it over the engine session.
 *
 * <p>Threading: called on a background thread; must not block for long.
 */
@FunctionalInterface
public interface TorrentNames {

    /** The torrents the session knows, in display order. */
    List<TorrentName> torrents();

    /**
     * One torrent.
     *
     * @param infoHash lower-case hex info-hash (40 or 64 digits)
     * @param name     its display name
     */
    record TorrentName(String infoHash, String name) {
        public TorrentName {
            TorrentOverride.requireInfoHash(infoHash);
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }
}
