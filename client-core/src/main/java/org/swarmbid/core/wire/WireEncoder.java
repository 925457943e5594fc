package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.List;

/**
 * Writes {@link Handshake}s and {@link PeerMessage}s in the layouts drawn on each record (BEP 3, 5, 6, 10).
 *
 * <p>Uploads are zero-copy: a {@link PeerMessage.Piece} becomes two buffers, a fresh 13-byte header and the
 * piece's own {@code data} buffer, which is handed to the transport as it is (a gathering write, no copy);
 * {@link PeerMessage.Extended} likewise. For a {@code FileRegion} (sendfile) upload, write
 * {@link #pieceHeader} followed by the region: anything this encoder does not accept passes through untouched.
 *
 * <p>The encoder releases every message it encodes (Netty's {@link MessageToMessageEncoder} contract): writing a
 * {@code Piece} gives away one reference to its data. Stateless and {@link ChannelHandler.Sharable sharable}.
 */
@ChannelHandler.Sharable
public final class WireEncoder extends MessageToMessageEncoder<Object> {

    /** One shared instance is enough. */
    public static final WireEncoder INSTANCE = new WireEncoder();

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof PeerMessage || msg instanceof Handshake;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        if (msg instanceof Handshake handshake) {
            ByteBuf buf = ctx.alloc().ioBuffer(Handshake.LENGTH);
            handshake.writeTo(buf);
            out.add(buf);
        } else {
            encode(ctx.alloc(), (PeerMessage) msg, out);
        }
    }

    /**
     * Appends the buffers for {@code msg} to {@code out}. For a {@link PeerMessage.PayloadMessage} the payload
     * buffer is added with one extra reference, so the caller still owns (and must release) {@code msg}.
     */
    public static void encode(ByteBufAllocator alloc, PeerMessage msg, List<Object> out) {
        if (msg instanceof PeerMessage.Piece piece) {
            out.add(pieceHeader(alloc, piece.index(), piece.begin(), piece.data().readableBytes()));
            out.add(piece.data().retainedDuplicate());
        } else if (msg instanceof PeerMessage.Extended extended) {
            int payload = extended.payload().readableBytes();
            ByteBuf header = alloc.ioBuffer(6);
            header.writeInt(checkedLength(2L + payload));
            header.writeByte(MessageId.EXTENDED);
            header.writeByte(extended.extendedId());
            out.add(header);
            out.add(extended.payload().retainedDuplicate());
        } else if (msg instanceof PeerMessage.KeepAlive) {
            out.add(alloc.ioBuffer(4).writeInt(0));
        } else if (msg instanceof PeerMessage.Choke) {
            out.add(idOnly(alloc, MessageId.CHOKE));
        } else if (msg instanceof PeerMessage.Unchoke) {
            out.add(idOnly(alloc, MessageId.UNCHOKE));
        } else if (msg instanceof PeerMessage.Interested) {
            out.add(idOnly(alloc, MessageId.INTERESTED));
        } else if (msg instanceof PeerMessage.NotInterested) {
            out.add(idOnly(alloc, MessageId.NOT_INTERESTED));
        } else if (msg instanceof PeerMessage.HaveAll) {
            out.add(idOnly(alloc, MessageId.HAVE_ALL));
        } else if (msg instanceof PeerMessage.HaveNone) {
            out.add(idOnly(alloc, MessageId.HAVE_NONE));
        } else if (msg instanceof PeerMessage.Have have) {
            out.add(oneInt(alloc, MessageId.HAVE, have.index()));
        } else if (msg instanceof PeerMessage.SuggestPiece suggest) {
            out.add(oneInt(alloc, MessageId.SUGGEST_PIECE, suggest.index()));
        } else if (msg instanceof PeerMessage.AllowedFast allowed) {
            out.add(oneInt(alloc, MessageId.ALLOWED_FAST, allowed.index()));
        } else if (msg instanceof PeerMessage.Request r) {
            out.add(block(alloc, MessageId.REQUEST, r.index(), r.begin(), r.length()));
        } else if (msg instanceof PeerMessage.Cancel c) {
            out.add(block(alloc, MessageId.CANCEL, c.index(), c.begin(), c.length()));
        } else if (msg instanceof PeerMessage.RejectRequest r) {
            out.add(block(alloc, MessageId.REJECT_REQUEST, r.index(), r.begin(), r.length()));
        } else if (msg instanceof PeerMessage.Port port) {
            ByteBuf buf = alloc.ioBuffer(7);
            buf.writeInt(3).writeByte(MessageId.PORT).writeShort(port.port());
            out.add(buf);
        } else if (msg instanceof PeerMessage.Bitfield bitfield) {
            out.add(withBytes(alloc, MessageId.BITFIELD, bitfield.bits()));
        } else if (msg instanceof PeerMessage.Unknown unknown) {
            out.add(withBytes(alloc, unknown.id(), unknown.payload()));
        } else {
            throw new EncoderException("no encoding for " + msg.getClass().getName());
        }
    }

    /**
     * The 13 bytes in front of a block of {@code length} bytes:
     * {@code len=9+length | id=7 | index | begin}. For uploads that send the block as a {@code FileRegion}.
     */
    public static ByteBuf pieceHeader(ByteBufAllocator alloc, int index, int begin, int length) {
        if (index < 0 || begin < 0 || length < 0) {
            throw new IllegalArgumentException("negative piece field");
        }
        ByteBuf header = alloc.ioBuffer(13);
        header.writeInt(checkedLength(9L + length));
        header.writeByte(MessageId.PIECE);
        header.writeInt(index);
        header.writeInt(begin);
        return header;
    }

    /** Bytes of one {@link PeerMessage.Request} on the wire. */
    public static final int REQUEST_LENGTH = 17;

    /**
     * Appends one request (BEP 3, id 6) to {@code out}, for senders that batch many into one buffer:
     * <pre>
     *  +-------------+------+-------------+-------------+-------------+
     *  | len=13 (4 B)| id=6 | index (4 B) | begin (4 B) | length (4 B)|
     *  +-------------+------+-------------+-------------+-------------+
     * </pre>
     */
    public static ByteBuf writeRequest(ByteBuf out, int index, int begin, int length) {
        if (index < 0 || begin < 0 || length < 0) {
            throw new IllegalArgumentException("negative request field");
        }
        return out.writeInt(13).writeByte(MessageId.REQUEST).writeInt(index).writeInt(begin).writeInt(length);
    }

    private static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE) {
            throw new EncoderException("message of " + length + " bytes is too long");
        }
        return (int) length;
    }

    private static ByteBuf idOnly(ByteBufAllocator alloc, int id) {
        return alloc.ioBuffer(5).writeInt(1).writeByte(id);
    }

    private static ByteBuf oneInt(ByteBufAllocator alloc, int id, int value) {
        return alloc.ioBuffer(9).writeInt(5).writeByte(id).writeInt(value);
    }

    private static ByteBuf block(ByteBufAllocator alloc, int id, int index, int begin, int length) {
        return alloc.ioBuffer(17).writeInt(13).writeByte(id).writeInt(index).writeInt(begin).writeInt(length);
    }

    private static ByteBuf withBytes(ByteBufAllocator alloc, int id, byte[] payload) {
        ByteBuf buf = alloc.ioBuffer(5 + payload.length);
        buf.writeInt(checkedLength(1L + payload.length)).writeByte(id).writeBytes(payload);
        return buf;
    }
}
