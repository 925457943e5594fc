package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/**
 * Turns one frame from the {@link FrameDecoder} (id byte and payload, no length prefix) into a {@link PeerMessage}.
 * Each id's payload length is checked exactly (a have is exactly 4 payload bytes, a request 12, ...); a wrong length
 * or a negative index/begin/length fails with {@link MalformedMessageException} naming the message. Unknown ids
 * become {@link PeerMessage.Unknown}, which is not an error.
 *
 * <p>{@link PeerMessage.Piece} and {@link PeerMessage.Extended} get a retained slice of the frame (no copy); the
 * frame itself is released here. Non-{@link ByteBuf} objects pass through.
 *
 * <p>Stateless and {@link ChannelHandler.Sharable sharable}. Runs on the channel's event loop.
 */
@ChannelHandler.Sharable
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** One shared instance is enough. */
    public static final MessageDecoder INSTANCE = new MessageDecoder();

    public MessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame));
    }

    /**
     * Decodes one whole frame (without its length prefix). Reads the frame to its end. A returned
     * {@link PeerMessage.PayloadMessage} holds a retained slice of {@code frame}; the caller still owns
     * {@code frame} itself.
     */
    public static PeerMessage decode(ByteBuf frame) {
        int length = frame.readableBytes();
        if (length == 0) {
            return PeerMessage.KeepAlive.INSTANCE;
        }
        int id = frame.readUnsignedByte();
        int payload = length - 1;
        switch (id) {
            case MessageId.CHOKE:
                exactly(id, payload, 0);
                return PeerMessage.Choke.INSTANCE;
            case MessageId.UNCHOKE:
                exactly(id, payload, 0);
                return PeerMessage.Unchoke.INSTANCE;
            case MessageId.INTERESTED:
                exactly(id, payload, 0);
                return PeerMessage.Interested.INSTANCE;
            case MessageId.NOT_INTERESTED:
                exactly(id, payload, 0);
                return PeerMessage.NotInterested.INSTANCE;
            case MessageId.HAVE:
                exactly(id, payload, 4);
                return new PeerMessage.Have(index(frame, id, "index"));
            case MessageId.BITFIELD: {
                byte[] bits = ByteBufUtil.getBytes(frame, frame.readerIndex(), payload);
                frame.skipBytes(payload);
                return new PeerMessage.Bitfield(bits);
            }
            case MessageId.REQUEST: {
                exactly(id, payload, 12);
                return new PeerMessage.Request(index(frame, id, "index"), index(frame, id, "begin"),
                        index(frame, id, "length"));
            }
            case MessageId.PIECE: {
                atLeast(id, payload, 8);
                int index = index(frame, id, "index");
                int begin = index(frame, id, "begin");
                return new PeerMessage.Piece(index, begin, frame.readRetainedSlice(payload - 8));
            }
            case MessageId.CANCEL:
                exactly(id, payload, 12);
                return new PeerMessage.Cancel(index(frame, id, "index"), index(frame, id, "begin"),
                        index(frame, id, "length"));
            case MessageId.PORT:
                exactly(id, payload, 2);
                return new PeerMessage.Port(frame.readUnsignedShort());
            case MessageId.SUGGEST_PIECE:
                exactly(id, payload, 4);
                return new PeerMessage.SuggestPiece(index(frame, id, "index"));
            case MessageId.HAVE_ALL:
                exactly(id, payload, 0);
                return PeerMessage.HaveAll.INSTANCE;
            case MessageId.HAVE_NONE:
                exactly(id, payload, 0);
                return PeerMessage.HaveNone.INSTANCE;
            case MessageId.REJECT_REQUEST:
                exactly(id, payload, 12);
                return new PeerMessage.RejectRequest(index(frame, id, "index"), index(frame, id, "begin"),
                        index(frame, id, "length"));
            case MessageId.ALLOWED_FAST:
                exactly(id, payload, 4);
                return new PeerMessage.AllowedFast(index(frame, id, "index"));
            case MessageId.EXTENDED: {
                atLeast(id, payload, 1);
                int extendedId = frame.readUnsignedByte();
                return new PeerMessage.Extended(extendedId, frame.readRetainedSlice(payload - 1));
            }
            default: {
                byte[] bytes = ByteBufUtil.getBytes(frame, frame.readerIndex(), payload);
                frame.skipBytes(payload);
                return new PeerMessage.Unknown(id, bytes);
            }
        }
    }

    private static void exactly(int id, int payload, int expected) {
        if (payload != expected) {
            throw new MalformedMessageException(MessageId.name(id) + " message must have a payload of " + expected
                    + " bytes, got " + payload);
        }
    }

    private static void atLeast(int id, int payload, int minimum) {
        if (payload < minimum) {
            throw new MalformedMessageException(MessageId.name(id) + " message must have a payload of at least "
                    + minimum + " bytes, got " + payload);
        }
    }

    /** Reads a 4-byte unsigned field that must fit a non-negative int. */
    private static int index(ByteBuf frame, int id, String field) {
        long value = frame.readUnsignedInt();
        if (value > Integer.MAX_VALUE) {
            throw new MalformedMessageException(MessageId.name(id) + " message has " + field + " " + value
                    + ", above 2^31-1");
        }
        return (int) value;
    }
}
