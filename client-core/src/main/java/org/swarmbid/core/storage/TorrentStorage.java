package org.swarmbid.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where a torrent's pieces live: positional reads and writes addressed by (piece, begin), the way BEP 3's
 * {@code request} and {@code piece} messages address blocks. Implementations split the range across files.
 *
 * <p>Threading: all methods are safe to call from several threads at once (peer event loops write blocks while
 * the hasher reads pieces); ranges that overlap concurrently written ranges read undefined bytes, as with any
 * file. Calls block on disk I/O, so an event loop should hand them to a worker unless the page cache is known
 * to hold the data.
 */
public interface TorrentStorage extends AutoCloseable {

    StorageLayout layout();

    /**
     * Fills {@code dst} (its {@code remaining()} bytes) from {@code piece} starting at {@code begin}. On return
     * {@code dst}'s position has advanced by that many bytes.
     *
     * @throws java.nio.file.NoSuchFileException if a file is missing
     * @throws java.io.EOFException              if a file is shorter than the range needs
     * @throws IndexOutOfBoundsException         if the range is not inside the piece
     */
    void read(int piece, int begin, ByteBuffer dst) throws IOException;

    /**
     * Reads one block into a new heap buffer, flipped for reading: the simple upload path when zero-copy is not
     * available (e.g. over an encrypted or TLS connection).
     */
    default ByteBuffer readBlock(int piece, int begin, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        read(piece, begin, b);
        return b.flip();
    }

    /**
     * Writes {@code src}'s remaining bytes into {@code piece} at {@code begin}, creating files as needed. On return
     * {@code src}'s position has advanced to its limit.
     */
    void write(int piece, int begin, ByteBuffer src) throws IOException;

    /** Size and modification time of each file now, in layout order ({@link FileState#MISSING} if absent). */
    List<FileState> fileStates() throws IOException;

    /** Forces written data to the device; call before capturing fast-resume data. */
    void flush() throws IOException;

    /**
     * Closes the storage and deletes this torrent's files, then the directories that became empty, never
     * anything outside the download root and never the root itself.
     */
    void deleteData() throws IOException;

    /** Releases open files. Later reads and writes fail. Idempotent. */
    @Override
    void close();
}
