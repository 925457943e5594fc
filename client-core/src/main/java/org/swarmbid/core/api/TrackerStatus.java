package org.swarmbid.core.api;

import java.util.Objects;

/**
 * Announce status of one tracker URL.
 *
 * @param url          the announce URL
 * @param tier         BEP 12 tier
 * @param working      the last announce succeeded
 * @param message      the tracker's failure or warning text, or our error, or empty
 * @param seeders      seeders the tracker reported, -1 if unknown
 * @param leechers     leechers the tracker reported, -1 if unknown
 * @param nextAnnounceEpochMs when the next announce is due
 */
public record TrackerStatus(String url, int tier, boolean working, String message, int seeders, int leechers,
        long nextAnnounceEpochMs) {

    // equals/hashCode written out (see TorrentStatus#equals): compared once a second for every torrent's diff
    @Override
    public boolean equals(Object o) {
        return o instanceof TrackerStatus t && tier == t.tier && working == t.working && seeders == t.seeders
                && leechers == t.leechers && nextAnnounceEpochMs == t.nextAnnounceEpochMs
                && Objects.equals(url, t.url) && Objects.equals(message, t.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, tier, working, message, seeders, leechers, nextAnnounceEpochMs);
    }
}
