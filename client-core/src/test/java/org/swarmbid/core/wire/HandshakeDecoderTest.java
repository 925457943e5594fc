package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoLeaks.class)
class HandshakeDecoderTest {
    private static final byte[] INFO_HASH = new byte[20];
    private static final PeerId PEER_ID = PeerId.of("-LT2080-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
    /** libtorrent 2.0's reserved bytes: extension protocol, fast extension, DHT. */
    private static final ReservedBits LIBTORRENT = ReservedBits.fromBytes(Hex.bytes("0000000000100005"));

    static {
        Arrays.fill(INFO_HASH, (byte) 0xaa);
    }

    private static Handshake handshake() {
        return new Handshake(LIBTORRENT, INFO_HASH, PEER_ID);
    }

    /** The 68 bytes written by hand from BEP 3's layout. */
    private static byte[] handshakeBytes() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(19).writeBytes("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(Hex.bytes("0000000000100005")).writeBytes(INFO_HASH).writeBytes(PEER_ID.bytes());
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    private static EmbeddedChannel wire(boolean incoming) {
        EmbeddedChannel ch = new EmbeddedChannel();
        WirePipeline.addLast(ch.pipeline(), incoming, 1024);
        return ch;
    }

    private static List<Object> drain(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add(o);
        }
        return out;
    }

    @Test
    void outgoingSideGetsOneHandshakeAndTheDecoderLeavesThePipeline() {
        EmbeddedChannel ch = wire(false);
        ByteBuf in = Unpooled.wrappedBuffer(handshakeBytes());
        ch.writeInbound(in);
        assertThat(drain(ch)).containsExactly(handshake());
        assertThat(ch.pipeline().get(WirePipeline.HANDSHAKE)).isNull();
        assertThat(ch.pipeline().names()).containsSubsequence(WirePipeline.DECODER,
                WirePipeline.ENCODER);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void incomingSideGetsTheHeaderAtByte48BeforeThePeerIdArrives() {
        EmbeddedChannel ch = wire(true);
        byte[] bytes = handshakeBytes();
        List<ByteBuf> inputs = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            ByteBuf one = Unpooled.buffer(1).writeByte(bytes[i]);
            inputs.add(one);
            ch.writeInbound(one);
            List<Object> out = drain(ch);
            if (i == 47) {
                assertThat(out).containsExactly(new HandshakeHeader(LIBTORRENT, INFO_HASH));
            } else if (i == 67) {
                assertThat(out).containsExactly(handshake());
            } else {
                assertThat(out).as("nothing at byte %d", i).isEmpty();
            }
        }
        assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        assertThat(ch.pipeline().get(WirePipeline.HANDSHAKE)).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void outgoingSideFedByteByByteGetsOnlyTheHandshake() {
        EmbeddedChannel ch = wire(false);
        List<Object> out = new ArrayList<>();
        for (byte b : handshakeBytes()) {
            ch.writeInbound(Unpooled.buffer(1).writeByte(b));
            out.addAll(drain(ch));
        }
        assertThat(out).containsExactly(handshake());
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anInitiatorThatNeverSendsItsPeerIdLeavesOnlyTheHeader() {
        EmbeddedChannel ch = wire(true);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes(), 0, 48));
        assertThat(drain(ch)).containsExactly(new HandshakeHeader(LIBTORRENT, INFO_HASH));
        assertThat(ch.pipeline().get(WirePipeline.HANDSHAKE)).isNotNull();
        assertThat(ch.finish()).as("a truncated handshake yields nothing at close").isFalse();
    }

    @Test
    void messagesInTheSameReadAsTheHandshakeFollowItInOrder() {
        byte[] hs = handshakeBytes();
        byte[] messages = Hex.bytes("00000003 05 ff80" + "00000001 01" + "00000000" + "0000000c 07 00000002 00000000 010203");
        byte[] stream = new byte[hs.length + messages.length];
        System.arraycopy(hs, 0, stream, 0, hs.length);
        System.arraycopy(messages, 0, stream, hs.length, messages.length);
        for (boolean incoming : new boolean[] {true, false}) {
            for (int split = 0; split <= stream.length; split++) {
                EmbeddedChannel ch = wire(incoming);
                ByteBuf a = Unpooled.buffer().writeBytes(stream, 0, split);
                ByteBuf b = Unpooled.buffer().writeBytes(stream, split, stream.length - split);
                ch.writeInbound(a);
                ch.writeInbound(b);
                List<Object> out = drain(ch);
                List<Object> want = new ArrayList<>();
                if (incoming) {
                    want.add(new HandshakeHeader(LIBTORRENT, INFO_HASH));
                }
                want.addAll(List.of(handshake(), new PeerMessage.Bitfield(new byte[] {(byte) 0xff, (byte) 0x80}),
                        PeerMessage.Unchoke.INSTANCE, PeerMessage.KeepAlive.INSTANCE,
                        new PeerMessage.Piece(2, 0, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))));
                assertThat(out).as("incoming=%s split=%d", incoming, split).containsExactlyElementsOf(want);
                out.forEach(ReferenceCountUtil::release);
                assertThat(a.refCnt()).isZero();
                assertThat(b.refCnt()).isZero();
                assertThat(ch.finish()).isFalse();
            }
        }
    }

