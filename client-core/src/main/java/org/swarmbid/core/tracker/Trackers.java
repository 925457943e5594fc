package org.swarmbid.core.tracker;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard {@link TrackerFactory}: {@code http}/{@code https} URLs become {@link HttpTracker}s on a shared
 * {@link HttpClient}, {@code udp} URLs become {@link UdpTracker}s on a shared {@link UdpTrackerClient} (if one is
 * given). Trackers are cached by URL, so torrents sharing a tracker share one instance. Thread-safe.
 */
public final class Trackers implements TrackerFactory {
    private final HttpClient http;
    private final Duration httpTimeout;
    private final UdpTrackerClient udp;
    private final ConcurrentHashMap<String, Tracker> cache = new ConcurrentHashMap<>();

    /**
     * @param udp may be null, in which case udp URLs are reported as unsupported
     */
    public Trackers(HttpClient http, Duration httpTimeout, UdpTrackerClient udp) {
        this.http = http;
        this.httpTimeout = httpTimeout;
        this.udp = udp;
    }

    @Override
    public Tracker create(String url) {
        Tracker cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        Tracker t = make(url);
        Tracker prev = cache.putIfAbsent(url, t);
        return prev != null ? prev : t;
    }

    private Tracker make(String url) {
        String scheme;
        try {
            scheme = URI.create(url.strip()).getScheme();
        } catch (IllegalArgumentException e) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "malformed tracker URL");
        }
        scheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                return new HttpTracker(http, url.strip(), httpTimeout);
            case "udp":
                if (udp == null) {
                    throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "UDP trackers are disabled");
                }
                return udp.tracker(url.strip());
            default:
                throw new TrackerException(TrackerException.Kind.UNSUPPORTED,
                        "unsupported tracker scheme '" + TrackerException.printable(scheme, 16) + "'");
        }
    }
}
