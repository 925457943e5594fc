package org.swarmbid.core.metainfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeWriter;

/**
 * Makes a v1 torrent (BEP 3) from a file or a directory. Configure with the fluent setters, then call
 * {@link #create()}; the result is parsed back with {@link MetainfoParser} before it is returned, so whatever this
 * class writes, the parser accepts, with the same values.
 *
 * <p>Which files go in, from a directory:
 * <ul>
 *   <li>regular files only, sorted by their path elements compared as unsigned UTF-8 bytes, element by element
 *       (a directory's files stay together);</li>
 *   <li>symbolic links below the root are skipped, never followed, so nothing outside the tree is read (the
 *       root itself may be a link: it is the user's explicit choice); FIFOs and devices are skipped too;</li>
 *   <li>empty files are included (length 0, they cost nothing); empty directories cannot be represented;</li>
 *   <li>hidden entries (names starting with {@code .}) are included unless {@link #skipHidden(boolean)};</li>
 *   <li>a name that {@link PathSanitizer} would reject or rename (e.g. {@code CON}, {@code a:b}, a trailing
 *       dot) fails the creation with {@link IllegalArgumentException}: the torrent would not download to the
 *       same names;</li>
 *   <li>an unreadable file or directory fails the creation ({@link IOException}); nothing is silently left
 *       out.</li>
 * </ul>
 * A single file makes a single-file torrent; a directory always makes a multi-file torrent.
 *
 * <p>Threading: a creator is configured and used by one thread. {@link #create()} hashes pieces on its own pool
 * of worker threads and blocks until done; the {@link Progress} callback and the cancel check run on the thread
 * that called {@code create()}.
 */
public final class TorrentCreator {
    /** The {@code created by} value. */
    public static final String CREATED_BY = "Swarmbid/0.1.0";
    /** Smallest automatic piece length: 16 KiB, one BitTorrent block. */
    public static final int MIN_AUTO_PIECE_LENGTH = 16 << 10;
    /** Largest automatic piece length: 16 MiB. */
    public static final int MAX_AUTO_PIECE_LENGTH = 16 << 20;
    private static final int TARGET_MAX_PIECES = 2000;
    private static final int BYTES_PER_TASK = 4 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(TorrentCreator.class);

    /** Hashing progress, reported on the thread that called {@link #create()}. */
    @FunctionalInterface
    public interface Progress {
        void hashed(long bytesDone, long bytesTotal);
    }

    private final Path source;
    private String name;
    private final List<List<String>> tiers = new ArrayList<>();
    private final List<String> webSeeds = new ArrayList<>();
    private String comment;
    private boolean privateFlag;
    private int pieceLength;
    private Optional<Instant> creationDate = Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private boolean skipHidden;
    private boolean single;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = (done, total) -> { };
    private BooleanSupplier cancelled = () -> false;

    private TorrentCreator(Path source) {
        this.source = source;
    }

    /** A creator for the file or directory at {@code source}. */
    public static TorrentCreator from(Path source) {
        return new TorrentCreator(source);
    }

    /** The torrent's name; default: the source's file name. Must pass {@link PathSanitizer} unchanged. */
    public TorrentCreator name(String name) {
        this.name = checkedName(name);
        return this;
    }

    /** Adds one tracker URL as a new tier (BEP 12). */
    public TorrentCreator announce(String url) {
        return announceTier(List.of(url));
    }

    /** Adds a tier of tracker URLs (BEP 12), tried in the order given. */
    public TorrentCreator announceTier(List<String> urls) {
        if (urls.isEmpty() || urls.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a tracker tier needs at least one non-empty URL");
        }
        tiers.add(List.copyOf(urls));
        return this;
    }

    /** Adds BEP 19 web seed URLs. */
    public TorrentCreator webSeeds(List<String> urls) {
        if (urls.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a web seed URL must not be empty");
        }
        webSeeds.addAll(urls);
        return this;
    }

    public TorrentCreator comment(String comment) {
        this.comment = comment;
        return this;
    }

