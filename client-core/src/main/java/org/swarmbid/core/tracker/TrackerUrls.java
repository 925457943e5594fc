package org.swarmbid.core.tracker;

import java.net.URI;
import java.util.Optional;

/** Pure helpers on tracker URLs: the BEP 48 scrape convention and a log-safe form. */
public final class TrackerUrls {
    private TrackerUrls() {
    }

    /**
     * The scrape URL for an HTTP announce URL, by the convention of BEP 48: take the text after the last
     * {@code '/'}; if it begins with {@code announce}, replace that word with {@code scrape}; otherwise the tracker
     * does not support scrape. The rest (including any query, e.g. a passkey) is kept.
     *
     * <pre>
     *   http://t.example/announce          -> http://t.example/scrape
     *   http://t.example/x/announce.php    -> http://t.example/x/scrape.php
     *   http://t.example/announce?pk=1     -> http://t.example/scrape?pk=1
     *   http://t.example/a                 -> (none)
     *   http://t.example/announce/x        -> (none)
     * </pre>
     */
    public static Optional<String> scrapeUrl(String announceUrl) {
        int queryStart = announceUrl.indexOf('?');
        String beforeQuery = queryStart < 0 ? announceUrl : announceUrl.substring(0, queryStart);
        int slash = beforeQuery.lastIndexOf('/');
        if (slash < 0 || !beforeQuery.startsWith("announce", slash + 1)) {
            return Optional.empty();
        }
        return Optional.of(announceUrl.substring(0, slash + 1) + "scrape"
                + announceUrl.substring(slash + 1 + "announce".length()));
    }

    /**
     * A form of the URL safe for logs and messages: scheme, host and port only. Private trackers put passkeys in the
     * path or query, which must not reach logs.
     */
    public static String redact(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return "(unparsable tracker URL)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "") + "/…";
        } catch (IllegalArgumentException e) {
            return "(unparsable tracker URL)";
        }
    }
}
