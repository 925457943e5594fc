package org.swarmbid.core.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.SessionListener;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.core.storage.FilePool;
import org.swarmbid.core.tracker.AnnouncePolicy;
import org.swarmbid.core.tracker.TrackerFactory;
import org.swarmbid.core.tracker.Trackers;
import org.swarmbid.core.tracker.UdpTrackerClient;
import org.swarmbid.core.wire.WirePipeline;
import org.swarmbid.core.wire.PeerId;
import org.swarmbid.core.wire.ReservedBits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: the public {@link Session}. See the package doc for its threading. */
public final class Engine implements Session {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    /** Largest frame we accept: a 16 KiB block with headroom, or a big bitfield / extension message. */
    static final int MAX_FRAME = 1 << 20;
    static final String CLIENT_VERSION = "Swarmbid 0.1.0";

    private final SessionConfig config;
    private final List<EnginePlugin> plugins;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Class<? extends SocketChannel> socketClass;
    private final Channel server;
    private final InetSocketAddress listenAddress;
    private final PeerId peerId = PeerId.generate();
    private final int trackerKey = ThreadLocalRandom.current().nextInt();
    private final ExecutorService hasherPool;
    private final ExecutorService diskPool;
    private final ScheduledExecutorService trackerScheduler;
    private final ExecutorService statusThread;
    private final UdpTrackerClient udpTrackers;
    private final TrackerFactory trackerFactory;
    private final FilePool filePool = new FilePool(FilePool.DEFAULT_MAX_OPEN);
    private final ResumeStore resumeStore;
    private final Map<String, TorrentRuntime> torrents = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SessionEvent> pending = new ArrayList<>();
    /** A prompt delivery of {@link #pending} is queued on the loop. Guarded by {@code pending}. */
    private boolean deliveryScheduled;
    private final Map<String, TorrentStatus> lastPublished = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> selfAddresses = ConcurrentHashMap.newKeySet();
    private final TokenBucket downBucket;
    private final TokenBucket upBucket;
    private int connections;
    private volatile boolean closed;

