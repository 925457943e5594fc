package org.swarmbid.core.tracker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * A {@code udp://host:port} tracker (BEP 15) reached through a shared {@link UdpTrackerClient}. The host is resolved
 * for every exchange off the caller's thread (the JVM caches lookups); a literal address needs no lookup. Any path
 * or query in the URL is ignored (the BEP 41 URL-data option is not sent).
 */
public final class UdpTracker implements Tracker {
    private final UdpTrackerClient client;
    private final String url;
    private final String host;
    private final int port;
    private final Executor resolver;

    UdpTracker(UdpTrackerClient client, String url) {
        this(client, url, ForkJoinPool.commonPool());
    }

    UdpTracker(UdpTrackerClient client, String url, Executor resolver) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "malformed tracker URL");
        }
        if (!"udp".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getPort() < 1 || u.getPort() > 0xffff) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "not a udp://host:port tracker URL");
        }
        this.client = client;
        this.url = url;
        String h = u.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = u.getPort();
        this.resolver = resolver;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public CompletableFuture<AnnounceResponse> announce(AnnounceRequest request) {
        return resolved(a -> client.announce(a, request));
    }

    @Override
    public CompletableFuture<ScrapeResponse> scrape(byte[] infoHash) {
        return resolved(a -> client.scrape(a, infoHash));
    }

    private <T> CompletableFuture<T> resolved(Function<InetSocketAddress, CompletableFuture<T>> call) {
        InetAddress literal = PeerLists.ipLiteral(host);
        if (literal != null) {
            return call.apply(new InetSocketAddress(literal, port));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new TrackerException(TrackerException.Kind.NETWORK, "tracker host name did not resolve");
            }
        }, resolver).thenCompose(call);
    }
}
