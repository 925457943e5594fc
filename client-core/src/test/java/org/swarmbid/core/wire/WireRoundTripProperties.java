package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the encoder writes, the decoders read back identically, however the bytes are cut into reads. */
class WireRoundTripProperties {

    @Property(tries = 300)
    void encodeThenDecodeInRandomChunksGivesTheSameMessages(
            @ForAll("messages") List<PeerMessage> messages,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        EmbeddedChannel out = new EmbeddedChannel(WireEncoder.INSTANCE);
        for (PeerMessage m : messages) {
            out.writeOutbound(m instanceof PeerMessage.PayloadMessage p ? p.retainedDuplicate() : m);
        }
        ByteBuf stream = Unpooled.buffer();
        for (ByteBuf b = out.readOutbound(); b != null; b = out.readOutbound()) {
            stream.writeBytes(b);
            b.release();
        }
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(70_000), MessageDecoder.INSTANCE);
        while (stream.isReadable()) {
            in.writeInbound(stream.readRetainedSlice(Math.min(chunk, stream.readableBytes())));
        }
        stream.release();
        List<Object> decoded = new ArrayList<>();
        for (Object o = in.readInbound(); o != null; o = in.readInbound()) {
            decoded.add(o);
        }
        assertThat(decoded).containsExactlyElementsOf(messages);
        decoded.forEach(ReferenceCountUtil::release);
        assertThat(stream.refCnt()).isZero();
        assertThat(in.finish()).isFalse();
        assertThat(out.finish()).isFalse();
    }

    @Property(tries = 300)
    void theOneStepDecoderReadsWhatTheEncoderWrote(
            @ForAll("messages") List<PeerMessage> messages,
            @ForAll @IntRange(min = 1, max = 400) int chunk) {
        ByteBuf stream = encode(messages);
        EmbeddedChannel in = new EmbeddedChannel(new WireDecoder(70_000));
        while (stream.isReadable()) {
            in.writeInbound(stream.readRetainedSlice(Math.min(chunk, stream.readableBytes())));
        }
        stream.release();
        List<Object> decoded = new ArrayList<>();
        for (Object o = in.readInbound(); o != null; o = in.readInbound()) {
            decoded.add(o);
        }
        assertThat(decoded).containsExactlyElementsOf(messages);
        decoded.forEach(ReferenceCountUtil::release);
        assertThat(stream.refCnt()).isZero();
        assertThat(in.finish()).isFalse();
    }

    /**
     * Valid messages, then arbitrary bytes: the one-step decoder gives the same messages as the two-step pair up to
     * the first failure, and the same first failure (after it, it discards the rest; the pair may read on).
     */
    @Property(tries = 500)
    void theOneStepDecoderFailsWhereTheTwoStepDecodersFail(
            @ForAll("messages") List<PeerMessage> messages,
            @ForAll @net.jqwik.api.constraints.Size(max = 40) List<Byte> tail,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        ByteBuf stream = encode(messages);
        tail.forEach(stream::writeByte);
        List<Object> one = new ArrayList<>();
        RuntimeException oneFailure = feed(new EmbeddedChannel(new WireDecoder(64)), stream.duplicate(), chunk, one);
        List<Object> two = new ArrayList<>();
        RuntimeException twoFailure = feed(new EmbeddedChannel(new FrameDecoder(64), MessageDecoder.INSTANCE),
                stream.duplicate(), chunk, two);
        stream.release();
        if (twoFailure == null) {
            assertThat(oneFailure).isNull();
            assertThat(one).containsExactlyElementsOf(two);
        } else {
            assertThat(oneFailure).isNotNull();
            Throwable a = oneFailure instanceof WireException ? oneFailure : oneFailure.getCause();
            Throwable b = twoFailure instanceof WireException ? twoFailure : twoFailure.getCause();
            assertThat(a).hasSameClassAs(b).hasMessage(b.getMessage());
            assertThat(one.size()).isLessThanOrEqualTo(two.size());
            assertThat(one).containsExactlyElementsOf(two.subList(0, one.size()));
        }
        one.forEach(ReferenceCountUtil::release);
        two.forEach(ReferenceCountUtil::release);
    }

    /** Feeds {@code stream} in chunks until the first failure, which is returned; messages go to {@code out}. */
    private static RuntimeException feed(EmbeddedChannel ch, ByteBuf stream, int chunk, List<Object> out) {
        RuntimeException failure = null;
        while (stream.isReadable() && failure == null) {
            try {
                ch.writeInbound(stream.readRetainedSlice(Math.min(chunk, stream.readableBytes())));
            } catch (RuntimeException e) {
                failure = e;
            }
            for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
                out.add(o);
            }
        }
        ch.finishAndReleaseAll();
        return failure;
    }

    private static ByteBuf encode(List<PeerMessage> messages) {
        EmbeddedChannel out = new EmbeddedChannel(WireEncoder.INSTANCE);
        for (PeerMessage m : messages) {
            out.writeOutbound(m instanceof PeerMessage.PayloadMessage p ? p.retainedDuplicate() : m);
        }
        ByteBuf stream = Unpooled.buffer();
        for (ByteBuf b = out.readOutbound(); b != null; b = out.readOutbound()) {
            stream.writeBytes(b);
            b.release();
        }
        out.finish();
        return stream;
    }

    @Provide
    Arbitrary<List<PeerMessage>> messages() {
        return message().list().ofMaxSize(30);
    }

    private static Arbitrary<PeerMessage> message() {
        Arbitrary<Integer> idx = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Integer> unknownId = Arbitraries.integers().between(0, 255).filter(id -> !MessageId.isKnown(id));
        return Arbitraries.oneOf(
                Arbitraries.of(PeerMessage.KeepAlive.INSTANCE, PeerMessage.Choke.INSTANCE, PeerMessage.Unchoke.INSTANCE,
                        PeerMessage.Interested.INSTANCE, PeerMessage.NotInterested.INSTANCE,
                        PeerMessage.HaveAll.INSTANCE, PeerMessage.HaveNone.INSTANCE),
                idx.map(PeerMessage.Have::new),
                idx.map(PeerMessage.SuggestPiece::new),
                idx.map(PeerMessage.AllowedFast::new),
                Combinators.combine(idx, idx, idx).as(PeerMessage.Request::new),
                Combinators.combine(idx, idx, idx).as(PeerMessage.Cancel::new),
                Combinators.combine(idx, idx, idx).as(PeerMessage.RejectRequest::new),
                Arbitraries.integers().between(0, 65535).map(PeerMessage.Port::new),
                bytes.map(PeerMessage.Bitfield::new),
                Combinators.combine(idx, idx, bytes).as((i, b, d) -> new PeerMessage.Piece(i, b, Unpooled.wrappedBuffer(d))),
                Combinators.combine(Arbitraries.integers().between(0, 255), bytes)
                        .as((id, d) -> new PeerMessage.Extended(id, Unpooled.wrappedBuffer(d))),
                Combinators.combine(unknownId, bytes).as(PeerMessage.Unknown::new));
    }
}
