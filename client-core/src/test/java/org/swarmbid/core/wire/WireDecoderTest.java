package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(NoLeaks.class)
class WireDecoderTest {

    static Stream<WireVectors.Vector> vectors() {
        return WireVectors.all().stream();
    }

    private static List<PeerMessage> drain(EmbeddedChannel ch) {
        List<PeerMessage> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add((PeerMessage) o);
        }
        return out;
    }

    private static ByteBuf direct(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** A piece message with {@code n} bytes of block, each byte {@code seed + i}. */
    private static byte[] piece(int index, int begin, int n, int seed) {
        ByteBuf b = Unpooled.buffer().writeInt(9 + n).writeByte(MessageId.PIECE).writeInt(index).writeInt(begin);
        for (int i = 0; i < n; i++) {
            b.writeByte(seed + i);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf b = Unpooled.buffer();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesEachMessageAsTheTwoStepDecodersDo(WireVectors.Vector v) {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(1024));
        ByteBuf in = Hex.buf(v.hex());
        ch.writeInbound(in);
        List<PeerMessage> got = drain(ch);
        PeerMessage want = v.message().get();
        assertThat(got).containsExactly(want);
        got.forEach(ReferenceCountUtil::release);
        ReferenceCountUtil.release(want);
        assertThat(in.refCnt()).as("input released once every message is released").isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aBlockInsideOneReadIsASliceOfThatReadNotACopy() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(1 << 20));
        ByteBuf in = direct(concat(Hex.bytes("00000001 01"), piece(3, 16384, 100, 7), piece(3, 32768, 50, 9)));
        ch.writeInbound(in);
        List<PeerMessage> got = drain(ch);
        assertThat(got).hasSize(3);
        PeerMessage.Piece a = (PeerMessage.Piece) got.get(1);
        PeerMessage.Piece b = (PeerMessage.Piece) got.get(2);
        assertThat(a.index()).isEqualTo(3);
        assertThat(a.begin()).isEqualTo(16384);
        assertThat(b.begin()).isEqualTo(32768);
        assertThat(a.data().readableBytes()).isEqualTo(100);
        assertThat(a.data().memoryAddress()).isEqualTo(in.memoryAddress() + 5 + 13);
        assertThat(b.data().memoryAddress()).isEqualTo(in.memoryAddress() + 5 + 13 + 100 + 13);
        assertThat(b.data().getByte(0)).isEqualTo((byte) 9);
        assertThat(in.refCnt()).as("the read is held by the two blocks").isPositive();
        got.forEach(ReferenceCountUtil::release);
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aBlockCutByTheEndOfAReadIsGatheredWhole() {
        byte[] stream = concat(piece(0, 0, 16384, 1), piece(0, 16384, 16384, 2), Hex.bytes("00000005 04 00000009"));
        for (int cut : new int[] {1, 3, 4, 5, 12, 13, 14, 9000, 16396, 16397, 16398, 20000, stream.length - 1}) {
            EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(1 << 20));
            ByteBuf first = direct(java.util.Arrays.copyOfRange(stream, 0, cut));
            ByteBuf second = direct(java.util.Arrays.copyOfRange(stream, cut, stream.length));
            ch.writeInbound(first);
            ch.writeInbound(second);
            List<PeerMessage> got = drain(ch);
            assertThat(got).as("cut at %d", cut).hasSize(3);
            assertThat(got.get(0)).isEqualTo(new PeerMessage.Piece(0, 0, Unpooled.wrappedBuffer(stream, 13, 16384)));
            assertThat(got.get(1)).isEqualTo(new PeerMessage.Piece(0, 16384,
                    Unpooled.wrappedBuffer(stream, 2 * 13 + 16384, 16384)));
            assertThat(got.get(2)).isEqualTo(new PeerMessage.Have(9));
            got.forEach(ReferenceCountUtil::release);
            assertThat(first.refCnt()).isZero();
            assertThat(second.refCnt()).isZero();
            assertThat(ch.finish()).isFalse();
        }
    }

    @Test
    void oneByteAtATime() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(64));
        List<PeerMessage> got = new ArrayList<>();
        for (byte b : concat(Hex.bytes("0000000d 06 00000001 00000000 00004000 00000000"), piece(1, 0, 3, 5))) {
            ch.writeInbound(Unpooled.buffer(1).writeByte(b));
            got.addAll(drain(ch));
        }
        assertThat(got).containsExactly(new PeerMessage.Request(1, 0, 16384), PeerMessage.KeepAlive.INSTANCE,
                new PeerMessage.Piece(1, 0, Unpooled.wrappedBuffer(new byte[] {5, 6, 7})));
        got.forEach(ReferenceCountUtil::release);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anOversizeFrameFailsAsSoonAsItsLengthArrivesAndEverythingAfterIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(20));
        ch.writeInbound(Hex.buf("00000001 01 000000"));
        assertThat(drain(ch)).containsExactly(PeerMessage.Unchoke.INSTANCE);
        ByteBuf lastLengthByte = Hex.buf("15 00000001 02");
        assertThatThrownBy(() -> ch.writeInbound(lastLengthByte))
                .isInstanceOfSatisfying(FrameTooLongException.class, e -> {
                    assertThat(e.frameLength()).isEqualTo(21);
                    assertThat(e.maxFrameLength()).isEqualTo(20);
                })
                .hasMessage("frame of 21 bytes exceeds the limit of 20");
        assertThat(lastLengthByte.refCnt()).isZero();
        ByteBuf later = Hex.buf("00000001 01");
        ch.writeInbound(later);
        assertThat(drain(ch)).isEmpty();
        assertThat(later.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aHostileFourGigabyteLengthIsRefusedWithoutBuffering() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(1 << 20));
        ByteBuf in = Hex.buf("ffffffff 07 0000");
        assertThatThrownBy(() -> ch.writeInbound(in))
                .isInstanceOfSatisfying(FrameTooLongException.class,
                        e -> assertThat(e.frameLength()).isEqualTo(0xffffffffL));
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aMalformedMessageFailsWithTheSameErrorAsTheTwoStepDecodersAndTheRestIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(64));
        ByteBuf in = Hex.buf("00000003 04 0001" + "00000001 01");
        assertThatThrownBy(() -> ch.writeInbound(in))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("have message must have a payload of 4 bytes, got 2");
        assertThat(drain(ch)).isEmpty();
        assertThat(in.refCnt()).isZero();
        ch.writeInbound(Hex.buf("00000001 01"));
        assertThat(drain(ch)).isEmpty();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aPieceIndexAbove31BitsIsMalformed() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(64));
        assertThatThrownBy(() -> ch.writeInbound(Hex.buf("0000000a 07 80000000 00000000 ff")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("piece message has index 2147483648, above 2^31-1");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aFrameCutInTwoIsReleasedWhenTheChannelCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(1 << 20));
        ByteBuf in = direct(java.util.Arrays.copyOf(piece(0, 0, 1000, 0), 500));
        ch.writeInbound(in);
        assertThat(drain(ch)).isEmpty();
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();   // NoLeaks fails the class if the gathered half leaked
    }

    @Test
    void otherObjectsPassThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireDecoder(20));
        ch.writeInbound("not a buffer");
        assertThat(ch.<Object>readInbound()).isEqualTo("not a buffer");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void theLimitMustAllowARequest() {
        assertThatThrownBy(() -> new WireDecoder(12)).isInstanceOf(IllegalArgumentException.class);
    }
}
