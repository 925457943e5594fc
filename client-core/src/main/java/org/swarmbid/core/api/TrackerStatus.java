package org.swarmbid.core.api;

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
}
