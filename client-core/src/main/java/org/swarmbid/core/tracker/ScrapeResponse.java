package org.swarmbid.core.tracker;

/**
 * Swarm counts for one torrent from a scrape (BEP 48 over HTTP, action 2 of BEP 15 over UDP).
 *
 * @param complete   seeders
 * @param downloaded completed downloads the tracker has counted ("snatches")
 * @param incomplete leechers
 */
public record ScrapeResponse(int complete, int downloaded, int incomplete) {
}
