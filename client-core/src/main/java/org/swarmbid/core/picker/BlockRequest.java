package org.swarmbid.core.picker;

/**
 * One block of a piece, as a BEP 3 {@code request} / {@code cancel} / {@code reject} (BEP 6) message names it:
 * piece index, byte offset inside the piece, length in bytes.
 *
 * @param piece  zero-based piece index
 * @param begin  byte offset inside the piece, a multiple of {@link PieceGeometry#BLOCK_SIZE}
 * @param length block length: {@link PieceGeometry#BLOCK_SIZE}, or less for the last block of a piece
 */
public record BlockRequest(int piece, int begin, int length) {
    public BlockRequest {
        if (piece < 0 || begin < 0 || length <= 0) {
            throw new IllegalArgumentException("bad block " + piece + "/" + begin + "/" + length);
        }
    }

    @Override
    public String toString() {
        return piece + ":" + begin + "+" + length;
    }
}
