package org.swarmbid.core.session;

import io.netty.buffer.Unpooled;
import org.swarmbid.core.wire.MetadataMessage;

/**
 * Serves a torrent's info dictionary to one peer, BEP 9 style, so clients that start from a magnet link can fetch
 * the metadata from us. Pure (no I/O): it turns a request into the reply to send. A connection may fetch the whole
 * dictionary twice over; beyond that every request is rejected, so a peer cannot make us upload metadata forever.
 * Confined to the connection's event loop.
 */
final class MetadataServer {
    private final byte[] info;
    private final int pieces;
    private int budget;

    /** @param info the raw bencoded info dictionary (not copied; never written) */
    MetadataServer(byte[] info) {
        this.info = info;
        this.pieces = MetadataMessage.pieceCount(info.length);
        this.budget = 2 * pieces + 8;
    }

    /** {@code metadata_size} for the extension handshake. */
    long size() {
        return info.length;
    }

    /** The reply to a request: the piece, or a reject for an index past the end or an exhausted budget. */
    MetadataMessage answer(MetadataMessage.Request request) {
        int p = request.piece();
        if (p >= pieces || budget <= 0) {
            return new MetadataMessage.Reject(p);
        }
        budget--;
        int start = p * MetadataMessage.PIECE_SIZE;
        int length = Math.min(MetadataMessage.PIECE_SIZE, info.length - start);
        return new MetadataMessage.Data(p, info.length, Unpooled.wrappedBuffer(info, start, length));
    }
}
