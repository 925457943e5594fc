package org.swarmbid.core.metainfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The validated content of a torrent's {@code info} dictionary (BEP 3): what is downloaded and how it is cut into
 * pieces. Immutable and thread-safe. Built only by {@link MetainfoParser}, which checked every invariant:
 * <ul>
 *   <li>{@code 0 < pieceLength <= }{@link MetainfoParser#MAX_PIECE_LENGTH};</li>
 *   <li>{@code totalLength > 0} and equal to the sum of the file lengths (no overflow);</li>
 *   <li>{@code pieceCount == ceil(totalLength / pieceLength)}, one 20-byte SHA-1 per piece;</li>
 *   <li>files are contiguous: each offset is the previous file's end, the last ends at totalLength;</li>
 *   <li>paths are sanitised and no two files share a path or use a file as a directory.</li>
 * </ul>
 *
 * <p>{@code pieces} layout: the concatenation of the pieces' SHA-1 digests,
 * <pre>
 *   | sha1(piece 0) 20 bytes | sha1(piece 1) 20 bytes | ... | sha1(piece n-1) 20 bytes |
 * </pre>
 */
public final class InfoDictionary {
    private final String name;
    private final int pieceLength;
    private final byte[] pieces;
    private final List<FileEntry> files;
    private final long totalLength;
    private final boolean privateFlag;
    private final boolean singleFile;

    InfoDictionary(String name, int pieceLength, byte[] pieces, List<FileEntry> files, long totalLength,
            boolean privateFlag, boolean singleFile) {
        this.name = name;
        this.pieceLength = pieceLength;
        this.pieces = pieces;
        this.files = List.copyOf(files);
        this.totalLength = totalLength;
        this.privateFlag = privateFlag;
        this.singleFile = singleFile;
    }

    /** The suggested name: the file's name (single-file) or the top directory's (multi-file), sanitised. */
    public String name() {
        return name;
    }

    /** Bytes per piece; every piece but the last has exactly this length. */
    public int pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieces.length / InfoHash.LENGTH;
    }

    /** A copy of the 20-byte SHA-1 of piece {@code index}. */
    public byte[] pieceHash(int index) {
        Objects.checkIndex(index, pieceCount());
        return Arrays.copyOfRange(pieces, index * InfoHash.LENGTH, (index + 1) * InfoHash.LENGTH);
    }

    /** Whether {@code sha1} is the expected hash of piece {@code index}, without copying. */
    public boolean pieceHashEquals(int index, byte[] sha1) {
        Objects.checkIndex(index, pieceCount());
        return sha1.length == InfoHash.LENGTH && Arrays.equals(pieces, index * InfoHash.LENGTH,
                (index + 1) * InfoHash.LENGTH, sha1, 0, InfoHash.LENGTH);
    }

    /** Where piece {@code index} starts in the torrent's byte stream. */
    public long pieceOffset(int index) {
        Objects.checkIndex(index, pieceCount());
        return (long) index * pieceLength;
    }

    /** Length of piece {@code index}: {@link #pieceLength()}, except possibly for the last piece. */
    public int pieceSize(int index) {
        long start = pieceOffset(index);
        return (int) Math.min(pieceLength, totalLength - start);
    }

    /** The files in stream order, with sanitised paths and offsets. */
    public List<FileEntry> files() {
        return files;
    }

    /**
     * Index of the file holding byte {@code offset} of the stream (files of length 0 hold no byte).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= offset < totalLength}
     */
    public int fileIndexAt(long offset) {
        Objects.checkIndex(offset, totalLength);
        int lo = 0;
        int hi = files.size() - 1;
        // The last file starting at or before the offset is never empty: an empty file starts where the next one
        // does, or at totalLength if it is last.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (files.get(mid).offset() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public long totalLength() {
        return totalLength;
    }

    /** BEP 27: peers only from the torrent's trackers (no DHT, PEX or local discovery). */
    public boolean isPrivate() {
        return privateFlag;
    }

    /** True if the info dictionary had {@code length} (one file), false if it had {@code files}. */
    public boolean singleFile() {
        return singleFile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoDictionary d && pieceLength == d.pieceLength && totalLength == d.totalLength
                && privateFlag == d.privateFlag && singleFile == d.singleFile && name.equals(d.name)
                && Arrays.equals(pieces, d.pieces) && files.equals(d.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pieceLength, Arrays.hashCode(pieces), files, totalLength, privateFlag, singleFile);
    }

    @Override
    public String toString() {
        return "InfoDictionary[" + PathSanitizer.quote(name) + ", " + files.size() + " files, " + totalLength
                + " bytes, " + pieceCount() + " x " + pieceLength + (privateFlag ? ", private" : "") + "]";
    }
}
