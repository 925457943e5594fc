package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTrackerTest {
    static final byte[] HASH = HttpTrackerQueryTest.HASH;
    static final byte[] PEER_ID = "-SB0001-000000000001".getBytes(StandardCharsets.US_ASCII);

    FakeHttpTracker server;
    HttpClient client = HttpTracker.newClient(Duration.ofSeconds(2));

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttpTracker();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static AnnounceRequest request(AnnounceEvent e) {
        return new AnnounceRequest(HASH, PEER_ID, 6881, 1, 2, 3, e, 30, 77, true);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (Object p : parts) {
            o.writeBytes(p instanceof byte[] b ? b : ((String) p).getBytes(StandardCharsets.ISO_8859_1));
        }
        return o.toByteArray();
    }

    HttpTracker tracker(String path) {
        return new HttpTracker(client, server.url(path), Duration.ofSeconds(2));
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
    void announcesWithEncodedHashAndParsesCompactPeers() {
        server.answer = q -> FakeHttpTracker.Reply.ok(bytes("d8:completei1e10:incompletei2e8:intervali900e5:peers6:",
                new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1}, "e"));
        AnnounceResponse r = tracker("/announce?passkey=abc").announce(request(AnnounceEvent.STARTED)).join();
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881));
        assertThat(r.complete()).hasValue(1);
        assertThat(r.incomplete()).hasValue(2);
        assertThat(server.requests).singleElement().satisfies(q -> assertThat(q)
                .startsWith("/announce?passkey=abc&info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A&peer_id=-SB0001-000000000001")
                .contains("&compact=1", "&event=started", "&numwant=30", "&port=6881"));
    }

    @Test
    void trackerIdIsEchoedUntilStopped() {
        server.answer = q -> FakeHttpTracker.Reply.ok("d8:intervali60e5:peers0:10:tracker id4:T-42e");
        HttpTracker t = tracker("/announce");
        t.announce(request(AnnounceEvent.STARTED)).join();
        t.announce(request(AnnounceEvent.NONE)).join();
        t.announce(request(AnnounceEvent.STOPPED)).join();
        t.announce(request(AnnounceEvent.STARTED)).join();
        assertThat(server.requests.get(0)).doesNotContain("trackerid=");
        assertThat(server.requests.get(1)).contains("&trackerid=T-42");
        assertThat(server.requests.get(2)).contains("&trackerid=T-42");
        assertThat(server.requests.get(3)).doesNotContain("trackerid=");
    }

    @Test
    void failureReasonReachesTheUserEvenWithAnErrorStatus() {
        server.answer = q -> FakeHttpTracker.Reply.ok("d14:failure reason36:Requested download is not authorizede");
        TrackerException e = failure(() -> tracker("/announce").announce(request(AnnounceEvent.STARTED)).join());
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.TRACKER_FAILURE);
        assertThat(e.getMessage()).isEqualTo("Requested download is not authorized");

        server.answer = q -> new FakeHttpTracker.Reply(403, "d14:failure reason6:bannede".getBytes(), 0, false);
        assertThat(failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join())).hasMessage("banned");

        server.answer = q -> new FakeHttpTracker.Reply(404, "<h1>no</h1>".getBytes(), 0, false);
        TrackerException e404 = failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join());
        assertThat(e404).hasMessage("tracker answered HTTP 404");
        assertThat(e404.kind()).isEqualTo(TrackerException.Kind.NETWORK);
    }

    @Test
    void warningMessageIsPassedOn() {
        server.answer = q -> FakeHttpTracker.Reply.ok("d8:intervali60e5:peers0:15:warning message13:client is olde");
        assertThat(tracker("/announce").announce(request(AnnounceEvent.NONE)).join().warningMessage())
                .contains("client is old");
    }

    @Test
    void malformedBencodeAndTruncatedPeersAreProtocolErrors() {
        server.answer = q -> FakeHttpTracker.Reply.ok("d8:intervali60e5:peers");
        TrackerException e = failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join());
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.PROTOCOL);
        assertThat(e.getMessage()).startsWith("malformed bencode: truncated input");

        server.answer = q -> FakeHttpTracker.Reply.ok(bytes("d8:intervali60e5:peers8:", new byte[8], "e"));
        assertThat(failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join()))
                .hasMessage("truncated peer list: peers has 8 bytes, not a multiple of 6");
    }

    @Test
    void ipv6PeersFromPeers6() {
        byte[] six = new byte[18];
        six[15] = 1;
        six[16] = (byte) 0xc8;
        six[17] = (byte) 0xd5;
        server.answer = q -> FakeHttpTracker.Reply.ok(bytes("d8:intervali60e5:peers6:", new byte[] {10, 1, 2, 3, 0, 80},
                "6:peers618:", six, "e"));
        assertThat(tracker("/announce").announce(request(AnnounceEvent.NONE)).join().peers())
                .containsExactly(new InetSocketAddress("10.1.2.3", 80), new InetSocketAddress("::1", 51413));
    }

    @Test
    void oversizeBodiesAreCutOff() {
        int limit = 4 << 20;
        byte[] big = new byte[limit + 1];
        Arrays.fill(big, (byte) 'x');
        server.answer = q -> new FakeHttpTracker.Reply(200, big, 0, false); // Content-Length says too much
        TrackerException declared = failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join());
        assertThat(declared.kind()).isEqualTo(TrackerException.Kind.PROTOCOL);
        assertThat(declared).hasMessageContaining("larger than the limit of 4194304 bytes (declares 4194305 bytes)");

        server.answer = q -> new FakeHttpTracker.Reply(200, big, 0, true); // chunked: no length up front
        TrackerException streamed = failure(() -> tracker("/announce").announce(request(AnnounceEvent.NONE)).join());
        assertThat(streamed).hasMessageContaining("larger than the limit of 4194304 bytes (more than");
    }

    @Test
    void slowTrackerTimesOutAndDeadOneIsRefused() throws Exception {
        server.answer = q -> new FakeHttpTracker.Reply(200, "d8:intervali60ee".getBytes(), 3000, false);
        HttpTracker slow = new HttpTracker(client, server.url("/announce"), Duration.ofMillis(300));
        long t0 = System.nanoTime();
        TrackerException e = failure(() -> slow.announce(request(AnnounceEvent.NONE)).join());
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.NETWORK);
        assertThat(e).hasMessage("tracker did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpTracker dead = new HttpTracker(client, "http://127.0.0.1:" + closedPort + "/announce", Duration.ofSeconds(2));
        assertThat(failure(() -> dead.announce(request(AnnounceEvent.NONE)).join())).hasMessage("could not connect to tracker");
    }

    @Test
    void scrapeUsesTheBep48Url() {
        server.answer = q -> q.startsWith("/x/scrape.php?pk=1&info_hash=%124Vx")
                ? FakeHttpTracker.Reply.ok(bytes("d5:filesd20:", HASH, "d8:completei5e10:downloadedi50e10:incompletei10eeee"))
                : new FakeHttpTracker.Reply(404, new byte[0], 0, false);
        assertThat(tracker("/x/announce.php?pk=1").scrape(HASH).join()).isEqualTo(new ScrapeResponse(5, 50, 10));

        TrackerException e = failure(() -> tracker("/tracker").scrape(HASH).join());
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNSUPPORTED);
    }

    @Test
    void rejectsNonHttpUrls() {
        assertThatThrownBy(() -> new HttpTracker(client, "udp://127.0.0.1:1/announce", Duration.ofSeconds(1)))
                .isInstanceOf(TrackerException.class);
        assertThatThrownBy(() -> new HttpTracker(client, "http://bad host/announce", Duration.ofSeconds(1)))
                .isInstanceOf(TrackerException.class).hasMessage("malformed tracker URL");
    }
}
