package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message of the BitTorrent peer wire protocol after the handshake (BEP 3, with BEP 5, BEP 6 and BEP 10).
 *
 * <p>Every message is framed the same way; integers are 4-byte big-endian unless noted:
 * <pre>
 *  0       4    5
 *  +-------+----+----------------------+
 *  | len   | id | payload (len-1 bytes)|      len = 0 is a keep-alive: no id, no payload
 *  +-------+----+----------------------+
 * </pre>
 * Each record below draws its own {@code len | id | payload}. Records hold no peer state and validate their own
 * fields (indices and offsets are non-negative, ids fit one byte), so an instance is always encodable.
 *
 * <p>Two messages carry a reference-counted {@link ByteBuf}: {@link Piece} and {@link Extended} (see
 * {@link PayloadMessage}). Whoever holds one must {@code release()} it exactly once; the decoder hands out a slice
 * of its input (no copy) and the encoder passes the buffer to the transport (no copy). All other messages are plain
 * immutable values.
 */
public sealed interface PeerMessage {

    /**
     * A message that owns a reference-counted buffer. {@code retain/release/refCnt/touch} act on
     * {@link #content()}; Netty's {@code ReferenceCountUtil} and the encoder release it like any buffer.
     */
    sealed interface PayloadMessage extends PeerMessage, ByteBufHolder permits Piece, Extended {

        @Override
        PayloadMessage replace(ByteBuf content);

        @Override
        default PayloadMessage copy() {
            return replace(content().copy());
        }

        @Override
        default PayloadMessage duplicate() {
            return replace(content().duplicate());
        }

        @Override
        default PayloadMessage retainedDuplicate() {
            return replace(content().retainedDuplicate());
        }

        @Override
        default int refCnt() {
            return content().refCnt();
        }

        @Override
        default PayloadMessage retain() {
            content().retain();
            return this;
        }

        @Override
        default PayloadMessage retain(int increment) {
            content().retain(increment);
            return this;
        }

        @Override
        default PayloadMessage touch() {
            content().touch();
            return this;
        }

        @Override
        default PayloadMessage touch(Object hint) {
            content().touch(hint);
            return this;
        }

        @Override
        default boolean release() {
            return content().release();
        }

        @Override
        default boolean release(int decrement) {
            return content().release(decrement);
        }
    }

    /**
     * Keep-alive (BEP 3): a zero length and nothing else.
     * <pre>
     *  +-------------+
     *  | len=0 (4 B) |
     *  +-------------+
     * </pre>
     */
    record KeepAlive() implements PeerMessage {
        public static final KeepAlive INSTANCE = new KeepAlive();
    }

    /**
     * Choke (BEP 3, id 0): the sender will not serve requests. Under BEP 6 pending requests are not implicitly
     * dropped; each gets a piece or a reject.
     * <pre>
     *  +-----------+------+
     *  | len=1     | id=0 |
     *  +-----------+------+
     * </pre>
     */
    record Choke() implements PeerMessage {
        public static final Choke INSTANCE = new Choke();
    }

    /**
     * Unchoke (BEP 3, id 1).
     * <pre>
     *  +-----------+------+
     *  | len=1     | id=1 |
     *  +-----------+------+
     * </pre>
     */
    record Unchoke() implements PeerMessage {
        public static final Unchoke INSTANCE = new Unchoke();
    }

    /**
     * Interested (BEP 3, id 2).
     * <pre>
     *  +-----------+------+
     *  | len=1     | id=2 |
     *  +-----------+------+
     * </pre>
     */
    record Interested() implements PeerMessage {
        public static final Interested INSTANCE = new Interested();
    }

    /**
     * Not interested (BEP 3, id 3).
     * <pre>
     *  +-----------+------+
     *  | len=1     | id=3 |
     *  +-----------+------+
     * </pre>
     */
    record NotInterested() implements PeerMessage {
        public static final NotInterested INSTANCE = new NotInterested();
    }

    /**
     * Have (BEP 3, id 4): the sender completed and verified piece {@code index}.
     * <pre>
     *  +-----------+------+-----------+
     *  | len=5     | id=4 | index     |
     *  +-----------+------+-----------+
     * </pre>
     */
    record Have(int index) implements PeerMessage {
        public Have {
            Fields.nonNegative(index, "index");
        }
    }

    /**
     * Bitfield (BEP 3, id 5): only as the first message after the handshake. Bit 7 of byte 0 is piece 0; spare
     * bits at the end must be zero. The codec does not know the piece count, so it checks neither the length nor
     * the spare bits: the peer layer does, with {@code org.swarmbid.core.bitfield.Bitfield.fromWire}.
     * <pre>
     *  +-----------+------+------------------------+
     *  | len=1+n   | id=5 | n bytes, MSB = piece 0 |
     *  +-----------+------+------------------------+
     * </pre>
     */
    record Bitfield(byte[] bits) implements PeerMessage {
        public Bitfield {
            bits = bits.clone();
        }

        /** A copy of the raw bytes. */
        @Override
        public byte[] bits() {
            return bits.clone();
        }

        public int length() {
            return bits.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bitfield b && Arrays.equals(bits, b.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "Bitfield[" + bits.length + " bytes]";
        }
    }

    /**
     * Request (BEP 3, id 6): a block of {@code length} bytes at offset {@code begin} in piece {@code index}.
     * <pre>
     *  +-----------+------+-----------+-----------+-----------+
     *  | len=13    | id=6 | index     | begin     | length    |
     *  +-----------+------+-----------+-----------+-----------+
     * </pre>
     */
    record Request(int index, int begin, int length) implements PeerMessage {
        public Request {
            Fields.block(index, begin, length);
        }
    }