    @Test
    void aWrongLengthByteFailsOnTheFirstByte() {
        EmbeddedChannel ch = wire(true);
        ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ch.writeInbound(http))
                .isInstanceOf(HandshakeException.class)
                .hasMessage("not a BitTorrent handshake: protocol name length is 71, expected 19");
        assertThat(http.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aWrongProtocolByteFailsImmediatelyWithoutWaitingFor68Bytes() {
        EmbeddedChannel ch = wire(false);
        byte[] prefix = {19, 'B', 'i', 't', 'T', 'o', 'r'};
        for (byte b : prefix) {
            ch.writeInbound(Unpooled.buffer(1).writeByte(b));
        }
        assertThat(drain(ch)).isEmpty();
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer(1).writeByte('X')))
                .isInstanceOf(HandshakeException.class)
                .hasMessage("not a BitTorrent handshake: protocol name byte 6 is 'X', expected 'r'");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anUnprintableWrongByteIsShownInHex() {
        EmbeddedChannel ch = wire(false);
        assertThatThrownBy(() -> ch.writeInbound(Hex.buf("13 42 00")))
                .isInstanceOf(HandshakeException.class)
                .hasMessage("not a BitTorrent handshake: protocol name byte 1 is 0x00, expected 'i'");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void everythingAfterAFailedHandshakeIsDiscarded() {
        EmbeddedChannel ch = wire(true);
        assertThatThrownBy(() -> ch.writeInbound(Hex.buf("14"))).isInstanceOf(HandshakeException.class);
        ByteBuf more = Unpooled.wrappedBuffer(handshakeBytes());
        ch.writeInbound(more);
        assertThat(drain(ch)).isEmpty();
        assertThat(more.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 47, 48, 67})
    void aHandshakeCutShortProducesNoHandshake(int length) {
        EmbeddedChannel ch = wire(false);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes(), 0, length));
        assertThat(drain(ch)).isEmpty();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void theEncoderWritesTheSame68Bytes() {
        EmbeddedChannel ch = wire(false);
        ch.writeOutbound(handshake());
        ByteBuf out = ch.readOutbound();
        byte[] got = new byte[out.readableBytes()];
        out.readBytes(got);
        out.release();
        assertThat(got).isEqualTo(handshakeBytes());
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void handshakeExposesItsReservedBits() {
        Handshake h = handshake();
        assertThat(h.supportsExtensionProtocol()).isTrue();
        assertThat(h.supportsFastExtension()).isTrue();
        assertThat(h.supportsDht()).isTrue();
        Handshake plain = new Handshake(ReservedBits.NONE, INFO_HASH, PEER_ID);
        assertThat(plain.supportsExtensionProtocol() || plain.supportsFastExtension() || plain.supportsDht()).isFalse();
        assertThat(h.header()).isEqualTo(new HandshakeHeader(LIBTORRENT, INFO_HASH));
        assertThatThrownBy(() -> new Handshake(ReservedBits.NONE, new byte[19], PEER_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
