package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTrackerResponsesTest {

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    @Test
    void compactPeersAndCounts() {
        byte[] peers = {127, 0, 0, 1, 0x1a, (byte) 0xe1, 10, 0, 0, 2, 0x00, 0x50};
        AnnounceResponse r = HttpTrackerResponses.parseAnnounce(cat(b("d8:completei3e10:incompletei4e8:intervali1800e"
                + "12:min intervali900e5:peers12:"), peers, b("10:tracker id3:abce")));
        assertThat(r.interval()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(r.minInterval()).contains(Duration.ofSeconds(900));
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881), new InetSocketAddress("10.0.0.2", 80));
        assertThat(r.complete()).hasValue(3);
        assertThat(r.incomplete()).hasValue(4);
        assertThat(r.trackerId()).contains("abc");
        assertThat(r.warningMessage()).isEmpty();
    }

    @Test
    void dictionaryModelPeersSkipHostnamesAndBadPorts() {
        AnnounceResponse r = HttpTrackerResponses.parseAnnounce(b("d8:intervali60e5:peersl"
                + "d2:ip9:127.0.0.17:peer id20:aaaaaaaaaaaaaaaaaaaa4:porti51413ee"
                + "d2:ip3:::14:porti6881ee"
                + "d2:ip11:example.com4:porti1ee"
                + "d2:ip9:127.0.0.24:porti0ee"
                + "d2:ip9:300.0.0.14:porti5ee"
                + "ee"));
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 51413), new InetSocketAddress("::1", 6881));
    }

    @Test
    void peers6Are18ByteEntries() {
        byte[] p6 = new byte[18];
        p6[15] = 1; // ::1
        p6[16] = 0x1a;
        p6[17] = (byte) 0xe1;
        AnnounceResponse r = HttpTrackerResponses.parseAnnounce(cat(b("d8:intervali60e5:peers0:6:peers618:"), p6, b("e")));
        assertThat(r.peers()).containsExactly(new InetSocketAddress("::1", 6881));
    }

    @Test
    void failureReasonBecomesTheMessage() {
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("d14:failure reason36:Requested download is not\nauthorizede")))
                .isInstanceOfSatisfying(TrackerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TrackerException.Kind.TRACKER_FAILURE);
                    assertThat(e.getMessage()).isEqualTo("Requested download is not authorized");
                });
    }

    @Test
    void warningIsKept() {
        AnnounceResponse r = HttpTrackerResponses.parseAnnounce(b("d8:intervali60e5:peers0:15:warning message9:slow downe"));
        assertThat(r.warningMessage()).contains("slow down");
    }

    @Test
    void malformedAndTruncatedAnswersAreProtocolErrors() {
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("<html>oops</html>")))
                .isInstanceOf(TrackerException.class).hasMessageStartingWith("malformed bencode");
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("d8:intervali60e5:peers7:1234567e")))
                .isInstanceOf(TrackerException.class).hasMessage("truncated peer list: peers has 7 bytes, not a multiple of 6");
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("d8:intervali60e6:peers65:12345e")))
                .hasMessageContaining("peers6 has 5 bytes");
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("d8:intervali-1ee"))).hasMessage("negative interval -1");
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("d8:interval2:60e"))).hasMessageContaining("must be a");
        assertThatThrownBy(() -> HttpTrackerResponses.parseAnnounce(b("li1ee"))).hasMessageContaining("not a bencoded dictionary");
    }

    @Test
    void scrapeFindsOurTorrent() {
        byte[] ih = HttpTrackerQueryTest.HASH;
        byte[] body = cat(b("d5:filesd20:"), ih, b("d8:completei5e10:downloadedi50e10:incompletei10eeee"));
        assertThat(HttpTrackerResponses.parseScrape(body, ih)).isEqualTo(new ScrapeResponse(5, 50, 10));
        assertThatThrownBy(() -> HttpTrackerResponses.parseScrape(b("d5:filesdee"), ih))
                .hasMessageContaining("did not report this torrent");
    }
}
