package org.swarmbid.core.picker;

/**
 * Derives piece priorities from file priorities. Files lie back to back in the torrent's byte stream (BEP 3, in
 * the order of the info dictionary's {@code files} list, pad files of BEP 47 included), so file {@code i} covers
 * {@code [offset_i, offset_i + length_i)} with {@code offset_i = sum of earlier lengths}. A piece gets the highest
 * priority of the files it touches: a piece shared by a skipped file and a wanted one must still be downloaded.
 * Empty files touch no piece.
 *
 * <pre>
 *   pieces:  |   0   |   1   |   2   |
 *   files:   |  a (4)   | b (0) |c (7)|      -&gt; piece priorities 4, 4, 7
 * </pre>
 */
public final class PiecePriorities {
    private PiecePriorities() {
    }

    /**
     * Returns one priority (0..7) per piece.
     *
     * @param fileLengths     length of each file, in torrent order; must sum to {@code geometry.totalLength()}
     * @param filePriorities  priority 0..7 of each file (0 = skip)
     */
    public static int[] fromFiles(PieceGeometry geometry, long[] fileLengths, int[] filePriorities) {
        if (fileLengths.length != filePriorities.length) {
            throw new IllegalArgumentException(fileLengths.length + " file lengths but " + filePriorities.length
                    + " file priorities");
        }
        long sum = 0;
        for (int i = 0; i < fileLengths.length; i++) {
            if (fileLengths[i] < 0) {
                throw new IllegalArgumentException("file " + i + " has negative length " + fileLengths[i]);
            }
            checkPriority(filePriorities[i]);
            sum += fileLengths[i];
        }
        if (sum != geometry.totalLength()) {
            throw new IllegalArgumentException("file lengths sum to " + sum + ", torrent has " + geometry.totalLength());
        }
        int[] out = new int[geometry.pieceCount()];
        long offset = 0;
        long pieceLength = geometry.pieceLength();
        for (int i = 0; i < fileLengths.length; i++) {
            long length = fileLengths[i];
            if (length > 0) {
                int first = (int) (offset / pieceLength);
                int last = (int) ((offset + length - 1) / pieceLength);
                int p = filePriorities[i];
                for (int piece = first; piece <= last; piece++) {
                    if (out[piece] < p) {
                        out[piece] = p;
                    }
                }
            }
            offset += length;
        }
        return out;
    }

    static void checkPriority(int priority) {
        if (priority < PiecePicker.SKIP || priority > PiecePicker.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0..7");
        }
    }
}
