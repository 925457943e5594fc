package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.bencode.BString;

@ExtendWith(NoLeaks.class)
class ExtensionHandshakeTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAHandshakeShapedLikeLibtorrents() throws Exception {
        String wire = "d12:complete_agoi-1e1:md11:lt_donthavei7e10:share_modei8e11:upload_onlyi3e"
                + "12:ut_holepunchi4e11:ut_metadatai2e6:ut_pexi1ee13:metadata_sizei31235e1:pi6881e"
                + "4:reqqi500e1:v18:libtorrent/2.0.8.06:yourip4:\u007f\u0000\u0000\u0001e";
        ExtensionHandshake h = ExtensionHandshake.decode(ascii(wire));
        assertThat(h.messages()).containsEntry("ut_metadata", 2).containsEntry("ut_pex", 1).hasSize(6);
        assertThat(h.idOf("ut_metadata")).hasValue(2);
        assertThat(h.idOf("bt_bid")).isEmpty();
        assertThat(h.client()).contains("libtorrent/2.0.8.0");
        assertThat(h.listenPort()).hasValue(6881);
        assertThat(h.requestQueueLength()).hasValue(500);
        assertThat(h.yourIp()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(h.metadataSize()).hasValue(31235);
        assertThat(h.extra().integer("complete_ago")).contains(-1L);
        assertThat(h.dict().integer("metadata_size")).contains(31235L);
        assertThat(h.encode()).as("canonical input re-encodes to the same bytes").isEqualTo(ascii(wire));
    }

    @Test
    void roundTripsEveryFieldAndAPluginKeyThroughThePipeline() throws Exception {
        ExtensionHandshake ours = ExtensionHandshake.builder()
                .message("ut_metadata", 3)
                .message("bt_bid", 42)
                .disable("ut_pex")
                .client("Swarmbid 0.1.0")
                .listenPort(51413)
                .requestQueueLength(250)
                .yourIp(InetAddress.getByName("::1"))
                .metadataSize(12345)
                .put("bid_wallet", BString.of("TXYZ"))
                .put("bid_min", BInteger.of(7))
                .build();
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024), MessageDecoder.INSTANCE, WireEncoder.INSTANCE);
        ch.writeOutbound(ours.toMessage());
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            ch.writeInbound(b);
        }
        PeerMessage.Extended got = ch.readInbound();
        assertThat(got.extendedId()).isEqualTo(ExtensionHandshake.HANDSHAKE_ID);
        ExtensionHandshake theirs = ExtensionHandshake.decode(got.payload());
        got.release();
        assertThat(theirs).isEqualTo(ours);
        assertThat(theirs.idOf("ut_pex")).as("id 0 means disabled").isEmpty();
        assertThat(theirs.messages()).containsEntry("ut_pex", 0);
        assertThat(theirs.extra().utf8("bid_wallet")).contains("TXYZ");
        assertThat(theirs.dict().entries()).containsKeys("m", "v", "p", "reqq", "yourip", "metadata_size",
                "bid_wallet", "bid_min");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anEmptyDictionaryIsAValidHandshake() {
        ExtensionHandshake h = ExtensionHandshake.decode(ascii("de"));
        assertThat(h.messages()).isEmpty();
        assertThat(h.client()).isEmpty();
        assertThat(h.listenPort()).isEmpty();
    }

    @Test
    void portZeroIsReadAsAbsent() {
        assertThat(ExtensionHandshake.decode(ascii("d1:pi0ee")).listenPort()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "le                                  | extension handshake is not a dictionary",
        "d1:md6:ut_pexi256eee                | extension handshake: extension 'ut_pex' has id 256, outside 0..255",
        "d1:md6:ut_pexi-1eee                 | extension handshake: extension 'ut_pex' has id -1, outside 0..255",
        "d1:md6:ut_pex1:xee                  | extension handshake: m['ut_pex'] is not an integer",
        "d1:mi1ee                            | extension handshake: key 'm' must be a dictionary",
        "d1:p4:6881e                         | extension handshake: key 'p' must be a integer",
        "d1:pi70000ee                        | extension handshake: p 70000 outside 0..65535",
        "d4:reqqi0ee                         | extension handshake: reqq 0 outside 1..2^31-1",
        "d6:yourip5:abcdee                   | extension handshake: yourip of 5 bytes, expected 4 or 16",
        "d13:metadata_sizei-1ee              | extension handshake: metadata_size -1 is negative",
        "d1:v1:xe3:xyz                       | extension handshake: trailing data at offset 8",
        "d1:v                                | extension handshake: truncated input",
    })
    void rejectsMalformedHandshakes(String wire, String error) {
        assertThatThrownBy(() -> ExtensionHandshake.decode(ascii(wire)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith(error);
    }

    @Test
    void deepNestingIsBoundedByThePeerMessageLimits() {
        String deep = "d1:x" + "l".repeat(100) + "e".repeat(100) + "e";
        assertThatThrownBy(() -> ExtensionHandshake.decode(ascii(deep)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("extension handshake");
    }

    @Test
    void theBuilderRefusesClashesAndOutOfRangeIds() {
        assertThatThrownBy(() -> ExtensionHandshake.builder().message("a", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtensionHandshake.builder().message("a", 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtensionHandshake.builder().message("a", 1).message("b", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already taken");
        assertThatThrownBy(() -> ExtensionHandshake.builder().message("a", 1).message("a", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> ExtensionHandshake.builder().put("m", BDict.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard key");
        assertThatThrownBy(() -> ExtensionHandshake.builder().put("x", BInteger.of(1)).put("x", BInteger.of(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> ExtensionHandshake.builder().listenPort(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
