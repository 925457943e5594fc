package org.swarmbid.core.storage;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * How a torrent's pieces map onto its files (BEP 3): the files are concatenated in torrent order into one byte
 * stream of {@link #totalLength()} bytes, which is cut into pieces of {@link #pieceLength()} bytes; the last piece
 * is shorter when the total is not a multiple. A piece may span any number of files, and zero-length files occupy
 * no bytes at all.
 *
 * <pre>
 *   stream:  |&lt;---- a.bin (5) ----&gt;|&lt;- e (0) -&gt;|&lt;- b (3) -&gt;|&lt;----- c.bin (9) -----&gt;|
 *   offset:  0                      5           5          8                        17
 *   pieces:  |&lt;- piece 0 (4) -&gt;|&lt;- piece 1 (4) -&gt;|&lt;- piece 2 (4) -&gt;|&lt;- piece 3 (4) -&gt;|p4|
 *            piece 1 = a[4,5) + b[0,3); piece 4 = c[8,9) (the last piece, 1 byte)
 * </pre>
 *
 * <p>All offsets are longs: single files beyond 4 GiB are normal. Immutable and thread-safe.
 */
public final class StorageLayout {
    /** Bytes in one SHA-1 piece hash (BEP 3 "pieces"). */
    public static final int HASH_LENGTH = 20;

    private final List<FileEntry> files;
    private final int pieceLength;
    private final long totalLength;
    private final int pieceCount;
    private final byte[] pieceHashes;
    /** Start of each file in the stream; non-decreasing (equal for zero-length files). */
    private final long[] fileOffsets;

    /**
     * @param files       files in torrent order
     * @param pieceLength nominal piece length in bytes, positive
     * @param pieceHashes the concatenated 20-byte SHA-1 hashes, one per piece (copied)
     * @throws IllegalArgumentException if the hashes do not match the piece count, the total is zero, or the piece
     *                                  count exceeds {@code Integer.MAX_VALUE}
     */
    public StorageLayout(List<FileEntry> files, int pieceLength, byte[] pieceHashes) {
        this.files = List.copyOf(files);
        Objects.requireNonNull(pieceHashes, "pieceHashes");
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length " + pieceLength + " must be positive");
        }
        if (this.files.isEmpty()) {
            throw new IllegalArgumentException("a torrent needs at least one file");
        }
        this.fileOffsets = new long[this.files.size()];
        long total = 0;
        for (int i = 0; i < this.files.size(); i++) {
            fileOffsets[i] = total;
            total = Math.addExact(total, this.files.get(i).length());
        }
        if (total == 0) {
            throw new IllegalArgumentException("total length is zero");
        }
        long pieces = (total + pieceLength - 1) / pieceLength;
        if (pieces > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(pieces + " pieces is too many");
        }
        if (pieceHashes.length != pieces * HASH_LENGTH) {
            throw new IllegalArgumentException(pieceHashes.length + " bytes of piece hashes for " + pieces
                    + " pieces (want " + pieces * HASH_LENGTH + ")");
        }
        this.pieceLength = pieceLength;
        this.totalLength = total;
        this.pieceCount = (int) pieces;
        this.pieceHashes = pieceHashes.clone();
    }

    public List<FileEntry> files() {
        return files;
    }

    public int fileCount() {
        return files.size();
    }

    public FileEntry file(int index) {
        return files.get(index);
    }

    /** Start of file {@code index} in the torrent's byte stream. */
    public long fileOffset(int index) {
        return fileOffsets[index];
    }

    public int pieceLength() {
        return pieceLength;
    }

    public long totalLength() {
        return totalLength;
    }

    public int pieceCount() {
        return pieceCount;
    }

    /** Size of piece {@code piece}: {@link #pieceLength()} except for a shorter last piece. */
    public int pieceSize(int piece) {
        checkPiece(piece);
        return (int) Math.min(pieceLength, totalLength - pieceOffset(piece));
    }

    /** Start of piece {@code piece} in the stream. */
    public long pieceOffset(int piece) {
        checkPiece(piece);
        return (long) piece * pieceLength;
    }

    /** A copy of all hashes, concatenated. */
    public byte[] pieceHashes() {
        return pieceHashes.clone();
    }

    /** A copy of the 20-byte expected hash of {@code piece}. */
    public byte[] pieceHash(int piece) {
        checkPiece(piece);
        return Arrays.copyOfRange(pieceHashes, piece * HASH_LENGTH, (piece + 1) * HASH_LENGTH);
    }

    /** True if {@code digest} (20 bytes at {@code offset}) equals the expected hash of {@code piece}. */
    public boolean hashMatches(int piece, byte[] digest, int offset) {
        checkPiece(piece);
        int base = piece * HASH_LENGTH;
        return Arrays.equals(pieceHashes, base, base + HASH_LENGTH, digest, offset, offset + HASH_LENGTH);
    }

    /** True if {@code digest} equals the expected hash of {@code piece} (constant-time compare not needed). */
    public boolean hashMatches(int piece, byte[] digest) {
        return digest.length == HASH_LENGTH && hashMatches(piece, digest, 0);
    }

    /**
     * Index of the file holding stream byte {@code offset}; never a zero-length file.
     *
     * @throws IndexOutOfBoundsException if the offset is outside {@code [0, totalLength)}
     */
    public int fileAt(long offset) {
        if (offset < 0 || offset >= totalLength) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + totalLength + ")");
        }
        // greatest i with fileOffsets[i] <= offset; that file is non-empty because the next one starts later
        int lo = 0;
        int hi = fileOffsets.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fileOffsets[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The file slices making up {@code length} bytes of {@code piece} from {@code begin}, in stream order.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the piece
     */
    public List<FileSlice> slices(int piece, int begin, int length) {
        checkRange(piece, begin, length);
        List<FileSlice> out = new ArrayList<>(2);
        if (length == 0) {
            return out;
        }
        long offset = pieceOffset(piece) + begin;
        long remaining = length;
        int i = fileAt(offset);
        while (remaining > 0) {
            long fileLength = files.get(i).length();
            long inFile = offset - fileOffsets[i];
            if (fileLength > inFile) {
                int n = (int) Math.min(remaining, fileLength - inFile);
                out.add(new FileSlice(i, inFile, n));
                offset += n;
                remaining -= n;
            }
            i++;
        }
        return out;
    }

    /** The slices of the whole piece. */
    public List<FileSlice> slices(int piece) {
        return slices(piece, 0, pieceSize(piece));
    }

    /** First piece touching file {@code index}; equals {@link #endPieceOf} for a zero-length file. */
    public int firstPieceOf(int index) {
        if (files.get(index).length() == 0) {
            return endPieceOf(index);
        }
        return (int) (fileOffsets[index] / pieceLength);
    }

    /** One past the last piece touching file {@code index}. */
    public int endPieceOf(int index) {
        FileEntry f = files.get(index);
        if (f.length() == 0) {
            long at = fileOffsets[index];
            int p = (int) (at / pieceLength);
            return Math.min(p, pieceCount); // empty range
        }
        long last = fileOffsets[index] + f.length() - 1;
        return (int) (last / pieceLength) + 1;
    }

    /**
     * The pieces to download when the files flagged in {@code skipped} are not wanted.
     *
     * <p>Rule: a piece is wanted if it touches at least one byte of a file that is not skipped. A piece straddling
     * a skipped and a wanted file is therefore downloaded whole, and its bytes that belong to the skipped file are
     * written into that file (which then exists on disk as a sparse file holding only those boundary bytes). That is
     * the honest consequence of hashing whole pieces; there is no separate part-file.
     *
     * @param skipped one flag per file; {@code true} means "do not download"
     */
    public Bitfield wantedPieces(boolean[] skipped) {
        if (skipped.length != files.size()) {
            throw new IllegalArgumentException(skipped.length + " skip flags for " + files.size() + " files");
        }
        Bitfield wanted = new Bitfield(pieceCount);
        for (int i = 0; i < skipped.length; i++) {
            if (!skipped[i]) {
                for (int p = firstPieceOf(i), end = endPieceOf(i); p < end; p++) {
                    wanted.set(p);
                }
            }
        }
        return wanted;
    }

    void checkRange(int piece, int begin, int length) {
        int size = pieceSize(piece);
        if (begin < 0 || length < 0 || begin > size || length > size - begin) {
            throw new IndexOutOfBoundsException("range [" + begin + ", +" + length + ") outside piece " + piece
                    + " of " + size + " bytes");
        }
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageLayout l && l.pieceLength == pieceLength && l.files.equals(files)
                && MessageDigest.isEqual(l.pieceHashes, pieceHashes);
    }

    @Override
    public int hashCode() {
        return 31 * files.hashCode() + pieceLength;
    }

    @Override
    public String toString() {
        return "StorageLayout[" + files.size() + " files, " + totalLength + " bytes, " + pieceCount + " pieces of "
                + pieceLength + "]";
    }
}
