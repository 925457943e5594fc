package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * A BEP 9 {@code ut_metadata} message: the info dictionary of a torrent, fetched in 16 KiB pieces by peers that only
 * know its info-hash (a magnet link). It travels as the payload of a BEP 10 extended message whose id the receiver
 * assigned to {@code ut_metadata}; the payload is a bencoded dictionary, followed by the piece's bytes for
 * {@code data}:
 * <pre>
 *  request  d8:msg_typei0e5:piecei0ee
 *  data     d8:msg_typei1e5:piecei0e10:total_sizei34256ee  + 16384 bytes (fewer for the last piece)
 *  reject   d8:msg_typei2e5:piecei0ee
 * </pre>
 * Piece {@code i} is bytes {@code [16384 * i, min(16384 * (i + 1), total_size))} of the raw info dictionary, whose
 * SHA-1 is the info-hash; {@code metadata_size} in the extension handshake announces {@code total_size}. Unknown
 * {@code msg_type}s are to be ignored (BEP 9), so {@link #decode} returns them as {@link Unknown}.
 */
public sealed interface MetadataMessage {
    /** BEP 9's piece size: 16 KiB. */
    int PIECE_SIZE = 16 * 1024;
    /** Extension name in the BEP 10 handshake's {@code m} dictionary. */
    String EXTENSION = "ut_metadata";

    int piece();

    /** msg_type 0: please send piece {@code piece}. */
    record Request(int piece) implements MetadataMessage {
    }

    /** msg_type 1: piece {@code piece} of {@code totalSize} bytes of metadata; {@code data} is owned by the caller. */
    record Data(int piece, long totalSize, ByteBuf data) implements MetadataMessage {
    }

    /** msg_type 2: the sender will not send piece {@code piece}. */
    record Reject(int piece) implements MetadataMessage {
    }

    /** Any other msg_type (ignored, as BEP 9 asks). */
    record Unknown(int piece, long msgType) implements MetadataMessage {
    }

    /** Number of 16 KiB pieces of metadata of {@code totalSize} bytes. */
    static int pieceCount(long totalSize) {
        return (int) ((totalSize + PIECE_SIZE - 1) / PIECE_SIZE);
    }

    /** The extended-message payload of this message (a new buffer; the caller owns it). */
    default ByteBuf encode() {
        BDict.Builder d = BDict.builder();
        if (this instanceof Request) {
            d.put("msg_type", 0);
        } else if (this instanceof Data data) {
            d.put("msg_type", 1).put("total_size", data.totalSize());
        } else if (this instanceof Reject) {
            d.put("msg_type", 2);
        } else {
            throw new IllegalStateException("cannot encode " + this);
        }
        d.put("piece", piece());
        byte[] head = d.build().encode();
        if (this instanceof Data data) {
            return Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(head), data.data().retainedDuplicate());
        }
        return Unpooled.wrappedBuffer(head);
    }

    /**
     * Decodes an extended-message payload (its readable bytes; not consumed). A {@link Data} message's bytes are a
     * retained slice of {@code payload}, which the caller must release.
     *
     * @throws MalformedMessageException for anything that is not a dictionary with integer {@code msg_type} and
     *                                   {@code piece} in range, or a data message whose bytes overrun
     *                                   {@link #PIECE_SIZE} or its {@code total_size}
     */
    static MetadataMessage decode(ByteBuf payload) {
        int n = payload.readableBytes();
        if (n > PIECE_SIZE + 1024) {
            throw new MalformedMessageException("ut_metadata message of " + n + " bytes is too long");
        }
        byte[] bytes = ByteBufUtil.getBytes(payload, payload.readerIndex(), Math.min(n, 1024));
        BencodeReader.Prefix prefix;
        try {
            prefix = BencodeReader.decodePrefix(bytes, 0, bytes.length, BencodeLimits.PEER_MESSAGE);
        } catch (BencodeException e) {
            throw new MalformedMessageException("ut_metadata: " + e.getMessage(), e);
        }
        BValue v = prefix.value();
        if (!(v instanceof BDict dict)) {
            throw new MalformedMessageException("ut_metadata message is not a dictionary");
        }
        long type = dict.integer("msg_type")
                .orElseThrow(() -> new MalformedMessageException("ut_metadata message without msg_type"));
        long piece = dict.integer("piece")
                .orElseThrow(() -> new MalformedMessageException("ut_metadata message without piece"));
        if (piece < 0 || piece > Integer.MAX_VALUE) {
            throw new MalformedMessageException("ut_metadata piece " + piece + " out of range");
        }
        int p = (int) piece;
        int rest = n - prefix.endOffset();
        switch ((int) Math.max(-1, Math.min(type, 3))) {
            case 0:
                return new Request(p);
            case 1: {
                long total = dict.integer("total_size")
                        .orElseThrow(() -> new MalformedMessageException("ut_metadata data without total_size"));
                long start = (long) p * PIECE_SIZE;
                if (total <= 0 || start >= total) {
                    throw new MalformedMessageException("ut_metadata data piece " + p + " outside total_size "
                            + total);
                }
                long expected = Math.min(PIECE_SIZE, total - start);
                if (rest != expected) {
                    throw new MalformedMessageException("ut_metadata data piece " + p + " carries " + rest
                            + " bytes, expected " + expected);
                }
                return new Data(p, total, payload.retainedSlice(payload.readerIndex() + prefix.endOffset(), rest));
            }
            case 2:
                return new Reject(p);
            default:
                return new Unknown(p, type);
        }
    }
}
