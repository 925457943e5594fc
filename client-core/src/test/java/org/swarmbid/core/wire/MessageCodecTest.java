package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(NoLeaks.class)
class MessageCodecTest {

    static Stream<WireVectors.Vector> vectors() {
        return WireVectors.all().stream();
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new FrameDecoder(1024), MessageDecoder.INSTANCE, WireEncoder.INSTANCE);
    }

    private static List<PeerMessage> drainInbound(EmbeddedChannel ch) {
        List<PeerMessage> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add((PeerMessage) o);
        }
        return out;
    }

    private static void releaseAll(List<?> objects) {
        objects.forEach(ReferenceCountUtil::release);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesEachMessageFromItsBytes(WireVectors.Vector v) {
        EmbeddedChannel ch = channel();
        ByteBuf in = Hex.buf(v.hex());
        ch.writeInbound(in);
        List<PeerMessage> got = drainInbound(ch);
        PeerMessage want = v.message().get();
        assertThat(got).containsExactly(want);
        releaseAll(got);
        ReferenceCountUtil.release(want);
        assertThat(in.refCnt()).as("input released once every message is released").isZero();
        assertThat(ch.finish()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesEachMessageToItsBytes(WireVectors.Vector v) {
        EmbeddedChannel ch = channel();
        assertThat(ch.writeOutbound(v.message().get())).isTrue();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        assertThat(Hex.of(all)).isEqualTo(Hex.of(Unpooled.wrappedBuffer(Hex.bytes(v.hex()))));
        all.release();
        assertThat(ch.finish()).isFalse();
    }

    private static byte[] allVectorBytes() {
        ByteBuf all = Unpooled.buffer();
        vectors().forEach(v -> all.writeBytes(Hex.bytes(v.hex())));
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        return bytes;
    }

    private static List<PeerMessage> allVectorMessages() {
        return vectors().map(v -> v.message().get()).toList();
    }

    @Test
    void decodesEveryMessageFedOneByteAtATime() {
        EmbeddedChannel ch = channel();
        byte[] stream = allVectorBytes();
        List<ByteBuf> inputs = new ArrayList<>();
        List<PeerMessage> got = new ArrayList<>();
        for (byte b : stream) {
            ByteBuf one = Unpooled.buffer(1).writeByte(b);
            inputs.add(one);
            ch.writeInbound(one);
            got.addAll(drainInbound(ch));
        }
        List<PeerMessage> want = allVectorMessages();
        assertThat(got).containsExactlyElementsOf(want);
        releaseAll(got);
        releaseAll(want);
        assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void decodesManyFramesInOneBufferAndAcrossRandomSplits() {
        byte[] stream = allVectorBytes();
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            EmbeddedChannel ch = channel();
            List<ByteBuf> inputs = new ArrayList<>();
            int pos = 0;
            while (pos < stream.length) {
                int n = round == 0 ? stream.length : 1 + random.nextInt(Math.min(40, stream.length - pos));
                ByteBuf chunk = Unpooled.buffer(n).writeBytes(stream, pos, n);
                inputs.add(chunk);
                ch.writeInbound(chunk);
                pos += n;
            }
            List<PeerMessage> got = drainInbound(ch);
            List<PeerMessage> want = allVectorMessages();
            assertThat(got).containsExactlyElementsOf(want);
            releaseAll(got);
            releaseAll(want);
            assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
            assertThat(ch.finish()).isFalse();
        }
    }

    @Test
    void pieceDataIsASliceOfTheInputNotACopy() {
        EmbeddedChannel ch = channel();
        ByteBuf in = Hex.buf("0000000c 07 00000002 00008000 090807");
        ch.writeInbound(in);
        PeerMessage.Piece piece = ch.readInbound();
        assertThat(piece.data().hasArray()).isTrue();
        assertThat(piece.data().array()).isSameAs(in.array());
        assertThat(in.refCnt()).as("the slice keeps the input alive").isEqualTo(1);
        assertThat(piece.release()).isTrue();
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void encodingAPieceHandsItsDataToTheTransportWithoutCopying() {
        EmbeddedChannel ch = channel();
        ByteBuf data = Unpooled.buffer(16384);
        data.writeZero(16384);
        ch.writeOutbound(new PeerMessage.Piece(9, 16384, data));
        ByteBuf header = ch.readOutbound();
        ByteBuf body = ch.readOutbound();
        assertThat(Hex.of(header)).isEqualTo("00004009" + "07" + "00000009" + "00004000");
        assertThat(body.array()).as("same memory as the piece's data").isSameAs(data.array());
        assertThat(body.readableBytes()).isEqualTo(16384);
        assertThat(data.refCnt()).as("the encoder released the message; the write holds one reference").isEqualTo(1);
        header.release();
        body.release();
        assertThat(data.refCnt()).isZero();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void compositeAndDirectPieceDataAreWrittenAsIs() {
        EmbeddedChannel ch = channel();
        CompositeByteBuf data = Unpooled.compositeBuffer();
        data.addComponent(true, Unpooled.directBuffer(4).writeInt(0x0a0b0c0d));
        data.addComponent(true, Unpooled.directBuffer(2).writeShort(0x0e0f));
        ch.writeOutbound(new PeerMessage.Piece(0, 4, data));
        ByteBuf header = ch.readOutbound();
        ByteBuf body = ch.readOutbound();
        assertThat(Hex.of(header)).isEqualTo("0000000f0700000000" + "00000004");
        assertThat(Hex.of(body)).isEqualTo("0a0b0c0d0e0f");
        assertThat(body.unwrap()).isSameAs(data);
        header.release();
        body.release();
        assertThat(data.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void pieceHeaderForFileRegionUploads() {
        ByteBuf header = WireEncoder.pieceHeader(io.netty.buffer.ByteBufAllocator.DEFAULT, 1, 0x4000, 0x4000);
        assertThat(Hex.of(header)).isEqualTo("00004009" + "07" + "00000001" + "00004000");
        header.release();
        assertThatThrownBy(() -> WireEncoder.pieceHeader(io.netty.buffer.ByteBufAllocator.DEFAULT, -1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "00000002 00 00                               | choke message must have a payload of 0 bytes, got 1",
        "00000002 01 00                               | unchoke message must have a payload of 0 bytes, got 1",
        "00000002 02 00                               | interested message must have a payload of 0 bytes, got 1",
        "00000002 03 00                               | not interested message must have a payload of 0 bytes, got 1",
        "00000004 04 000001                           | have message must have a payload of 4 bytes, got 3",
        "00000006 04 0000000100                       | have message must have a payload of 4 bytes, got 5",
        "00000001 04                                  | have message must have a payload of 4 bytes, got 0",
        "0000000c 06 00000001 00000000 000040         | request message must have a payload of 12 bytes, got 11",
        "0000000e 06 00000001 00000000 00004000 00    | request message must have a payload of 12 bytes, got 13",
        "00000008 07 00000001 000000                  | piece message must have a payload of at least 8 bytes, got 7",
        "0000000c 08 00000001 00000000 000040         | cancel message must have a payload of 12 bytes, got 11",
        "00000002 09 1a                               | port message must have a payload of 2 bytes, got 1",
        "00000004 09 1ae100                           | port message must have a payload of 2 bytes, got 3",
        "00000004 0d 000001                           | suggest piece message must have a payload of 4 bytes, got 3",
        "00000002 0e 00                               | have all message must have a payload of 0 bytes, got 1",
        "00000002 0f 00                               | have none message must have a payload of 0 bytes, got 1",
        "0000000c 10 00000001 00000000 000040         | reject request message must have a payload of 12 bytes, got 11",
        "00000006 11 0000000100                       | allowed fast message must have a payload of 4 bytes, got 5",
        "00000001 14                                  | extended message must have a payload of at least 1 bytes, got 0",
        "00000005 04 ffffffff                         | have message has index 4294967295, above 2^31-1",
        "0000000d 06 00000001 80000000 00004000       | request message has begin 2147483648, above 2^31-1",
        "0000000d 06 00000001 00000000 ffffffff       | request message has length 4294967295, above 2^31-1",
        "0000000a 07 80000000 00000000 00             | piece message has index 2147483648, above 2^31-1",
        "0000000d 08 00000001 00000000 80000000       | cancel message has length 2147483648, above 2^31-1",
        "00000005 0d 80000000                         | suggest piece message has index 2147483648, above 2^31-1",
        "0000000d 10 ffffffff 00000000 00004000       | reject request message has index 4294967295, above 2^31-1",
        "00000005 11 fffffffe                         | allowed fast message has index 4294967294, above 2^31-1",
    })
    void rejectsMalformedMessagesWithAPreciseError(String hex, String error) {
        EmbeddedChannel ch = channel();
        ByteBuf in = Hex.buf(hex);
        assertThatThrownBy(() -> ch.writeInbound(in))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage(error);
        assertThat(ch.<Object>readInbound()).isNull();
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void unknownIdsAreSurfacedNotRejected() {
        EmbeddedChannel ch = channel();
        for (int id = 0; id < 256; id++) {
            if (MessageId.isKnown(id)) {
                continue;
            }
            ch.writeInbound(Unpooled.buffer().writeInt(3).writeByte(id).writeShort(0xabcd));
            PeerMessage m = ch.readInbound();
            assertThat(m).isEqualTo(new PeerMessage.Unknown(id, new byte[] {(byte) 0xab, (byte) 0xcd}));
        }
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void theDecoderStaysInStepAfterAMalformedMessage() {
        EmbeddedChannel ch = channel();
        assertThatThrownBy(() -> ch.writeInbound(Hex.buf("00000002 00 00" + "00000005 04 00000009")))
                .isInstanceOf(MalformedMessageException.class);
        assertThat(ch.<Object>readInbound()).isEqualTo(new PeerMessage.Have(9));
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void recordsRefuseFieldsThatCannotBeEncoded() {
        assertThatThrownBy(() -> new PeerMessage.Have(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerMessage.Request(0, -1, 16384)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerMessage.Port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerMessage.Extended(256, Unpooled.EMPTY_BUFFER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerMessage.Unknown(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadMessagesCountReferencesOnTheirBuffer() {
        ByteBuf data = Unpooled.buffer(4).writeInt(1);
        PeerMessage.Piece piece = new PeerMessage.Piece(0, 0, data);
        assertThat(piece.refCnt()).isEqualTo(1);
        assertThat(piece.retain()).isSameAs(piece);
        assertThat(data.refCnt()).isEqualTo(2);
        PeerMessage.PayloadMessage dup = piece.retainedDuplicate();
        assertThat(dup).isEqualTo(piece).isInstanceOf(PeerMessage.Piece.class);
        assertThat(data.refCnt()).isEqualTo(3);
        PeerMessage.PayloadMessage copy = piece.copy();
        assertThat(copy.content().array()).isNotSameAs(data.array());
        assertThat(copy.release()).isTrue();
        assertThat(dup.release()).isFalse();
        assertThat(piece.release(2)).isTrue();
        assertThat(data.refCnt()).isZero();
    }
}
