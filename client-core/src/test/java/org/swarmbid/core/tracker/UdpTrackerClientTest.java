package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpTrackerClientTest {
    /** Base timeout for the retransmission tests; the others use a generous one so load cannot trigger retries. */
    static final Duration BASE = Duration.ofMillis(100);
    static final UdpTrackerClient.Config FAST = new UdpTrackerClient.Config(BASE, 2, Duration.ofMinutes(1));

    FakeUdpTracker server;
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    UdpTrackerClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeUdpTracker();
        client = open(new UdpTrackerClient.Config(Duration.ofSeconds(2), 2, Duration.ofMinutes(1)));
    }

    UdpTrackerClient open(UdpTrackerClient.Config config) throws Exception {
        return UdpTrackerClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), timers, config);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        timers.shutdownNow();
    }

    static AnnounceRequest request() {
        return HttpTrackerTest.request(AnnounceEvent.STARTED);
    }

    static TrackerException failure(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(TrackerException.class);
            return (TrackerException) e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void connectsThenAnnouncesWithTheConnectionId() {
        AnnounceResponse r = client.tracker(server.url()).announce(request()).join();
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881));
        assertThat(r.interval()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(r.complete()).hasValue(3);
        assertThat(r.incomplete()).hasValue(2);
        FakeUdpTracker.Request a = server.requests.get(1);
        assertThat(a.action()).isEqualTo(UdpTrackerCodec.ANNOUNCE);
        assertThat(a.bytes()).hasSize(98);
        assertThat(a.buffer().getLong(0)).isEqualTo(FakeUdpTracker.CONNECTION_ID);
        assertThat(Arrays.copyOfRange(a.bytes(), 16, 36)).isEqualTo(HttpTrackerTest.HASH);
        assertThat(a.buffer().getInt(80)).isEqualTo(2); // started
        assertThat(a.buffer().getShort(96)).isEqualTo((short) 6881);
        assertThat(a.transactionId()).isNotEqualTo(server.requests.get(0).transactionId());
    }

    @Test
    void connectionIdIsReusedWithinItsLifetimeOnly() throws Exception {
        UdpTracker t = client.tracker(server.url());
        t.announce(request()).join();
        t.scrape(HttpTrackerTest.HASH).join();
        assertThat(server.count(UdpTrackerCodec.CONNECT)).isEqualTo(1);

        try (UdpTrackerClient shortLived = open(new UdpTrackerClient.Config(Duration.ofSeconds(2), 2, Duration.ofNanos(1)))) {
            UdpTracker s = shortLived.tracker(server.url());
            s.announce(request()).join();
            s.announce(request()).join();
        }
        assertThat(server.count(UdpTrackerCodec.CONNECT)).isEqualTo(3);
    }

    @Test
    void scrapeCounts() {
        assertThat(client.tracker(server.url()).scrape(HttpTrackerTest.HASH).join()).isEqualTo(new ScrapeResponse(5, 50, 10));
        FakeUdpTracker.Request s = server.requests.get(1);
        assertThat(s.bytes()).hasSize(36);
        assertThat(Arrays.copyOfRange(s.bytes(), 16, 36)).isEqualTo(HttpTrackerTest.HASH);
    }

    @Test
    void wrongTransactionIdIsIgnoredAndTheRetransmissionSucceeds() throws Exception {
        server.script = (r, n) -> r.action() == UdpTrackerCodec.CONNECT && n == 1
                ? List.of(FakeUdpTracker.connectReply(r.transactionId() + 1))
                : FakeUdpTracker.standard(r, n);
        client.close();
        client = open(FAST);
        long t0 = System.nanoTime();
        AnnounceResponse r = client.tracker(server.url()).announce(request()).join();
        assertThat(r.peers()).hasSize(1);
        assertThat(server.count(UdpTrackerCodec.CONNECT)).isGreaterThanOrEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(BASE);
    }

    @Test
    void answerFromAnotherAddressIsIgnored() throws Exception {
        client.close();
        client = open(FAST);
        try (DatagramSocket spoofer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            server.script = (r, n) -> {
                if (r.action() == UdpTrackerCodec.ANNOUNCE && n == 1) {
                    // a third party that guessed the transaction id answers first with a bogus peer
                    byte[] bogus = ByteBuffer.allocate(26).putInt(1).putInt(r.transactionId()).putInt(1).putInt(0)
                            .putInt(0).put(new byte[] {6, 6, 6, 6, 0, 1}).array();
                    try {
                        spoofer.send(new DatagramPacket(bogus, bogus.length, client.localAddressForTest()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return List.of();
                }
                return FakeUdpTracker.standard(r, n);
            };
            AnnounceResponse r = client.tracker(server.url()).announce(request()).join();
            assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881));
            assertThat(server.count(UdpTrackerCodec.ANNOUNCE)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void errorActionFailsWithTheTrackersText() {
        server.script = (r, n) -> r.action() == UdpTrackerCodec.ANNOUNCE
                ? List.of(FakeUdpTracker.error(r.transactionId(), "Requested download is not authorized"))
                : FakeUdpTracker.standard(r, n);
        TrackerException e = failure(client.tracker(server.url()).announce(request()));
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.TRACKER_FAILURE);
        assertThat(e).hasMessage("Requested download is not authorized");
        // the connection id is forgotten after an error
        client.tracker(server.url()).scrape(HttpTrackerTest.HASH).join();
        assertThat(server.count(UdpTrackerCodec.CONNECT)).isEqualTo(2);
    }

    @Test
    void silentTrackerTimesOutAfterBackedOffRetransmissions() throws Exception {
        server.script = (r, n) -> List.of();
        client.close();
        client = open(FAST);
        long t0 = System.nanoTime();
        TrackerException e = failure(client.tracker(server.url()).announce(request()));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.NETWORK);
        assertThat(e).hasMessage("no answer from UDP tracker after 3 attempts");
        assertThat(server.count(UdpTrackerCodec.CONNECT)).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofMillis(3000)); // 100+200+400
    }

    @Test
    void wrongActionAndShortAnswersAreProtocolErrors() {
        server.script = (r, n) -> r.action() == UdpTrackerCodec.ANNOUNCE
                ? List.of(ByteBuffer.allocate(20).putInt(2).putInt(r.transactionId()).putInt(0).putInt(0).putInt(0).array())
                : FakeUdpTracker.standard(r, n);
        assertThat(failure(client.tracker(server.url()).announce(request())))
                .hasMessage("UDP tracker answered action 2 to action 1");
        server.script = (r, n) -> r.action() == UdpTrackerCodec.ANNOUNCE
                ? List.of(ByteBuffer.allocate(23).putInt(1).putInt(r.transactionId()).putInt(60).putInt(0).putInt(0).array())
                : FakeUdpTracker.standard(r, n);
        assertThat(failure(client.tracker(server.url()).announce(request())))
                .hasMessage("truncated peer list: UDP announce has 3 bytes, not a multiple of 6");
    }

    @Test
    void closingFailsOutstandingExchanges() {
        server.script = (r, n) -> List.of();
        CompletableFuture<AnnounceResponse> f = client.tracker(server.url()).announce(request());
        client.close();
        assertThat(failure(f)).hasMessage("UDP tracker client is closed");
        assertThat(failure(client.tracker(server.url()).announce(request()))).hasMessage("UDP tracker client is closed");
    }

    @Test
    void rejectsUrlsWithoutPort() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.tracker("udp://127.0.0.1/announce"))
                .isInstanceOf(TrackerException.class).hasMessage("not a udp://host:port tracker URL");
    }
}
