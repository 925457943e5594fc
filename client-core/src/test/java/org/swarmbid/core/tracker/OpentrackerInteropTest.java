package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Against the real Debian {@code opentracker}, started here on 127.0.0.1 (TCP and UDP on one free port). The Debian
 * build runs in whitelist mode, chroots to its {@code -d} directory and drops to {@code nobody}, so the whitelist is
 * written before start, relative to that directory (see /work/shared/interop/RESULTS.md).
 */
@Tag("interop")
class OpentrackerInteropTest {
    static final Path BINARY = Path.of("/usr/bin/opentracker");
    static final SecureRandom RANDOM = new SecureRandom();
    static final byte[] HTTP_HASH = random20();
    static final byte[] UDP_HASH = random20();
    static final byte[] UNLISTED_HASH = random20();

    static Path dir;
    static Process tracker;
    static int port;
    static ScheduledExecutorService timers;

    static byte[] random20() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return b;
    }

    @BeforeAll
    static void startTracker() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("opentracker is not installed (apt-get install opentracker): " + BINARY);
        }
        dir = Files.createTempDirectory("opentracker-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path whitelist = dir.resolve("whitelist.txt");
        Files.writeString(whitelist, HexFormat.of().formatHex(HTTP_HASH) + "\n" + HexFormat.of().formatHex(UDP_HASH) + "\n");
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        Path conf = dir.resolve("opentracker.conf");
        Files.writeString(conf, "access.whitelist whitelist.txt\n");
        port = freeTcpAndUdpPort();
        tracker = new ProcessBuilder(BINARY.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port), "-P",
                Integer.toString(port), "-d", dir.toString(), "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("opentracker.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException e) {
                if (!tracker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("opentracker did not start: " + Files.readString(dir.resolve("opentracker.log")));
                }
                Thread.sleep(50);
            }
        }
        timers = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopTracker() throws Exception {
        if (timers != null) {
            timers.shutdownNow();
        }
        if (tracker != null) {
            tracker.destroy();
            if (!tracker.waitFor(5, TimeUnit.SECONDS)) {
                tracker.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static int freeTcpAndUdpPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int p = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p))) {
                    return p;
                } catch (IOException busy) {
                    // UDP side taken; try another
                }
            }
        }
        throw new IOException("no free port with both TCP and UDP");
    }

    static AnnounceRequest peer(byte[] hash, int peerPort, long left, AnnounceEvent event) {
        byte[] id = ("-SB0001-" + String.format("%012d", peerPort)).getBytes();
        return new AnnounceRequest(hash, id, peerPort, 0, 0, left, event, 50, peerPort, true);
    }

    static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 40001);
    static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 40002);

    /** Two fake peers announce and see each other; scrape counts them; stopped removes one. */
    static void swarm(Tracker t, byte[] hash) {
        AnnounceResponse first = t.announce(peer(hash, A.getPort(), 1000, AnnounceEvent.STARTED)).join();
        assertThat(first.interval()).isPositive();
        AnnounceResponse seeder = t.announce(peer(hash, B.getPort(), 0, AnnounceEvent.STARTED)).join();
        assertThat(seeder.peers()).contains(A);
        AnnounceResponse again = t.announce(peer(hash, A.getPort(), 1000, AnnounceEvent.NONE)).join();
        assertThat(again.peers()).contains(B);
        assertThat(again.complete()).hasValue(1);
        assertThat(again.incomplete()).hasValue(1);

        ScrapeResponse s = t.scrape(hash).join();
        assertThat(s.complete()).isEqualTo(1);
        assertThat(s.incomplete()).isEqualTo(1);

        t.announce(peer(hash, B.getPort(), 0, AnnounceEvent.STOPPED)).join();
        ScrapeResponse after = t.scrape(hash).join();
        assertThat(after.complete()).isZero();
        assertThat(after.incomplete()).isEqualTo(1);
        AnnounceResponse alone = t.announce(peer(hash, A.getPort(), 1000, AnnounceEvent.NONE)).join();
        assertThat(alone.peers()).doesNotContain(B);
    }

    /** Times {@code n} sequential announces and logs the median and worst round trip. */
    static void measure(String what, Tracker t, byte[] hash, int n) {
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            t.announce(peer(hash, 41000, 1000, AnnounceEvent.NONE)).join();
            ns[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(ns);
        org.slf4j.LoggerFactory.getLogger(OpentrackerInteropTest.class).info(
                "{} announce to opentracker: median {} us, max {} us over {}", what, ns[n / 2] / 1000, ns[n - 1] / 1000, n);
        assertThat(Duration.ofNanos(ns[n / 2])).isLessThan(Duration.ofMillis(100));
        t.announce(peer(hash, 41000, 1000, AnnounceEvent.STOPPED)).join();
    }

    static TrackerException failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(TrackerException.class);
            return (TrackerException) e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void httpSwarmAndScrape() {
        HttpTracker t = new HttpTracker(HttpTracker.newClient(Duration.ofSeconds(5)),
                "http://127.0.0.1:" + port + "/announce", Duration.ofSeconds(5));
        swarm(t, HTTP_HASH);
        measure("HTTP", t, HTTP_HASH, 200);
        TrackerException e = failure(() -> t.announce(peer(UNLISTED_HASH, 40003, 1, AnnounceEvent.STARTED)).join());
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.TRACKER_FAILURE);
        assertThat(e.getMessage()).containsIgnoringCase("not authorized");
    }

    @Test
    void udpSwarmAndScrape() throws Exception {
        try (UdpTrackerClient client = UdpTrackerClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                timers, new UdpTrackerClient.Config(Duration.ofMillis(500), 2, Duration.ofMinutes(1)))) {
            UdpTracker t = client.tracker("udp://127.0.0.1:" + port + "/announce");
            swarm(t, UDP_HASH);
            measure("UDP", t, UDP_HASH, 200);
            // over UDP opentracker refuses an unlisted torrent with a bare 8-byte header, not an error action
            TrackerException e = failure(() -> t.announce(peer(UNLISTED_HASH, 40003, 1, AnnounceEvent.STARTED)).join());
            assertThat(e.kind()).isEqualTo(TrackerException.Kind.PROTOCOL);
            assertThat(e.getMessage()).isEqualTo("tracker refused the announce without a reason (empty answer)");
        }
    }

    @Test
    void trackerListAnnouncesAndStopsAgainstTheRealTracker() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrackerListener listener = new TrackerListener() {
            @Override
            public void onPeers(String url, List<InetSocketAddress> peers) {
                seen.add(url);
            }

            @Override
            public void onStatus(TrackerStatus status) {
            }
        };
        try (UdpTrackerClient client = UdpTrackerClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                timers, new UdpTrackerClient.Config(Duration.ofMillis(500), 2, Duration.ofMinutes(1)))) {
            Trackers factory = new Trackers(HttpTracker.newClient(Duration.ofSeconds(5)), Duration.ofSeconds(5), client);
            String udp = "udp://127.0.0.1:" + port;
            TrackerList list = new TrackerList(List.of(List.of(udp)), factory,
                    new AnnounceTemplate(UDP_HASH, random20(), 40009, 1, 50), () -> new TransferTotals(0, 0, 0),
                    timers, listener, AnnouncePolicy.DEFAULT, new java.util.Random(), java.time.Clock.systemUTC());
            int before = factory.create(udp).scrape(UDP_HASH).join().complete();
            list.start();
            TrackerListTest.await(() -> seen.size() == 1);
            assertThat(list.statuses().get(0).state()).isEqualTo(TrackerState.WORKING);
            assertThat(factory.create(udp).scrape(UDP_HASH).join().complete()).isEqualTo(before + 1);
            list.stop(Duration.ofSeconds(2)).join();
            assertThat(list.statuses().get(0).state()).isEqualTo(TrackerState.STOPPED);
            assertThat(list.statuses().get(0).lastError()).isEmpty();
            assertThat(factory.create(udp).scrape(UDP_HASH).join().complete()).isEqualTo(before);
        }
    }
}
