package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Reads the peer's 68-byte {@link Handshake} (BEP 3), then removes itself from the pipeline: the bytes that came
 * with or after the handshake go on, unchanged and in order, to the next handler (normally the {@link FrameDecoder}).
 *
 * <p>The 20 protocol bytes ({@code 19, "BitTorrent protocol"}) are checked one by one as they arrive, so a peer
 * that speaks something else (HTTP, an encrypted MSE stream, garbage) fails on its first wrong byte with a
 * {@link HandshakeException}, not after 68 bytes. Everything the peer sends after that is discarded.
 *
 * <p>Two modes, for the two sides of a connection:
 * <ul>
 *   <li>{@link #forIncoming()}: emits a {@link HandshakeHeader} as soon as byte 48 has arrived (the info-hash is
 *   known, so the acceptor can find the torrent and answer), then the full {@link Handshake} at byte 68.</li>
 *   <li>{@link #forOutgoing()}: emits only the {@link Handshake}; the initiator already sent its own.</li>
 * </ul>
 *
 * <p>Not sharable: one instance per channel. Runs on the channel's event loop.
 */
public final class HandshakeDecoder extends ByteToMessageDecoder {

    private enum Stage { PROTOCOL, HEADER, PEER_ID, DONE, FAILED }

    private final boolean reportHeader;
    private Stage stage = Stage.PROTOCOL;
    private int protocolBytesMatched;
    private HandshakeHeader header;

    private HandshakeDecoder(boolean reportHeader) {
        this.reportHeader = reportHeader;
    }

    /** For a connection the peer opened: emits {@link HandshakeHeader}, then {@link Handshake}. */
    public static HandshakeDecoder forIncoming() {
        return new HandshakeDecoder(true);
    }

    /** For a connection we opened: emits only {@link Handshake}. */
    public static HandshakeDecoder forOutgoing() {
        return new HandshakeDecoder(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (stage == Stage.FAILED || stage == Stage.DONE) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (stage == Stage.PROTOCOL) {
            byte[] expected = Handshake.PROTOCOL_PREFIX;
            while (protocolBytesMatched < expected.length && in.isReadable()) {
                byte b = in.readByte();
                if (b != expected[protocolBytesMatched]) {
                    stage = Stage.FAILED;
                    in.skipBytes(in.readableBytes());
                    throw new HandshakeException(describeMismatch(protocolBytesMatched, b));
                }
                protocolBytesMatched++;
            }
            if (protocolBytesMatched < expected.length) {
                return;
            }
            stage = Stage.HEADER;
        }
        if (stage == Stage.HEADER) {
            if (in.readableBytes() < Handshake.HEADER_LENGTH - Handshake.PROTOCOL_PREFIX.length) {
                return;
            }
            ReservedBits reserved = new ReservedBits(in.readLong());
            byte[] infoHash = new byte[20];
            in.readBytes(infoHash);
            header = new HandshakeHeader(reserved, infoHash);
            stage = Stage.PEER_ID;
            if (reportHeader) {
                out.add(header);
                return;
            }
        }
        if (stage == Stage.PEER_ID) {
            if (in.readableBytes() < PeerId.LENGTH) {
                return;
            }
            byte[] peerId = new byte[PeerId.LENGTH];
            in.readBytes(peerId);
            out.add(new Handshake(header.reserved(), header.infoHash(), PeerId.of(peerId)));
            stage = Stage.DONE;
            // ByteToMessageDecoder fires 'out' first, then hands the rest of its buffer to the next handler.
            ctx.pipeline().remove(this);
        }
    }

    private static String describeMismatch(int offset, byte got) {
        int value = got & 0xff;
        if (offset == 0) {
            return "not a BitTorrent handshake: protocol name length is " + value + ", expected 19";
        }
        char want = (char) Handshake.PROTOCOL_PREFIX[offset];
        String seen = value >= 0x20 && value < 0x7f ? "'" + (char) value + "'" : String.format("0x%02x", value);
        return "not a BitTorrent handshake: protocol name byte " + (offset - 1) + " is " + seen + ", expected '"
                + want + "'";
    }
}
