package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
class FrameDecoderTest {

    private static List<String> drain(EmbeddedChannel ch) {
        List<String> frames = new ArrayList<>();
        for (ByteBuf f = ch.readInbound(); f != null; f = ch.readInbound()) {
            frames.add(Hex.of(f));
            f.release();
        }
        return frames;
    }

    @Test
    void keepAliveIsAnEmptyFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(64));
        ch.writeInbound(Hex.buf("00000000"));
        assertThat(drain(ch)).containsExactly("");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void severalFramesInOneBuffer() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(64));
        ByteBuf in = Hex.buf("00000001 01" + "00000000" + "00000005 04 00000007" + "00000003 09 1ae1");
        ch.writeInbound(in);
        assertThat(drain(ch)).containsExactly("01", "", "0400000007", "091ae1");
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void framesSplitAnywhereIncludingInsideTheLengthPrefix() {
        byte[] stream = Hex.bytes("00000005 04 00000007" + "00000001 02");
        for (int split = 1; split < stream.length; split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(64));
            ByteBuf a = Unpooled.buffer().writeBytes(stream, 0, split);
            ByteBuf b = Unpooled.buffer().writeBytes(stream, split, stream.length - split);
            ch.writeInbound(a);
            List<String> first = drain(ch);
            ch.writeInbound(b);
            List<String> all = new ArrayList<>(first);
            all.addAll(drain(ch));
            assertThat(all).as("split at %d", split).containsExactly("0400000007", "02");
            assertThat(first).hasSize(split >= 9 ? 1 : 0);
            assertThat(a.refCnt()).isZero();
            assertThat(b.refCnt()).isZero();
            assertThat(ch.finish()).isFalse();
        }
    }

    @Test
    void oneByteAtATime() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(64));
        List<String> frames = new ArrayList<>();
        for (byte b : Hex.bytes("0000000d 06 00000001 00000000 00004000" + "00000000")) {
            ch.writeInbound(Unpooled.buffer(1).writeByte(b));
            frames.addAll(drain(ch));
        }
        assertThat(frames).containsExactly("06000000010000000000004000", "");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aFrameOfExactlyTheLimitIsAccepted() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(20));
        ByteBuf in = Unpooled.buffer().writeInt(20).writeByte(5).writeZero(19);
        ch.writeInbound(in);
        assertThat(drain(ch)).hasSize(1);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anOversizeFrameFailsAsSoonAsItsLengthArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(20));
        ch.writeInbound(Hex.buf("000000"));
        ByteBuf lastLengthByte = Hex.buf("15");
        assertThatThrownBy(() -> ch.writeInbound(lastLengthByte))
                .isInstanceOfSatisfying(FrameTooLongException.class, e -> {
                    assertThat(e.frameLength()).isEqualTo(21);
                    assertThat(e.maxFrameLength()).isEqualTo(20);
                })
                .hasMessage("frame of 21 bytes exceeds the limit of 20");
        assertThat(lastLengthByte.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aHostileFourGigabyteLengthIsRefusedWithoutBuffering() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1 << 20));
        ByteBuf in = Hex.buf("ffffffff 07 0000");
        assertThatThrownBy(() -> ch.writeInbound(in))
                .isInstanceOfSatisfying(FrameTooLongException.class,
                        e -> assertThat(e.frameLength()).isEqualTo(0xffffffffL))
                .isInstanceOf(WireException.class);
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void afterAnOversizeFrameEverythingIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(20));
        assertThatThrownBy(() -> ch.writeInbound(Hex.buf("00010000 07 00"))).isInstanceOf(FrameTooLongException.class);
        ByteBuf later = Hex.buf("00000001 01 00000000");
        ch.writeInbound(later);
        assertThat(drain(ch)).isEmpty();
        assertThat(later.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void otherObjectsPassThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(20));
        ch.writeInbound("not a buffer");
        assertThat(ch.<Object>readInbound()).isEqualTo("not a buffer");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void theLimitMustAllowARequest() {
        assertThatThrownBy(() -> new FrameDecoder(12)).isInstanceOf(IllegalArgumentException.class);
    }
}
