package org.swarmbid.core.tracker;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BEP 15 UDP tracker protocol over one {@link DatagramChannel} shared by every UDP tracker and torrent.
 *
 * <p>Each announce or scrape is an exchange: obtain a connection id (connect, action 0) unless one younger than
 * {@link Config#connectionIdLifetime()} (one minute, BEP 15) is cached for that tracker address, then send the
 * request. Answers are matched by a random 32-bit transaction id and the sender's address; anything else is
 * dropped. If no answer comes within {@code baseTimeout * 2^n} (BEP 15: 15 s * 2^n), the exchange is retried with
 * n + 1, re-connecting if the connection id has expired meanwhile; after the timeout of attempt
 * {@link Config#maxExponent()} the exchange fails. An error answer (action 3) fails the exchange with the tracker's
 * text and forgets the connection id. Peers come as 18-byte entries when the tracker address is IPv6.
 *
 * <p>Threading: one daemon thread receives; timers run on the caller's scheduler. Futures complete on either, so
 * continuations that block must be chained with {@code *Async}. Thread-safe.
 */
public final class UdpTrackerClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerClient.class);
    private static final int MAX_DATAGRAM = 65_536;

    /**
     * @param baseTimeout          timeout of the first attempt; BEP 15 says 15 s
     * @param maxExponent          last n of {@code baseTimeout * 2^n}; BEP 15 allows up to 8 (about two hours in
     *                             all), the default 3 gives up after 15+30+60+120 s so a tier list can move on
     * @param connectionIdLifetime how long a connection id is reused; BEP 15 says one minute
     */
    public record Config(Duration baseTimeout, int maxExponent, Duration connectionIdLifetime) {
        public static final Config DEFAULT = new Config(Duration.ofSeconds(15), 3, Duration.ofMinutes(1));

        public Config {
            if (baseTimeout.isNegative() || baseTimeout.isZero() || maxExponent < 0 || maxExponent > 8) {
                throw new IllegalArgumentException("baseTimeout must be positive and maxExponent in 0..8");
            }
        }

        /** {@code baseTimeout * 2^n}. */
        public Duration timeout(int n) {
            return baseTimeout.multipliedBy(1L << n);
        }
    }

    private record ConnectionId(long id, long obtainedNanos) {
    }

    /** An outstanding packet: who must answer, which action is expected, and the exchange it belongs to. */
    private record Pending(Exchange<?> exchange, SocketAddress to, int action) {
    }

    private final DatagramChannel channel;
    private final ScheduledExecutorService timers;
    private final Config config;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, ConnectionId> connections = new ConcurrentHashMap<>();
    private final Thread receiver;
    private volatile boolean closed;

    private UdpTrackerClient(DatagramChannel channel, ScheduledExecutorService timers, Config config,
                             LongSupplier nanoTime) {
        this.channel = channel;
        this.timers = timers;
        this.config = config;
        this.nanoTime = nanoTime;
        this.receiver = new Thread(this::receiveLoop, "udp-tracker-rx-" + localPort());
        receiver.setDaemon(true);
    }

    /**
     * Opens the socket and starts the receiver thread.
     *
     * @param bind   local address; {@code new InetSocketAddress(0)} for the dual-stack wildcard, or a loopback
     *               address in tests
     * @param timers scheduler for retransmission timers, owned by the caller
     */
    public static UdpTrackerClient open(InetSocketAddress bind, ScheduledExecutorService timers, Config config)
            throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.bind(bind);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        UdpTrackerClient c = new UdpTrackerClient(ch, timers, config, System::nanoTime);
        c.receiver.start();
        return c;
    }

    /** A {@link Tracker} for one {@code udp://host:port[/...]} URL, using this client's socket. */
    public UdpTracker tracker(String url) {
        return new UdpTracker(this, url);
    }

    public int localPort() {
        try {
            SocketAddress a = channel.getLocalAddress();
            return a instanceof InetSocketAddress i ? i.getPort() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The bound local address, with the loopback address when bound to the wildcard (for tests). */
    InetSocketAddress localAddressForTest() {
        try {
            InetSocketAddress a = (InetSocketAddress) channel.getLocalAddress();
            return a.getAddress().isAnyLocalAddress()
                    ? new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), a.getPort()) : a;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<AnnounceResponse> announce(InetSocketAddress tracker, AnnounceRequest request) {
        boolean ipv6 = tracker.getAddress() instanceof Inet6Address;
        return start(new Exchange<>(tracker, UdpTrackerCodec.ANNOUNCE,
                (cid, tx) -> UdpTrackerCodec.announce(cid, tx, request),
                packet -> UdpTrackerCodec.parseAnnounce(packet, ipv6)));
    }

    CompletableFuture<ScrapeResponse> scrape(InetSocketAddress tracker, byte[] infoHash) {
        byte[] ih = AnnounceRequest.checkHash(infoHash, "info-hash");
        return start(new Exchange<>(tracker, UdpTrackerCodec.SCRAPE,
                (cid, tx) -> UdpTrackerCodec.scrape(cid, tx, ih), UdpTrackerCodec::parseScrape));
    }

    private <T> CompletableFuture<T> start(Exchange<T> x) {
        if (closed) {
            return CompletableFuture.failedFuture(closedException());
        }
        if (x.to.isUnresolved()) {
            return CompletableFuture.failedFuture(
                    new TrackerException(TrackerException.Kind.NETWORK, "tracker host name did not resolve"));
        }
        x.attempt(0);
        return x.result;
    }

    private interface RequestEncoder {
        byte[] encode(long connectionId, int transactionId);
    }

    private interface ResponseParser<T> {
        T parse(ByteBuffer packet);
    }

    /** One announce or scrape, from connect to answer, across retransmissions. */
    private final class Exchange<T> {
        final InetSocketAddress to;
        final int action;
        final RequestEncoder encoder;
        final ResponseParser<T> parser;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> timer;
        private volatile int transactionId;
        /** The n of the attempt in progress; a request sent after a connect answer keeps it. */
        private volatile int current;

        Exchange(InetSocketAddress to, int action, RequestEncoder encoder, ResponseParser<T> parser) {
            this.to = to;
            this.action = action;
            this.encoder = encoder;
            this.parser = parser;
        }

        void attempt(int n) {
            if (result.isDone()) {
                return;
            }
            if (n > config.maxExponent()) {
                fail(new TrackerException(TrackerException.Kind.NETWORK,
                        "no answer from UDP tracker after " + (n) + " attempts"));
                return;
            }
            ConnectionId cid = connections.get(to);
            if (cid != null && nanoTime.getAsLong() - cid.obtainedNanos < config.connectionIdLifetime().toNanos()) {
                send(n, action, tx -> encoder.encode(cid.id, tx));
            } else {
                connections.remove(to, cid);
                send(n, UdpTrackerCodec.CONNECT, UdpTrackerCodec::connect);
            }
        }

        private void send(int n, int expected, java.util.function.IntFunction<byte[]> packet) {
            current = n;
            int tx;
            Pending p = new Pending(this, to, expected);
            do {
                tx = random.nextInt();
            } while (pending.putIfAbsent(tx, p) != null);
            transactionId = tx;
            final int sentTx = tx;
            timer = timers.schedule(() -> {
                if (pending.remove(sentTx, p)) {
                    log.debug("UDP tracker {}: no answer to action {} within {}, attempt {}", to, expected,
                            config.timeout(n), n);
                    attempt(n + 1);
                }
            }, config.timeout(n).toNanos(), TimeUnit.NANOSECONDS);
            try {
                channel.send(ByteBuffer.wrap(packet.apply(tx)), to);
            } catch (IOException | RuntimeException e) {
                // a send error (unreachable network, closed socket) is final for this exchange
                pending.remove(tx, p);
                fail(closed ? closedException() : new TrackerException(TrackerException.Kind.NETWORK,
                        "could not send to UDP tracker (" + e.getClass().getSimpleName() + ")"));
            }
        }

        /** Called by the receiver thread with a packet whose transaction id and sender matched. */
        void onAnswer(int answerAction, int expected, ByteBuffer packet) {
            try {
                if (answerAction == UdpTrackerCodec.ERROR) {
                    connections.remove(to);
                    fail(new TrackerException(TrackerException.Kind.TRACKER_FAILURE,
                            UdpTrackerCodec.parseError(packet)));
                } else if (answerAction != expected) {
                    fail(new TrackerException(TrackerException.Kind.PROTOCOL,
                            "UDP tracker answered action " + answerAction + " to action " + expected));
                } else if (expected == UdpTrackerCodec.CONNECT) {
                    connections.put(to, new ConnectionId(UdpTrackerCodec.parseConnect(packet), nanoTime.getAsLong()));
                    ConnectionId cid = connections.get(to);
                    send(current, action, tx -> encoder.encode(cid.id, tx));
                } else {
                    T value = parser.parse(packet);
                    result.complete(value);
                }
            } catch (TrackerException e) {
                fail(e);
            }
        }

        void fail(TrackerException e) {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            pending.remove(transactionId);
            result.completeExceptionally(e);
        }
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            SocketAddress from;
            try {
                buf.clear();
                from = channel.receive(buf);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                log.debug("UDP tracker socket: {}", e.toString());
                continue;
            }
            buf.flip();
            dispatch(from, buf);
        }
    }

    private void dispatch(SocketAddress from, ByteBuffer packet) {
        Optional<UdpTrackerCodec.Header> h = UdpTrackerCodec.header(packet);
        if (h.isEmpty()) {
            log.debug("UDP tracker: dropped {}-byte packet from {}", packet.remaining(), from);
            return;
        }
        Pending p = pending.get(h.get().transactionId());
        if (p == null || !sameAddress(p.to, from)) {
            log.debug("UDP tracker: dropped packet from {} with unknown transaction id", from);
            return;
        }
        if (!pending.remove(h.get().transactionId(), p)) {
            return; // timed out concurrently; the retry owns the exchange now
        }
        ScheduledFuture<?> t = p.exchange.timer;
        if (t != null) {
            t.cancel(false);
        }
        p.exchange.onAnswer(h.get().action(), p.action, packet);
    }

    /** Compares addresses, treating an IPv4-mapped IPv6 sender as the IPv4 address it maps. */
    private static boolean sameAddress(SocketAddress expected, SocketAddress actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (expected instanceof InetSocketAddress e && actual instanceof InetSocketAddress a && e.getPort() == a.getPort()
                && a.getAddress() instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped && e.getAddress() != null && e.getAddress().getAddress().length == 4) {
                byte[] v4 = e.getAddress().getAddress();
                return v4[0] == b[12] && v4[1] == b[13] && v4[2] == b[14] && v4[3] == b[15];
            }
        }
        return false;
    }

    private TrackerException closedException() {
        return new TrackerException(TrackerException.Kind.NETWORK, "UDP tracker client is closed");
    }

    /** Closes the socket, stops the receiver and fails every outstanding exchange. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing UDP tracker socket: {}", e.toString());
        }
        for (Pending p : pending.values()) {
            p.exchange.fail(closedException());
        }
        pending.clear();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
