package org.swarmbid.core.picker;

/**
 * Sizes of a torrent's pieces and blocks. Every piece is {@code pieceLength} bytes except the last, which holds the
 * rest of {@code totalLength}. Pieces are cut into blocks of {@link #BLOCK_SIZE} (16 KiB, the size every current
 * client requests and the largest most will serve); the last block of a piece may be shorter.
 *
 * <pre>
 *   total = 100 KiB, pieceLength = 32 KiB  -&gt;  pieces 0..3: 32, 32, 32, 4 KiB
 *   piece 0: blocks [0,16K) [16K,32K)        piece 3: one block [0,4K)
 * </pre>
 *
 * @param totalLength sum of all file lengths, &gt; 0
 * @param pieceLength nominal piece length, &gt; 0
 */
public record PieceGeometry(long totalLength, int pieceLength) {
    /** Block size requested from peers: 16 KiB. */
    public static final int BLOCK_SIZE = 16 * 1024;

    public PieceGeometry {
        if (totalLength <= 0) {
            throw new IllegalArgumentException("total length " + totalLength + " is not positive");
        }
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length " + pieceLength + " is not positive");
        }
        if ((totalLength + pieceLength - 1) / pieceLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many pieces: " + totalLength + " / " + pieceLength);
        }
    }

    public int pieceCount() {
        return (int) ((totalLength + pieceLength - 1) / pieceLength);
    }

    /** Length in bytes of {@code piece}. */
    public int pieceSize(int piece) {
        checkPiece(piece);
        long start = (long) piece * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }

    /** Number of blocks in {@code piece}. */
    public int blockCount(int piece) {
        return (pieceSize(piece) + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /** Length of block number {@code block} of {@code piece}. */
    public int blockLength(int piece, int block) {
        int size = pieceSize(piece);
        int begin = block * BLOCK_SIZE;
        if (block < 0 || begin >= size) {
            throw new IndexOutOfBoundsException("block " + block + " of piece " + piece);
        }
        return Math.min(BLOCK_SIZE, size - begin);
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount()) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount());
        }
    }
}
