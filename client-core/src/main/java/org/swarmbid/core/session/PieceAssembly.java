package org.swarmbid.core.session;

import io.netty.buffer.ByteBuf;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One piece being downloaded: the blocks received so far, held in memory until the whole piece is there, then hashed
 * from memory and written to disk in one go (so a piece that fails its check never touches the disk, and a verified
 * piece needs no read-back for hashing). Remembers how many bytes each connection contributed, for hash-failure
 * attribution and for plugins that pay per verified byte. Confined to the engine loop.
 */
final class PieceAssembly {
    static final int BLOCK = 16 * 1024;

    private final int piece;
    private final byte[] data;
    private final int size;
    private final long[] receivedBlocks;
    private final int blockCount;
    private int received;
    private final Object[] senders;

    /** @param buffer a buffer of at least {@code size} bytes, owned by this assembly until it is given back */
    PieceAssembly(int piece, int size, byte[] buffer) {
        this.piece = piece;
        this.size = size;
        this.data = buffer;
        this.blockCount = (size + BLOCK - 1) / BLOCK;
        this.receivedBlocks = new long[(blockCount + 63) >>> 6];
        this.senders = new Object[blockCount];
    }

    int piece() {
        return piece;
    }

    int size() {
        return size;
    }

    /**
     * Copies a block in. Returns false (copying nothing) for a block that does not fit the piece's block grid or was
     * already received (an end-game duplicate).
     */
    boolean add(int begin, ByteBuf block, Object from) {
        int len = block.readableBytes();
        if (begin < 0 || begin % BLOCK != 0 || len <= 0 || begin + (long) len > size) {
            return false;
        }
        int idx = begin / BLOCK;
        int expected = Math.min(BLOCK, size - begin);
        if (len != expected) {
            return false;
        }
        long mask = 1L << idx;
        if ((receivedBlocks[idx >>> 6] & mask) != 0) {
            return false;
        }
        block.getBytes(block.readerIndex(), data, begin, len);
        receivedBlocks[idx >>> 6] |= mask;
        received++;
        senders[idx] = from;
        return true;
    }

    boolean hasBlock(int begin) {
        int idx = begin / BLOCK;
        return (receivedBlocks[idx >>> 6] & (1L << idx)) != 0;
    }

    boolean complete() {
        return received == blockCount;
    }

    /** The buffer; only the first {@link #size()} bytes are the piece. */
    byte[] buffer() {
        return data;
    }

    /** Who sent block {@code i} (by block index), or null. */
    Object sender(int blockIndex) {
        return senders[blockIndex];
    }

    int blockCount() {
        return blockCount;
    }

    /** Bytes each sender delivered, worked out from the per-block senders (once per piece, not per block). */
    Map<Object, Long> bytesByPeer() {
        Map<Object, Long> m = new IdentityHashMap<>();
        for (int i = 0; i < blockCount; i++) {
            if (senders[i] != null) {
                m.merge(senders[i], (long) Math.min(BLOCK, size - i * BLOCK), Long::sum);
            }
        }
        return m;
    }
}
