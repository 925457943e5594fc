package org.swarmbid.core.tracker;

import java.util.concurrent.CompletableFuture;

/**
 * One tracker, reached by one URL. Implementations never block the caller: every call returns at once with a
 * future that completes (possibly on an I/O thread of the implementation, so chain with {@code *Async} if the
 * continuation may block) with the answer or with a {@link TrackerException}.
 */
public interface Tracker {

    /** The announce URL as configured, for status displays. */
    String url();

    CompletableFuture<AnnounceResponse> announce(AnnounceRequest request);

    /** Scrapes one torrent; fails with {@link TrackerException.Kind#UNSUPPORTED} if the tracker has no scrape. */
    CompletableFuture<ScrapeResponse> scrape(byte[] infoHash);
}