    /** BEP 27 private flag (written as {@code private=1} inside the info dictionary only when set). */
    public TorrentCreator privateFlag(boolean privateFlag) {
        this.privateFlag = privateFlag;
        return this;
    }

    /** An explicit piece length: a power of two from 16 KiB to {@link MetainfoParser#MAX_PIECE_LENGTH}. */
    public TorrentCreator pieceLength(int bytes) {
        if (Integer.bitCount(bytes) != 1 || bytes < MIN_AUTO_PIECE_LENGTH || bytes > MetainfoParser.MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length must be a power of two from 16 KiB to 256 MiB, not "
                    + bytes);
        }
        this.pieceLength = bytes;
        return this;
    }

    /** The creation date (whole seconds are written); {@code null} writes none. Default: now. */
    public TorrentCreator creationDate(Instant when) {
        this.creationDate = Optional.ofNullable(when).map(w -> w.truncatedTo(ChronoUnit.SECONDS));
        return this;
    }

    /** Leave out files and directories whose names start with a dot. Default: false. */
    public TorrentCreator skipHidden(boolean skip) {
        this.skipHidden = skip;
        return this;
    }

    /** Hashing threads; default: the number of processors. */
    public TorrentCreator threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = n;
        return this;
    }

    public TorrentCreator progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Polled on the calling thread while hashing; when it returns true, {@link #create()} stops. */
    public TorrentCreator cancelWhen(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        return this;
    }

    /**
     * The automatic piece length: the smallest power of two from 16 KiB to 16 MiB that gives at most 2000
     * pieces, so torrents have 1000 to 2000 pieces unless they are very small or very large.
     */
    public static int autoPieceLength(long totalLength) {
        int p = MIN_AUTO_PIECE_LENGTH;
        while (p < MAX_AUTO_PIECE_LENGTH && pieceCount(totalLength, p) > TARGET_MAX_PIECES) {
            p <<= 1;
        }
        return p;
    }

    private static long pieceCount(long total, int pieceLength) {
        return total / pieceLength + (total % pieceLength == 0 ? 0 : 1);
    }

    /**
     * Scans, hashes and encodes the torrent. {@link Metainfo#toTorrentBytes()} of the result is the torrent file.
     *
     * @throws IOException              if a file cannot be read or changes while it is hashed
     * @throws IllegalArgumentException if there is nothing to share or a name cannot go into a torrent
     * @throws CancellationException    if the cancel check returned true
     */
    public Metainfo create() throws IOException {
        List<SourceFile> files = scan();
        long total = 0;
        for (SourceFile f : files) {
            total = Math.addExact(total, f.length);
        }
        if (total == 0) {
            throw new IllegalArgumentException("nothing to share: " + PathSanitizer.quote(source.toString())
                    + " has no data");
        }
        int pl = pieceLength != 0 ? pieceLength : autoPieceLength(total);
        long count = pieceCount(total, pl);
        if (count * InfoHash.LENGTH > BencodeLimits.TORRENT_FILE.maxString()) {
            throw new IllegalArgumentException(count + " pieces of " + pl + " bytes are too many; use larger pieces");
        }
        long started = System.nanoTime();
        byte[] pieces = hash(files, total, pl, (int) count);
        LOG.debug("hashed {} bytes in {} pieces of {} with {} threads in {} ms", total, count, pl, threads,
                (System.nanoTime() - started) / 1_000_000);
        byte[] encoded = BencodeWriter.encode(torrent(files, pl, pieces));
        Metainfo m = MetainfoParser.parse(encoded);
        if (!Arrays.equals(m.toTorrentBytes(), encoded)) {
            throw new IllegalStateException("created torrent does not survive a parse round trip");
        }
        return m;
    }

    /** One file to put in the torrent. */
    private record SourceFile(Path file, List<String> path, long length, FileTime modified) {
    }

    private List<SourceFile> scan() throws IOException {
        Path root = source.toAbsolutePath().normalize();
        if (Files.isRegularFile(root)) {
            single = true;
            String n = name != null ? name : checkedName(root.getFileName().toString());
            Path real = root.toRealPath();
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            return List.of(new SourceFile(real, List.of(n), attrs.size(), attrs.lastModifiedTime()));
        }
        single = false;
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a file or directory: " + PathSanitizer.quote(source.toString()));
        }
        Path realRoot = root.toRealPath();
        String n = name != null ? name
                : checkedName(root.getFileName() == null ? "" : root.getFileName().toString());
        List<SourceFile> out = new ArrayList<>();
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(realRoot) && skipHidden && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String fileName = file.getFileName().toString();
                if (skipHidden && fileName.startsWith(".")) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    LOG.debug("skipping {}: not a regular file", file);
                    return FileVisitResult.CONTINUE;
                }
                Path rel = realRoot.relativize(file);
                List<String> path = new ArrayList<>(rel.getNameCount() + 1);
                path.add(n);
                for (Path p : rel) {
                    path.add(checkedElement(p.toString(), rel));
                }
                if (path.size() - 1 > PathSanitizer.MAX_DEPTH) {
                    throw new IllegalArgumentException("cannot share " + PathSanitizer.quote(rel.toString())
                            + ": deeper than " + PathSanitizer.MAX_DEPTH + " directories");
                }
                if (out.size() == MetainfoParser.MAX_FILES) {
                    throw new IllegalArgumentException("more than " + MetainfoParser.MAX_FILES + " files");
                }
                out.add(new SourceFile(file, List.copyOf(path), attrs.size(), attrs.lastModifiedTime()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        out.sort(Comparator.comparing(SourceFile::path, TorrentCreator::compareUtf8Paths));
        return out;
    }

    static int compareUtf8Paths(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Arrays.compareUnsigned(a.get(i).getBytes(StandardCharsets.UTF_8),
                    b.get(i).getBytes(StandardCharsets.UTF_8));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String checkedName(String n) {
        return checked(n, "torrent name", n);
    }

    private static String checkedElement(String element, Path rel) {
        return checked(element, "path element", rel.toString());
    }

    private static String checked(String element, String what, String context) {
        String safe;
        try {
            safe = PathSanitizer.element(element, what);
        } catch (MetainfoException e) {
            throw new IllegalArgumentException("cannot share " + PathSanitizer.quote(context) + ": "
                    + e.getMessage());
        }
        if (!safe.equals(element)) {
            throw new IllegalArgumentException("cannot share " + PathSanitizer.quote(context) + ": " + what + " "
                    + PathSanitizer.quote(element) + " would be renamed to " + PathSanitizer.quote(safe)
                    + " by downloaders; rename it first");
        }
        return element;
    }

    private BDict torrent(List<SourceFile> files, int pl, byte[] pieces) {
        BDict.Builder info = BDict.builder()
                .put("name", files.get(0).path.get(0))
                .put("piece length", pl)
                .put("pieces", pieces);
        if (single) {
            info.put("length", files.get(0).length);
        } else {
            List<BValue> entries = new ArrayList<>(files.size());
            for (SourceFile f : files) {
                List<BValue> elements = f.path.subList(1, f.path.size()).stream().<BValue>map(BString::of).toList();
                entries.add(BDict.builder().put("length", f.length).put("path", new BList(elements)).build());
            }
            info.put("files", new BList(entries));
        }
        if (privateFlag) {
            info.put("private", 1);
        }
        BDict.Builder top = BDict.builder().put("info", info.build()).put("created by", CREATED_BY);
        if (!tiers.isEmpty()) {
            top.put("announce", tiers.get(0).get(0));
            if (tiers.size() > 1 || tiers.get(0).size() > 1) {
                List<BValue> list = new ArrayList<>();
                for (List<String> tier : tiers) {
                    list.add(new BList(tier.stream().<BValue>map(BString::of).toList()));
                }
                top.put("announce-list", new BList(list));
            }
        }
        if (comment != null) {
            top.put("comment", comment);
        }
        creationDate.ifPresent(d -> top.put("creation date", d.getEpochSecond()));
        if (!webSeeds.isEmpty()) {
            top.put("url-list", new BList(webSeeds.stream().<BValue>map(BString::of).toList()));
        }
        return top.build();
    }

    /** Hashes all pieces on a worker pool; progress and cancellation are handled on this thread. */
    private byte[] hash(List<SourceFile> files, long total, int pl, int count) throws IOException {
        long[] offsets = new long[files.size()];
        long off = 0;
        for (int i = 0; i < files.size(); i++) {
            offsets[i] = off;
            off += files.get(i).length;
        }
        byte[] pieces = new byte[count * InfoHash.LENGTH];
        int perTask = Math.max(1, BYTES_PER_TASK / pl);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ExecutorCompletionService<Long> done = new ExecutorCompletionService<>(pool);
            int tasks = 0;
            for (int first = 0; first < count; first += perTask) {
                int from = first;
                int to = (int) Math.min((long) first + perTask, count);
                done.submit(() -> hashRange(files, offsets, total, pl, from, to, pieces, stop));
                tasks++;
            }
            long hashed = 0;
            for (int finished = 0; finished < tasks; ) {
                if (cancelled.getAsBoolean()) {
                    stop.set(true);
                    throw new CancellationException("torrent creation cancelled");
                }
                Future<Long> f = done.poll(50, TimeUnit.MILLISECONDS);
                if (f != null) {
                    hashed += f.get();
                    finished++;
                    progress.hashed(hashed, total);
                }
            }
            for (int i = 0; i < files.size(); i++) {
                SourceFile sf = files.get(i);
                BasicFileAttributes now = Files.readAttributes(sf.file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (now.size() != sf.length || !now.lastModifiedTime().equals(sf.modified)) {
                    throw new IOException("file changed while hashing: " + sf.file);
                }
            }
            return pieces;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new CancellationException("interrupted while hashing");
        } catch (ExecutionException e) {
            stop.set(true);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Hashes pieces {@code [from, to)} into {@code out}; returns the number of bytes read. Runs on a worker. */
    private static long hashRange(List<SourceFile> files, long[] offsets, long total, int pl, int from, int to,
            byte[] out, AtomicBoolean stop) throws IOException {
        MessageDigest md = InfoHash.sha1();
        ByteBuffer buf = ByteBuffer.allocate(Math.min(pl, 256 << 10));
        long start = (long) from * pl;
        long end = Math.min((long) to * pl, total);
        int fileIndex = Arrays.binarySearch(offsets, start);
        if (fileIndex < 0) {
            fileIndex = -fileIndex - 2;
        }
        long pos = start;
        int piece = from;
        long pieceEnd = Math.min(start + pl, total);
        FileChannel ch = null;
        int open = -1;
        try {
            while (pos < end) {
                while (offsets[fileIndex] + files.get(fileIndex).length <= pos) {
                    fileIndex++; // skips empty files and the ones already read
                }
                if (open != fileIndex) {
                    if (ch != null) {
                        ch.close();
                    }
                    ch = FileChannel.open(files.get(fileIndex).file, StandardOpenOption.READ,
                            LinkOption.NOFOLLOW_LINKS);
                    open = fileIndex;
                }
                if (stop.get()) {
                    throw new CancellationException();
                }
                SourceFile f = files.get(fileIndex);
                long want = Math.min(Math.min(f.length + offsets[fileIndex], pieceEnd) - pos, buf.capacity());
                buf.clear().limit((int) want);
                int n = ch.read(buf, pos - offsets[fileIndex]);
                if (n < 0) {
                    throw new IOException("file shrank while hashing: " + f.file);
                }
                md.update(buf.array(), 0, n);
                pos += n;
                if (pos == pieceEnd) {
                    md.digest(out, piece * InfoHash.LENGTH, InfoHash.LENGTH);
                    piece++;
                    pieceEnd = Math.min(pos + pl, total);
                }
            }
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
        return end - start;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "torrent-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
