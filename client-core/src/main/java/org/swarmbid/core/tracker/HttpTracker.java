package org.swarmbid.core.tracker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bencode.BencodeLimits;

/**
 * An HTTP(S) tracker (BEP 3) over the JDK {@link HttpClient}: announce with {@code compact=1} (BEP 23), IPv6 peers
 * from {@code peers6} (BEP 7), scrape by the BEP 48 URL convention. Bodies are capped at
 * {@link BencodeLimits#TRACKER_RESPONSE}'s input limit (4 MiB); each call has an overall timeout. A {@code tracker
 * id} from an answer is remembered per torrent and sent back as {@code trackerid} in later announces, and forgotten
 * after a {@code stopped} event.
 *
 * <p>Thread-safe; one instance per announce URL, shared by any number of torrents.
 */
public final class HttpTracker implements Tracker {
    private static final Logger log = LoggerFactory.getLogger(HttpTracker.class);
    private static final String USER_AGENT = "Swarmbid/0.1";

    private final HttpClient client;
    private final String url;
    private final Optional<String> scrapeUrl;
    private final Duration timeout;
    private final int maxBody;
    private final ConcurrentHashMap<String, String> trackerIds = new ConcurrentHashMap<>();

    /**
     * @param client  shared client; build it with HTTP/1.1 (trackers rarely speak h2c) and a connect timeout
     * @param url     announce URL (http or https)
     * @param timeout limit for a whole exchange: connect, headers and body
     */
    public HttpTracker(HttpClient client, String url, Duration timeout) {
        this(client, url, timeout, BencodeLimits.TRACKER_RESPONSE.maxInput());
    }

    HttpTracker(HttpClient client, String url, Duration timeout, int maxBody) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "malformed tracker URL");
        }
        if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                || u.getHost() == null) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "not an http(s) tracker URL with a host");
        }
        this.client = client;
        this.url = url;
        this.scrapeUrl = TrackerUrls.scrapeUrl(url);
        this.timeout = timeout;
        this.maxBody = maxBody;
    }

    /** A client fit for trackers: HTTP/1.1, normal redirects (never https to http), the given connect timeout. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public CompletableFuture<AnnounceResponse> announce(AnnounceRequest request) {
        String hash = HexFormat.of().formatHex(request.infoHash());
        String target = HttpTrackerQuery.append(url,
                HttpTrackerQuery.announce(request, Optional.ofNullable(trackerIds.get(hash))));
        return get(target, HttpTrackerResponses::parseAnnounce).thenApply(r -> {
            if (request.event() == AnnounceEvent.STOPPED) {
                trackerIds.remove(hash);
            } else {
                r.trackerId().ifPresent(id -> trackerIds.put(hash, id));
            }
            return r;
        });
    }

    @Override
    public CompletableFuture<ScrapeResponse> scrape(byte[] infoHash) {
        byte[] ih = AnnounceRequest.checkHash(infoHash, "info-hash");
        if (scrapeUrl.isEmpty()) {
            return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.UNSUPPORTED,
                    "tracker does not support scrape (announce URL does not end in 'announce', BEP 48)"));
        }
        return get(HttpTrackerQuery.append(scrapeUrl.get(), HttpTrackerQuery.scrape(ih)),
                body -> HttpTrackerResponses.parseScrape(body, ih));
    }

    private <T> CompletableFuture<T> get(String target, Function<byte[], T> parse) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout).header("User-Agent", USER_AGENT)
                    .header("Accept-Encoding", "identity").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new TrackerException(TrackerException.Kind.UNSUPPORTED, "malformed tracker URL"));
        }
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request, BoundedBody.handler(maxBody));
        return sent.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        sent.cancel(true);
                        TrackerException te = translate(error);
                        log.debug("tracker {}: {}", TrackerUrls.redact(url), te.getMessage());
                        throw te;
                    }
                    return body(response, parse);
                });
    }

    private <T> T body(HttpResponse<byte[]> response, Function<byte[], T> parse) {
        if (response.statusCode() != 200) {
            // a failure reason in the body is more useful than the status; anything else reports the status
            try {
                parse.apply(response.body());
            } catch (TrackerException e) {
                if (e.kind() == TrackerException.Kind.TRACKER_FAILURE) {
                    throw e;
                }
            }
            throw new TrackerException(TrackerException.Kind.NETWORK, "tracker answered HTTP " + response.statusCode());
        }
        return parse.apply(response.body());
    }

    private TrackerException translate(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof TrackerException te) {
            return te;
        }
        // the JDK wraps the body subscriber's own failure in an IOException
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TrackerException te) {
                return te;
            }
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return new TrackerException(TrackerException.Kind.NETWORK,
                    "tracker did not answer within " + timeout.toMillis() + " ms");
        }
        if (e instanceof ConnectException) {
            return new TrackerException(TrackerException.Kind.NETWORK, "could not connect to tracker");
        }
        if (e instanceof IOException) {
            return new TrackerException(TrackerException.Kind.NETWORK,
                    "I/O error talking to tracker (" + e.getClass().getSimpleName() + ")");
        }
        return new TrackerException(TrackerException.Kind.NETWORK,
                "tracker request failed (" + e.getClass().getSimpleName() + ")");
    }
}
