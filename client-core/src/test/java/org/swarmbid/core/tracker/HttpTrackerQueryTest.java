package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpTrackerQueryTest {

    static final byte[] HASH = HexFormat.of().parseHex("123456789abcdef123456789abcdef123456789a");

    @Test
    void percentEncodesBinaryByteByByte() {
        // vector from the unofficial BitTorrent spec (wiki.theory.org, "Tracker HTTP/HTTPS Protocol")
        assertThat(HttpTrackerQuery.percentEncode(HASH)).isEqualTo("%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A");
    }

    @Test
    void keepsExactlyTheUnreservedCharacters() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String enc = HttpTrackerQuery.percentEncode(all);
        int kept = 0;
        for (int i = 0; i < 256; i++) {
            char c = (char) i;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                kept++;
            }
        }
        assertThat(kept).isEqualTo(66);
        assertThat(enc).hasSize(kept + (256 - kept) * 3);
        assertThat(enc).contains("-.", "%2F", "%20", "%FF", "%00", "~").doesNotContain("+");
    }

    @Test
    void announceQueryCarriesEveryField() {
        byte[] peerId = "-SB0001-abcdefghijkl".getBytes();
        AnnounceRequest r = new AnnounceRequest(HASH, peerId, 6881, 10, 20, 30, AnnounceEvent.STARTED, 50,
                0x0badcafe, true);
        String q = HttpTrackerQuery.announce(r, Optional.of("t id"));
        assertThat(q).isEqualTo("info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A"
                + "&peer_id=-SB0001-abcdefghijkl&port=6881&uploaded=10&downloaded=20&left=30&compact=1"
                + "&event=started&numwant=50&key=0BADCAFE&trackerid=t%20id");
    }

    @Test
    void noneEventAndDefaultNumwantAreOmitted() {
        AnnounceRequest r = new AnnounceRequest(HASH, HASH, 1, 0, 0, 0, AnnounceEvent.NONE, -1, 0, false);
        String q = HttpTrackerQuery.announce(r, Optional.empty());
        assertThat(q).doesNotContain("event=", "numwant=", "trackerid=").contains("&compact=0");
    }

    @Test
    void appendsToAnExistingQuery() {
        assertThat(HttpTrackerQuery.append("http://t/announce", "a=1")).isEqualTo("http://t/announce?a=1");
        assertThat(HttpTrackerQuery.append("http://t/announce?pk=x", "a=1")).isEqualTo("http://t/announce?pk=x&a=1");
        assertThat(HttpTrackerQuery.append("http://t/announce?", "a=1")).isEqualTo("http://t/announce?a=1");
        assertThat(HttpTrackerQuery.append("http://t/announce#frag", "a=1")).isEqualTo("http://t/announce?a=1");
    }
}