    /**
     * Piece (BEP 3, id 7): a block of data. {@code data} is reference counted; release the message when done.
     * <pre>
     *  +-----------+------+-----------+-----------+---------------------+
     *  | len=9+n   | id=7 | index     | begin     | block (n bytes)     |
     *  +-----------+------+-----------+-----------+---------------------+
     * </pre>
     */
    record Piece(int index, int begin, ByteBuf data) implements PayloadMessage {
        public Piece {
            Fields.nonNegative(index, "index");
            Fields.nonNegative(begin, "begin");
            if (data == null) {
                throw new NullPointerException("data");
            }
        }

        /** The block length in bytes. */
        public int length() {
            return data.readableBytes();
        }

        @Override
        public ByteBuf content() {
            return data;
        }

        @Override
        public Piece replace(ByteBuf content) {
            return new Piece(index, begin, content);
        }

        @Override
        public String toString() {
            return "Piece[index=" + index + ", begin=" + begin + ", length=" + data.readableBytes() + "]";
        }
    }

    /**
     * Cancel (BEP 3, id 8): withdraws a {@link Request} with the same three fields.
     * <pre>
     *  +-----------+------+-----------+-----------+-----------+
     *  | len=13    | id=8 | index     | begin     | length    |
     *  +-----------+------+-----------+-----------+-----------+
     * </pre>
     */
    record Cancel(int index, int begin, int length) implements PeerMessage {
        public Cancel {
            Fields.block(index, begin, length);
        }
    }

    /**
     * Port (BEP 5, id 9): the sender's DHT node listens on this UDP port. Note the 2-byte payload.
     * <pre>
     *  +-----------+------+-------------+
     *  | len=3     | id=9 | port (2 B)  |
     *  +-----------+------+-------------+
     * </pre>
     */
    record Port(int port) implements PeerMessage {
        public Port {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port + " outside 0..65535");
            }
        }
    }

    /**
     * Suggest piece (BEP 6, id 13): the sender would like the receiver to download this piece.
     * <pre>
     *  +-----------+-------+-----------+
     *  | len=5     | id=13 | index     |
     *  +-----------+-------+-----------+
     * </pre>
     */
    record SuggestPiece(int index) implements PeerMessage {
        public SuggestPiece {
            Fields.nonNegative(index, "index");
        }
    }

    /**
     * Have all (BEP 6, id 14): replaces a bitfield with every bit set; only as the first message.
     * <pre>
     *  +-----------+-------+
     *  | len=1     | id=14 |
     *  +-----------+-------+
     * </pre>
     */
    record HaveAll() implements PeerMessage {
        public static final HaveAll INSTANCE = new HaveAll();
    }

    /**
     * Have none (BEP 6, id 15): replaces an empty bitfield; only as the first message.
     * <pre>
     *  +-----------+-------+
     *  | len=1     | id=15 |
     *  +-----------+-------+
     * </pre>
     */
    record HaveNone() implements PeerMessage {
        public static final HaveNone INSTANCE = new HaveNone();
    }

    /**
     * Reject request (BEP 6, id 16): the sender will not serve this request.
     * <pre>
     *  +-----------+-------+-----------+-----------+-----------+
     *  | len=13    | id=16 | index     | begin     | length    |
     *  +-----------+-------+-----------+-----------+-----------+
     * </pre>
     */
    record RejectRequest(int index, int begin, int length) implements PeerMessage {
        public RejectRequest {
            Fields.block(index, begin, length);
        }
    }

    /**
     * Allowed fast (BEP 6, id 17): the receiver may request this piece even while choked. See
     * {@link AllowedFastSet} for the canonical set.
     * <pre>
     *  +-----------+-------+-----------+
     *  | len=5     | id=17 | index     |
     *  +-----------+-------+-----------+
     * </pre>
     */
    record AllowedFast(int index) implements PeerMessage {
        public AllowedFast {
            Fields.nonNegative(index, "index");
        }
    }

    /**
     * Extended (BEP 10, id 20): {@code extendedId} 0 is the extension handshake ({@link ExtensionHandshake});
     * other ids are the ones the receiver assigned in its handshake's {@code m} dictionary. {@code payload} is
     * reference counted; release the message when done.
     * <pre>
     *  +-----------+-------+-------------+------------------------+
     *  | len=2+n   | id=20 | ext id (1B) | payload (n bytes)      |
     *  +-----------+-------+-------------+------------------------+
     * </pre>
     */
    record Extended(int extendedId, ByteBuf payload) implements PayloadMessage {
        public Extended {
            Fields.unsignedByte(extendedId, "extended message id");
            if (payload == null) {
                throw new NullPointerException("payload");
            }
        }

        @Override
        public ByteBuf content() {
            return payload;
        }

        @Override
        public Extended replace(ByteBuf content) {
            return new Extended(extendedId, content);
        }

        @Override
        public String toString() {
            return "Extended[id=" + extendedId + ", length=" + payload.readableBytes() + "]";
        }
    }

    /**
     * A frame whose id this codec does not know (e.g. BEP 52's hash messages, 21..23). Surfaced, not rejected,
     * so that the peer layer can ignore it; the payload is copied (it is bounded by the frame limit).
     * <pre>
     *  +-----------+-------+------------------------+
     *  | len=1+n   | id    | payload (n bytes)      |
     *  +-----------+-------+------------------------+
     * </pre>
     */
    record Unknown(int id, byte[] payload) implements PeerMessage {
        public Unknown {
            Fields.unsignedByte(id, "message id");
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && id == u.id && Arrays.equals(payload, u.payload);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Unknown[id=" + id + ", payload=" + HexFormat.of().formatHex(payload, 0, Math.min(16, payload.length))
                    + (payload.length > 16 ? "..(" + payload.length + " bytes)" : "") + "]";
        }
    }
}
