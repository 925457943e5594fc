package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits the byte stream after the handshake into frames (BEP 3):
 * <pre>
 *  +-----------------------+--------------------------+
 *  | length (4 B, big-end.)| length bytes: id, payload |     length 0 = keep-alive
 *  +-----------------------+--------------------------+
 * </pre>
 * Emits each frame without its length prefix as a {@link ByteBuf}: a retained slice of the input, not a copy
 * (a keep-alive is an empty buffer). The next handler ({@link MessageDecoder}) owns and releases it.
 *
 * <p>The length is checked against {@code maxFrameLength} as soon as its four bytes arrive: a longer frame fails
 * with {@link FrameTooLongException} before any of it is buffered, and from then on this decoder discards all
 * input (the stream cannot be resynchronised; the peer handler disconnects).
 *
 * <p>Input is gathered with Netty's composite cumulator: a frame that spans socket reads is sliced across the
 * reads' buffers instead of copying every read into one growing buffer (with 16 KiB blocks nearly every read ends
 * inside a frame, so the default cumulator copied almost all downloaded bytes once more).
 *
 * <p>Objects that are not {@link ByteBuf}s (the {@link Handshake} from the decoder in front) pass through. Not
 * sharable: one instance per channel. Runs on the channel's event loop.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameLength;
    private boolean failed;

    /**
     * @param maxFrameLength largest frame accepted, counting the id byte but not the 4-byte prefix; must cover a
     *                       piece message of the largest block ({@code 9 + block}) and the largest bitfield
     *                       ({@code 1 + ceil(pieces / 8)}) and extension message the connection expects
     */
    public FrameDecoder(int maxFrameLength) {
        if (maxFrameLength < 13) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " is below 13 (a request)");
        }
        this.maxFrameLength = maxFrameLength;
        setCumulator(COMPOSITE_CUMULATOR);
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrameLength) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new FrameTooLongException(length, maxFrameLength);
        }
        if (in.readableBytes() - 4 < length) {
            return;
        }
        in.skipBytes(4);
        if (length == 0) {
            out.add(Unpooled.EMPTY_BUFFER);
        } else {
            out.add(in.readRetainedSlice((int) length));
        }
    }
}