    private Engine(SessionConfig config, List<EnginePlugin> plugins) throws IOException {
        this.config = config;
        this.plugins = List.copyOf(plugins);
        boolean epoll = Epoll.isAvailable();
        this.group = epoll ? new EpollEventLoopGroup(1, new DefaultThreadFactory("swarmbid-loop", true))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("swarmbid-loop", true));
        this.socketClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Class<? extends ServerSocketChannel> serverClass =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.loop = group.next();
        int cores = Runtime.getRuntime().availableProcessors();
        this.hasherPool = Executors.newFixedThreadPool(Math.max(1, cores), daemon("swarmbid-hash"));
        this.diskPool = Executors.newSingleThreadExecutor(daemon("swarmbid-disk"));
        this.trackerScheduler = Executors.newScheduledThreadPool(1, daemon("swarmbid-tracker"));
        this.statusThread = Executors.newSingleThreadExecutor(daemon("swarmbid-status"));
        this.downBucket = new TokenBucket(config.downloadLimit());
        this.upBucket = new TokenBucket(config.uploadLimit());
        this.resumeStore = new ResumeStore(config.stateDir());
        InetAddress bind = config.bindAddress();
        ServerBootstrap sb = new ServerBootstrap()
                .group(group)
                .channel(serverClass)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!hasRoomForConnection() || closed) {
                            ch.close();
                            return;
                        }
                        connections++;
                        pipeline(ch, new PeerConnection(Engine.this, true, null, null), true);
                    }
                });
        InetSocketAddress bindTo = bind == null ? new InetSocketAddress(config.port())
                : new InetSocketAddress(bind, config.port());
        try {
            ChannelFuture f = sb.bind(bindTo).syncUninterruptibly();
            this.server = f.channel();
        } catch (RuntimeException e) {
            shutdownExecutors();
            throw new IOException("cannot listen on " + bindTo + ": " + e.getMessage(), e);
        }
        this.listenAddress = (InetSocketAddress) server.localAddress();
        this.udpTrackers = UdpTrackerClient.open(new InetSocketAddress(bind == null ? null : bind, 0),
                trackerScheduler, UdpTrackerClient.Config.DEFAULT);
        this.trackerFactory = new LazyTrackers(udpTrackers);
        loop.scheduleAtFixedRate(this::tick, 1000, 1000, TimeUnit.MILLISECONDS);
        log.info("listening on {} (peer id {})", listenAddress, peerId);
    }

    /** Starts a session listening on the configured address and port. */
    public static Engine start(SessionConfig config, List<EnginePlugin> plugins) throws IOException {
        return new Engine(config, plugins);
    }

    /**
     * Loads and initialises what every engine needs and that costs time on the first start in a process: Netty's
     * native epoll transport (extracted and linked on first use), its pooled buffer allocator and the JDK's SHA-1.
     * Idempotent and thread-safe (class initialisation); a command line calls it on a helper thread while it is
     * still parsing arguments, so that work overlaps instead of delaying the first connection. Failures are left
     * for {@link #start} to meet and report.
     */
    public static void preload() {
        try {
            Epoll.isAvailable();
            io.netty.buffer.PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
            Hashing.sha1(new byte[1], 1);
        } catch (RuntimeException | LinkageError e) {
            log.debug("preload: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return new DefaultThreadFactory(name, true);
    }

    private void pipeline(SocketChannel ch, PeerConnection pc, boolean incoming) {
        ch.config().setRecvByteBufAllocator(recvAllocator(downBucket.rate()));
        // one write syscall per read burst instead of one per message we answer with
        ch.pipeline().addLast("flush", new FlushConsolidationHandler(256, true));
        ch.pipeline().addLast("idle", new IdleStateHandler(180, 110, 0));
        WirePipeline.addLast(ch.pipeline(), incoming, MAX_FRAME);
        ch.pipeline().addLast("peer", pc);
    }

    // ---------------------------------------------------------------- loop-side services

    EventLoop loop() {
        return loop;
    }

    long now() {
        return System.currentTimeMillis();
    }

    SessionConfig config() {
        return config;
    }

    List<EnginePlugin> plugins() {
        return plugins;
    }

    PeerId peerId() {
        return peerId;
    }

    ReservedBits reservedBits() {
        return ReservedBits.NONE.withExtensionProtocol().withFastExtension();
    }

    String clientVersion() {
        return CLIENT_VERSION;
    }

    int trackerKey() {
        return trackerKey;
    }

    ExecutorService hasherPool() {
        return hasherPool;
    }

    ExecutorService diskPool() {
        return diskPool;
    }

    ScheduledExecutorService trackerScheduler() {
        return trackerScheduler;
    }

    TrackerFactory trackerFactory() {
        return trackerFactory;
    }

    AnnouncePolicy announcePolicy() {
        Duration min = config.trackerMinInterval();
        return new AnnouncePolicy(min, Duration.ofHours(2), Duration.ofSeconds(15), Duration.ofMinutes(30));
    }

    FilePool filePool() {
        return filePool;
    }

    ResumeStore resumeStore() {
        return resumeStore;
    }

    TokenBucket downloadBucket() {
        return downBucket;
    }

    TokenBucket uploadBucket() {
        return upBucket;
    }

    TorrentRuntime torrentFor(byte[] infoHash) {
        return torrents.get(HexFormat.of().formatHex(infoHash));
    }

    boolean hasRoomForConnection() {
        return connections < config.maxConnections();
    }

    void rememberSelf(InetSocketAddress a) {
        if (a != null) {
            selfAddresses.add(a);
        }
    }

    boolean isSelf(InetSocketAddress a) {
        if (selfAddresses.contains(a)) {
            return true;
        }
        return a.getPort() == listenAddress.getPort()
                && (a.getAddress().isLoopbackAddress() || a.getAddress().equals(listenAddress.getAddress()));
    }

    /**
     * Largest socket read. Netty's adaptive allocator grows a busy connection's reads up to this (and shrinks them
     * again when idle); at its default of 64 KiB a fast download took one read, one pooled allocation and one
     * cumulation step per four 16 KiB blocks. 1 MiB: loop thread 1.7-1.9 -> 1.4-1.5 CPU s per GiB
     * ({@code scripts/bench-transfer}, A/B in docs/benchmarks.md).
     */
    static final int MAX_READ = 1 << 20;

    /**
     * The read-size policy for a download limit: with a limit, reads stay at an eighth of a second's worth (16 KiB
     * to {@link #MAX_READ}) so that one read taken after the bucket ran dry overshoots the limit by little; the
     * bucket's debt is repaid by pausing reads, but a 1 MiB read would make a small limit burst far above itself.
     */
    static io.netty.channel.RecvByteBufAllocator recvAllocator(long downloadLimit) {
        int max = downloadLimit <= 0 ? MAX_READ
                : (int) Math.max(16 * 1024, Math.min(MAX_READ, downloadLimit / 8));
        return new io.netty.channel.AdaptiveRecvByteBufAllocator(64, Math.min(2048, max), max);
    }

    /** Opens an outgoing connection for a torrent. Called on the loop. */
    PeerConnection dial(TorrentRuntime t, InetSocketAddress to) {
        PeerConnection pc = new PeerConnection(this, false, t, to);
        connections++;
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(socketClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch, pc, false);
                    }
                });
        if (config.bindAddress() != null) {
            b.localAddress(new InetSocketAddress(config.bindAddress(), 0));
        }
        log.debug("dialing {} for {}", to, t.name());
        b.connect(to).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                log.debug("cannot connect to {}: {}", to, f.cause() == null ? "?" : f.cause().getMessage());
                connections--;
                t.dialFailed(pc);
            }
        });
        return pc;
    }

    /**
     * Builds the {@link Trackers} (and its {@link HttpClient}) when the first tracker is made: an HttpClient sets up
     * TLS on creation (the JDK's trust store, ~400 classes, a measurable part of start-up), which a download from
     * given peers or a torrent without trackers never needs. Thread-safe.
     */
    private static final class LazyTrackers implements TrackerFactory {
        private final UdpTrackerClient udp;
        private Trackers trackers;

        LazyTrackers(UdpTrackerClient udp) {
            this.udp = udp;
        }

        @Override
        public synchronized org.swarmbid.core.tracker.Tracker create(String url) {
            if (trackers == null) {
                trackers = new Trackers(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                        Duration.ofSeconds(20), udp);
            }
            return trackers.create(url);
        }
    }

    void connectionClosed(PeerConnection pc) {
        connections--;
    }

    /**
     * Queues an event and delivers it within milliseconds (with a status diff of the torrents it changed), so a
     * listener waiting for "finished" (the CLI exits on it) does not wait for the once-a-second tick. Any thread.
     */
    void publish(SessionEvent e) {
        boolean schedule;
        synchronized (pending) {
            pending.add(e);
            schedule = !deliveryScheduled;
            deliveryScheduled = true;
        }
        if (schedule) {
            try {
                loop.execute(this::deliver);
            } catch (java.util.concurrent.RejectedExecutionException ex) {
                log.debug("engine loop closed; event {} not delivered", e.getClass().getSimpleName());
            }
        }
    }

    private void tick() {
        long now = now();
        for (TorrentRuntime t : torrents.values()) {
            try {
                t.tick(now);
            } catch (RuntimeException e) {
                log.error("tick of {} failed", t.name(), e);
            }
        }
        deliver();
    }

    /**
     * Hands the queued events, then a diff of the statuses that changed since the last delivery (if any), to the
     * listeners on the status thread. Loop only.
     */
    private void deliver() {
        List<TorrentStatus> changed = new ArrayList<>();
        for (TorrentRuntime t : torrents.values()) {
            TorrentStatus s = t.status();
            TorrentStatus prev = lastPublished.put(t.infoHash(), s);
            if (!s.equals(prev)) {
                changed.add(s);
            }
        }
        List<SessionEvent> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            deliveryScheduled = false;
        }
        if (!changed.isEmpty()) {
            batch.add(new SessionEvent.StatusDiff(changed));
        }
        if (!batch.isEmpty() && !listeners.isEmpty()) {
            statusThread.execute(() -> {
                for (SessionListener l : listeners) {
                    try {
                        l.onEvents(batch);
                    } catch (RuntimeException e) {
                        log.warn("listener failed: {}", e.toString());
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- Session

    @Override
    public int listenPort() {
        return listenAddress.getPort();
    }

    @Override
    public InetSocketAddress listenAddress() {
        return listenAddress;
    }

    @Override
    public TorrentHandle add(Metainfo metainfo, AddOptions options) {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        TorrentRuntime t = new TorrentRuntime(this, metainfo, options.saveDir());
        if (torrents.putIfAbsent(t.infoHash(), t) != null) {
            throw new IllegalStateException("torrent " + t.infoHash() + " (" + t.name() + ") is already added");
        }
        publish(new SessionEvent.TorrentAdded(t.status()));
        loop.execute(() -> {
            if (options.paused()) {
                t.stop(TorrentState.PAUSED);
            } else {
                t.start(options.trustExistingData());
            }
        });
        return t;
    }

    @Override
    public Optional<TorrentHandle> find(String infoHash) {
        return Optional.ofNullable(torrents.get(infoHash.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public List<TorrentHandle> torrents() {
        return List.copyOf(torrents.values());
    }

    @Override
    public CompletableFuture<Void> remove(String infoHash, boolean deleteData) {
        TorrentRuntime t = torrents.remove(infoHash.toLowerCase(java.util.Locale.ROOT));
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no torrent " + infoHash));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> t.stop(TorrentState.PAUSED).whenComplete((v, e) -> loop.execute(() -> {
            diskPool.execute(() -> {
                resumeStore.sync();
                t.closeStorage(deleteData);
                lastPublished.remove(t.infoHash());
                publish(new SessionEvent.TorrentRemoved(t.infoHash(), deleteData));
                done.complete(null);
            });
        })));
        return done;
    }

    @Override
    public void setRateLimits(long downloadLimit, long uploadLimit) {
        loop.execute(() -> {
            downBucket.setRate(downloadLimit);
            upBucket.setRate(uploadLimit);
            var alloc = recvAllocator(downloadLimit);
            for (TorrentRuntime t : torrents.values()) {
                t.forEachPeer(p -> p.setRecvAllocator(alloc));
            }
        });
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        loop.execute(() -> {
            for (TorrentRuntime t : torrents.values()) {
                stops.add(t.stop(TorrentState.PAUSED));
            }
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> all.complete(null));
        });
        try {
            all.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("stopping torrents took too long: {}", e.toString());
        }
        resumeStore.sync();
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
            for (TorrentRuntime t : torrents.values()) {
                t.closeStorage(false);
            }
        }, diskPool);
        try {
            flushed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("flushing files took too long: {}", e.toString());
        }
        resumeStore.close();
        for (EnginePlugin p : plugins) {
            try {
                p.close();
            } catch (RuntimeException e) {
                log.warn("plugin {} failed to close: {}", p.name(), e.toString());
            }
        }
        server.close().syncUninterruptibly();
        udpTrackers.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        filePool.close();
        shutdownExecutors();
    }

    private void shutdownExecutors() {
        hasherPool.shutdownNow();
        diskPool.shutdown();
        trackerScheduler.shutdownNow();
        statusThread.shutdown();
        try {
            diskPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
