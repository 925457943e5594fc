package org.swarmbid.core.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TorrentStorage} on plain files under a download root, with positional {@link FileChannel} I/O (no mmap:
 * a mapped region cannot be unmapped deterministically in Java, and an I/O error on a mapping kills the JVM with
 * SIGBUS instead of raising an exception).
 *
 * <p>Files are created on the first write that touches them, as sparse files: nothing is zero-filled or
 * preallocated, so a 5 GiB torrent with one downloaded piece uses one piece of disk. Zero-length files hold no
 * bytes and are only created by {@link #createEmptyFiles()}.
 *
 * <p>Path safety, checked twice: the constructor resolves every file under the root lexically
 * ({@code normalize()} + {@code startsWith(root)}) and refuses the layout if one escapes or two files collide; and
 * every open or delete first walks the existing path components below the root and refuses if one is a symbolic
 * link whose target is outside the root (or dangling). Parent directories are created only after that check, so
 * they are created inside the root. A race in which another local process swaps a directory for a link between the
 * check and the open is not defended against.
 *
 * <p>Threading: thread-safe; channels come from the shared {@link FilePool}.
 */
public final class FileStorage implements TorrentStorage {
    private static final Logger log = LoggerFactory.getLogger(FileStorage.class);

    /**
     * Largest single {@code pwrite}: a piece is written as a run of block-sized writes, not one 1 MiB write. Since
     * Linux gave ext4 large folios, the page cache allocates folios sized to the write; a 1 MiB write takes
     * high-order free blocks, which a VM with free-page reporting (virtio-balloon) has handed back to the host, so
     * every byte written faults memory back in. Measured with {@code scripts/bench-transfer} on the 2-core VM:
     * disk-thread CPU 2.0 s per GiB with 1 MiB writes, 1.2 s with 64 KiB, 0.75 s with 16 KiB (and dd shows the
     * same: 2-3 s vs 0.45 s per GiB). The extra syscalls cost far less than that.
     */
    static final int WRITE_CHUNK = 16 * 1024;

    private final Path root;
    private final StorageLayout layout;
    private final Path[] paths;
    private final FilePool.Group group;
    private final FilePool.Opener opener = this::open;
    private volatile boolean closed;

    /**
     * @param root   the download root; created on the first write if missing
     * @param layout the torrent's files and pieces
     * @param pool   the session's shared file pool
     * @throws UnsafePathException if a file path leaves the root, equals it, or collides with another file
     */
    public FileStorage(Path root, StorageLayout layout, FilePool pool) throws UnsafePathException {
        this.root = root.toAbsolutePath().normalize();
        this.layout = layout;
        this.paths = new Path[layout.fileCount()];
        Set<Path> filesSeen = new HashSet<>();
        Set<Path> dirs = new HashSet<>();
        for (int i = 0; i < paths.length; i++) {
            Path relative = layout.file(i).path();
            Path p = resolveInside(this.root, relative);
            if (!filesSeen.add(p)) {
                throw new UnsafePathException("two files of the torrent map to " + relative);
            }
            for (Path d = p.getParent(); d != null && !d.equals(this.root); d = d.getParent()) {
                dirs.add(d);
            }
            paths[i] = p;
        }
        for (Path p : filesSeen) {
            if (dirs.contains(p)) {
                throw new UnsafePathException("file " + this.root.relativize(p) + " is also a directory of another");
            }
        }
        this.group = pool.newGroup(this.root.relativize(paths[0]).toString());
    }

    /** {@code root.resolve(relative)}, normalised, required to lie strictly inside {@code root}. */
    static Path resolveInside(Path root, Path relative) throws UnsafePathException {
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw new UnsafePathException("absolute file path " + relative + " in torrent");
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new UnsafePathException("file path " + relative + " leaves the download folder");
        }
        return p;
    }

    public Path root() {
        return root;
    }

    /** Absolute path of file {@code index}. */
    public Path path(int index) {
        return paths[index];
    }

    @Override
    public StorageLayout layout() {
        return layout;
    }

    @Override
    public void read(int piece, int begin, ByteBuffer dst) throws IOException {
        transfer(piece, begin, dst, false);
    }

    @Override
    public void write(int piece, int begin, ByteBuffer src) throws IOException {
        transfer(piece, begin, src, true);
    }

    private void transfer(int piece, int begin, ByteBuffer buf, boolean write) throws IOException {
        int length = buf.remaining();
        layout.checkRange(piece, begin, length);
        if (length == 0) {
            return;
        }
        long offset = layout.pieceOffset(piece) + begin;
        int file = layout.fileAt(offset);
        int limit = buf.limit();
        try {
            while (buf.position() < limit) {
                long fileLength = layout.file(file).length();
                long inFile = offset - layout.fileOffset(file);
                if (fileLength > inFile) {
                    int n = (int) Math.min(limit - buf.position(), fileLength - inFile);
                    buf.limit(buf.position() + n);
                    if (write) {
                        writeFully(file, inFile, buf);
                    } else {
                        readFully(file, inFile, buf);
                    }
                    buf.limit(limit);
                    offset += n;
                }
                file++;
            }
        } finally {
            buf.limit(limit);
        }
    }

    private void readFully(int file, long position, ByteBuffer dst) throws IOException {
        long pos = position;
        for (int attempt = 0; ; attempt++) {
            try (FilePool.Lease lease = lease(file, false)) {
                FileChannel ch = lease.channel();
                while (dst.hasRemaining()) {
                    int r = ch.read(dst, pos);
                    if (r < 0) {
                        throw new EOFException("file " + relative(file) + " ends before byte " + (pos + 1)
                                + " (expected " + layout.file(file).length() + " bytes)");
                    }
                    pos += r;
                }
                return;
            } catch (ClosedChannelException e) {
                retryOrThrow(attempt, e);
            }
        }
    }

    private void writeFully(int file, long position, ByteBuffer src) throws IOException {
        long pos = position;
        int limit = src.limit();
        for (int attempt = 0; ; attempt++) {
            try (FilePool.Lease lease = lease(file, true)) {
                FileChannel ch = lease.channel();
                while (src.position() < limit) {
                    src.limit(Math.min(limit, src.position() + WRITE_CHUNK));
                    while (src.hasRemaining()) {
                        pos += ch.write(src, pos);
                    }
                }
                return;
            } catch (ClosedChannelException e) {
                retryOrThrow(attempt, e);
            } finally {
                src.limit(limit);
            }
        }
    }

    /**
     * A channel shared through the pool was closed under us because another thread using it was interrupted
     * (FileChannel is an interruptible channel). The pool drops such channels, so one retry reopens the file.
     */
    private void retryOrThrow(int attempt, ClosedChannelException e) throws IOException {
        if (attempt > 0 || closed || e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            throw e;
        }
        log.debug("retrying I/O on a channel closed by another thread's interrupt");
    }

    private FilePool.Lease lease(int file, boolean write) throws IOException {
        if (closed) {
            throw new IOException("storage " + root.relativize(paths[0]) + " is closed");
        }
        return group.acquire(paths[file], write, opener);
    }

    /**
     * Pins the file ranges of a block for zero-copy sending. The caller must close the result.
     *
     * @throws EOFException if a file is shorter than the block needs
     */
    public PinnedBlock pin(int piece, int begin, int length) throws IOException {
        List<FileSlice> slices = layout.slices(piece, begin, length);
        List<ChannelRange> ranges = new ArrayList<>(slices.size());
        List<FilePool.Lease> leases = new ArrayList<>(slices.size());
        boolean ok = false;
        try {
            for (FileSlice s : slices) {
                FilePool.Lease lease = lease(s.fileIndex(), false);
                leases.add(lease);
                FileChannel ch = lease.channel();
                if (ch.size() < s.fileOffset() + s.length()) {
                    throw new EOFException("file " + relative(s.fileIndex()) + " is shorter than "
                            + (s.fileOffset() + s.length()) + " bytes");
                }
                ranges.add(new ChannelRange(ch, s.fileOffset(), s.length()));
            }
            ok = true;
            return new PinnedBlock(ranges, leases);
        } finally {
            if (!ok) {
                leases.forEach(FilePool.Lease::close);
            }
        }
    }

    @Override
    public List<FileState> fileStates() throws IOException {
        List<FileState> states = new ArrayList<>(paths.length);
        for (int i = 0; i < paths.length; i++) {
            states.add(fileState(i));
        }
        return states;
    }

    private FileState fileState(int i) throws IOException {
        try {
            checkNoEscape(paths[i]);
            BasicFileAttributes a = Files.readAttributes(paths[i], BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return FileState.MISSING;
            }
            return new FileState(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            return FileState.MISSING;
        }
    }

    /** Creates the zero-length files of the layout (and their directories); other files are created by writes. */
    public void createEmptyFiles() throws IOException {
        for (int i = 0; i < paths.length; i++) {
            if (layout.file(i).length() == 0) {
                open(paths[i], true).close();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        group.force();
    }

    @Override
    public void deleteData() throws IOException {
        close();
        IOException failure = null;
        int failures = 0;
        Set<Path> parents = new TreeSet<>(Comparator.comparingInt(Path::getNameCount).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < paths.length; i++) {
            Path p = paths[i];
            try {
                // the parent chain must stay inside the root; a link as the last component is removed itself
                checkNoEscape(p.getParent());
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failures++;
                if (failure == null) {
                    failure = e;
                }
            }
            for (Path d = p.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
                parents.add(d);
            }
        }
        for (Path d : parents) { // deepest first
            try {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    checkNoEscape(d.getParent());
                    Files.delete(d);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                // still holds something that is not ours, or already gone
            } catch (IOException e) {
                failures++;
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new IOException(failures + " deletions failed under " + root + ", first: " + failure.getMessage(),
                    failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        group.close();
    }

    /** The pool's opener: path check, lazy directory creation, open. Runs only when the pool has no channel. */
    private FileChannel open(Path p, boolean write) throws IOException {
        if (write) {
            Files.createDirectories(root);
        }
        checkNoEscape(p);
        if (write) {
            Files.createDirectories(p.getParent());
            return FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        }
        return FileChannel.open(p, StandardOpenOption.READ);
    }

    /**
     * Walks the existing components of {@code p} below the root and refuses if one is a symbolic link that
     * resolves outside the root or does not resolve at all.
     */
    void checkNoEscape(Path p) throws IOException {
        if (p == null || !p.startsWith(root)) {
            throw new UnsafePathException("path outside the download folder");
        }
        if (p.equals(root)) {
            return;
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            return; // nothing below a missing root can be a link
        }
        Path current = root;
        for (Path name : root.relativize(p)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                Path target;
                try {
                    target = current.toRealPath();
                } catch (NoSuchFileException e) {
                    throw new UnsafePathException("dangling symbolic link " + root.relativize(current)
                            + " in the download folder");
                }
                if (!target.startsWith(realRoot)) {
                    throw new UnsafePathException("symbolic link " + root.relativize(current)
                            + " leads outside the download folder");
                }
            } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return; // the rest does not exist yet
            }
        }
    }

    private Path relative(int file) {
        return layout.file(file).path();
    }

    @Override
    public String toString() {
        return "FileStorage[" + root + ", " + layout + "]";
    }
}
