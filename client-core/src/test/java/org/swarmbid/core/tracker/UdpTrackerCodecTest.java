package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UdpTrackerCodecTest {

    @Test
    void connectRequestLayout() {
        assertThat(HexFormat.of().formatHex(UdpTrackerCodec.connect(0x01020304)))
                .isEqualTo("0000041727101980" + "00000000" + "01020304");
    }

    @Test
    void announceRequestLayout() {
        byte[] ih = new byte[20];
        byte[] pid = new byte[20];
        ih[0] = 0x11;
        pid[19] = 0x22;
        AnnounceRequest r = new AnnounceRequest(ih, pid, 0xc8d5, 3, 2, 1, AnnounceEvent.STOPPED, -5, 0x7f000001, true);
        ByteBuffer b = ByteBuffer.wrap(UdpTrackerCodec.announce(0x0123456789abcdefL, 42, r));
        assertThat(b.remaining()).isEqualTo(98);
        assertThat(b.getLong(0)).isEqualTo(0x0123456789abcdefL);
        assertThat(b.getInt(8)).isEqualTo(1);
        assertThat(b.getInt(12)).isEqualTo(42);
        assertThat(b.get(16)).isEqualTo((byte) 0x11);
        assertThat(b.get(55)).isEqualTo((byte) 0x22);
        assertThat(b.getLong(56)).isEqualTo(2); // downloaded
        assertThat(b.getLong(64)).isEqualTo(1); // left
        assertThat(b.getLong(72)).isEqualTo(3); // uploaded
        assertThat(b.getInt(80)).isEqualTo(3); // stopped
        assertThat(b.getInt(84)).isZero();
        assertThat(b.getInt(88)).isEqualTo(0x7f000001);
        assertThat(b.getInt(92)).isEqualTo(-1);
        assertThat(b.getShort(96) & 0xffff).isEqualTo(0xc8d5);
    }

    @Test
    void announceAnswerWithIpv4AndIpv6Peers() {
        ByteBuffer v4 = ByteBuffer.allocate(26).putInt(1).putInt(7).putInt(120).putInt(2).putInt(3)
                .put(new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1}).flip();
        AnnounceResponse r = UdpTrackerCodec.parseAnnounce(v4, false);
        assertThat(r.interval().toSeconds()).isEqualTo(120);
        assertThat(r.incomplete()).hasValue(2);
        assertThat(r.complete()).hasValue(3);
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881));

        byte[] six = new byte[18];
        six[15] = 1;
        six[17] = 80;
        ByteBuffer v6 = ByteBuffer.allocate(38).putInt(1).putInt(7).putInt(120).putInt(0).putInt(1).put(six).flip();
        assertThat(UdpTrackerCodec.parseAnnounce(v6, true).peers()).containsExactly(new InetSocketAddress("::1", 80));
        ByteBuffer cut = ByteBuffer.allocate(37).putInt(1).putInt(7).putInt(120).putInt(0).putInt(1).put(six, 0, 17).flip();
        assertThatThrownBy(() -> UdpTrackerCodec.parseAnnounce(cut, true)).hasMessageContaining("17 bytes, not a multiple of 18");
    }

    @Test
    void scrapeAndErrorAnswers() {
        ByteBuffer s = ByteBuffer.allocate(20).putInt(2).putInt(9).putInt(5).putInt(50).putInt(10).flip();
        assertThat(UdpTrackerCodec.parseScrape(s)).isEqualTo(new ScrapeResponse(5, 50, 10));
        byte[] text = "bad\u0001 hash".getBytes(StandardCharsets.UTF_8);
        ByteBuffer e = ByteBuffer.allocate(8 + text.length).putInt(3).putInt(9).put(text).flip();
        assertThat(UdpTrackerCodec.header(e)).contains(new UdpTrackerCodec.Header(3, 9));
        assertThat(UdpTrackerCodec.parseError(e)).isEqualTo("bad  hash");
        assertThat(UdpTrackerCodec.header(ByteBuffer.allocate(7))).isEmpty();
        assertThatThrownBy(() -> UdpTrackerCodec.parseAnnounce(ByteBuffer.allocate(8).putInt(1).putInt(9).flip(), false))
                .hasMessageContaining("refused the announce without a reason");
        assertThatThrownBy(() -> UdpTrackerCodec.parseAnnounce(ByteBuffer.allocate(12), false))
                .hasMessageContaining("12 bytes, need at least 20");
        assertThatThrownBy(() -> UdpTrackerCodec.parseConnect(ByteBuffer.allocate(12)))
                .hasMessageContaining("12 bytes, need at least 16");
    }
}
