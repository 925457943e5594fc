package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

/**
 * Splits the byte stream after the handshake into frames and decodes each into a {@link PeerMessage} in one step:
 * {@link FrameDecoder} and {@link MessageDecoder} in a single handler, without their per-frame slice, output list
 * and extra pipeline hop (BEP 3 framing):
 * <pre>
 *  +-----------------------+-------------------------------+
 *  | length (4 B, big-end.)| length bytes: id (1), payload |     length 0 = keep-alive
 *  +-----------------------+-------------------------------+
 *  a piece (id 7):  | 9+n | 7 | index (4) | begin (4) | block (n) |
 * </pre>
 *
 * <p>No cumulation buffer: a frame that lies wholly inside one socket read is decoded in place, and a
 * {@link PeerMessage.Piece}'s block is a retained slice of that read buffer (no copy: the downloaded bytes are
 * copied once, by the kernel). Only the frame that straddles the end of a read is gathered, into a buffer of
 * exactly its length (allocated once its 4-byte prefix is in, so at most {@code maxFrameLength}); with 1 MiB reads
 * and 16 KiB blocks that is about one frame in sixty.
 *
 * <p>Limits and failures are those of the two handlers it replaces: a length above {@code maxFrameLength} fails
 * with {@link FrameTooLongException} as soon as its four bytes arrive, a malformed message with
 * {@link MalformedMessageException}; either is passed to {@code exceptionCaught} and from then on all input is
 * discarded (the stream cannot be resynchronised; the peer handler disconnects). Objects that are not
 * {@link ByteBuf}s (the {@link Handshake} from the decoder in front) pass through.
 *
 * <p>Not sharable: one instance per channel, confined to the channel's event loop.
 */
public final class WireDecoder extends ChannelInboundHandlerAdapter {

    private final int maxFrameLength;
    private boolean failed;
    /** Bytes of a length prefix cut by the end of a read (0-3 of them), big-endian, and how many. */
    private int prefix;
    private int prefixBytes;
    /** The frame being gathered across reads (without its prefix), or null. */
    private ByteBuf partial;

    /** @param maxFrameLength largest frame accepted, see {@link FrameDecoder#FrameDecoder(int)} */
    public WireDecoder(int maxFrameLength) {
        if (maxFrameLength < 13) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " is below 13 (a request)");
        }
        this.maxFrameLength = maxFrameLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (!failed) {
                decode(ctx, in);
            }
        } catch (WireException e) {
            fail();
            ctx.fireExceptionCaught(e);
        } catch (RuntimeException e) {
            fail();
            ctx.fireExceptionCaught(new DecoderException(e));
        } finally {
            in.release();
        }
    }

    private void decode(ChannelHandlerContext ctx, ByteBuf in) {
        if ((prefixBytes > 0 || partial != null) && !finishStraddler(ctx, in)) {
            return;
        }
        while (true) {
            int readable = in.readableBytes();
            if (readable < 4) {
                while (in.isReadable()) {
                    prefix = prefix << 8 | in.readUnsignedByte();
                    prefixBytes++;
                }
                return;
            }
            int r = in.readerIndex();
            int length = checkLength(in.getUnsignedInt(r));
            if (readable - 4 < length) {
                in.skipBytes(4);
                startPartial(ctx, length, in);
                return;
            }
            in.readerIndex(r + 4 + length);
            if (length >= 9 && in.getByte(r + 4) == MessageId.PIECE) {
                // the hot path: no frame slice, the block is the only object besides the message
                int index = field(in.getUnsignedInt(r + 5), "index");
                int begin = field(in.getUnsignedInt(r + 9), "begin");
                ctx.fireChannelRead(new PeerMessage.Piece(index, begin, in.retainedSlice(r + 13, length - 9)));
            } else {
                ctx.fireChannelRead(MessageDecoder.decode(in.slice(r + 4, length)));
            }
        }
    }

    /**
     * Continues the frame (or length prefix) cut by the end of the previous read. Returns false if {@code in} ran
     * out before it was complete.
     */
    private boolean finishStraddler(ChannelHandlerContext ctx, ByteBuf in) {
        if (partial == null) {
            while (prefixBytes < 4) {
                if (!in.isReadable()) {
                    return false;
                }
                prefix = prefix << 8 | in.readUnsignedByte();
                prefixBytes++;
            }
            int length = checkLength(prefix & 0xffffffffL);
            prefix = 0;
            prefixBytes = 0;
            startPartial(ctx, length, in);
            if (partial == null) {
                return true;   // it was complete after all (a keep-alive, or all of it in this read)
            }
        } else {
            int n = Math.min(partial.writableBytes(), in.readableBytes());
            partial.writeBytes(in, n);
        }
        if (partial.isWritable()) {
            return false;
        }
        ByteBuf frame = partial;
        partial = null;
        try {
            ctx.fireChannelRead(MessageDecoder.decode(frame));
        } finally {
            frame.release();
        }
        return true;
    }

    /** A frame of {@code length} bytes starts at {@code in}'s reader index: gathers what of it is there. */
    private void startPartial(ChannelHandlerContext ctx, int length, ByteBuf in) {
        if (in.readableBytes() >= length) {   // only reached from finishStraddler: the frame is all here
            int r = in.readerIndex();
            in.skipBytes(length);
            ctx.fireChannelRead(MessageDecoder.decode(in.slice(r, length)));
            return;
        }
        partial = ctx.alloc().directBuffer(length, length);
        partial.writeBytes(in, in.readableBytes());
    }

    private int checkLength(long length) {
        if (length > maxFrameLength) {
            throw new FrameTooLongException(length, maxFrameLength);
        }
        return (int) length;
    }

    private static int field(long value, String name) {
        if (value > Integer.MAX_VALUE) {
            throw new MalformedMessageException(MessageId.name(MessageId.PIECE) + " message has " + name + " "
                    + value + ", above 2^31-1");
        }
        return (int) value;
    }

    private void fail() {
        failed = true;
        releasePartial();
    }

    private void releasePartial() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releasePartial();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePartial();
    }
}
