package org.swarmbid.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks pieces against their SHA-1 hashes (BEP 3) on a pool of its own, so hashing never runs on a network
 * event loop.
 *
 * <p>SHA-1 always comes from the JDK's {@code SUN} provider, named explicitly: the wallet installs Bouncy Castle as
 * the first JCA provider, and an unqualified {@code getInstance("SHA-1")} would then return BC's implementation,
 * about six times slower here.
 *
 * <p>Each worker thread owns one reusable {@link MessageDigest} and one direct buffer of {@link #CHUNK} bytes; a
 * piece is read from storage chunk by chunk into that buffer, so hashing a 16 MiB piece needs no 16 MiB array.
 *
 * <p>Threading: thread-safe. Futures complete on a hasher thread; keep continuations short or move them to
 * another executor. I/O failures (missing or short files) complete the future exceptionally; only a readable
 * piece with the wrong bytes completes it with {@code false}.
 */
public final class PieceHasher implements AutoCloseable {
    /** Bytes read from storage per step. */
    public static final int CHUNK = 256 * 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;
    private final int threads;

    /** A hasher with one thread per available processor. */
    public PieceHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public PieceHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Worker(r, "piece-hasher-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** A fresh SHA-1 digest from the {@code SUN} provider, whatever the provider order. */
    public static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1", "SUN");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("the JDK's SUN provider with SHA-1 is required", e);
        }
    }

    public int threads() {
        return threads;
    }

    /** Reads {@code piece} from {@code storage} and compares its SHA-1 with the expected hash. */
    public CompletableFuture<Boolean> verify(TorrentStorage storage, int piece) {
        StorageLayout layout = storage.layout();
        return submit(() -> {
            Worker w = Worker.current();
            MessageDigest md = w.digest;
            md.reset();
            ByteBuffer buf = w.buffer;
            int size = layout.pieceSize(piece);
            for (int done = 0; done < size; ) {
                int n = Math.min(CHUNK, size - done);
                buf.clear().limit(n);
                storage.read(piece, done, buf);
                buf.flip();
                md.update(buf);
                done += n;
            }
            return w.matches(layout, piece);
        });
    }

    /**
     * Hashes a piece the engine already holds in memory, as one buffer or as its blocks in order. The buffers are
     * read through duplicates (their positions do not move) and must not change until the future completes.
     *
     * @throws IllegalArgumentException (in the future) if the buffers do not hold exactly the piece's size
     */
    public CompletableFuture<Boolean> verify(StorageLayout layout, int piece, List<ByteBuffer> blocks) {
        List<ByteBuffer> views = blocks.stream().map(ByteBuffer::duplicate).toList();
        return submit(() -> {
            long total = 0;
            for (ByteBuffer b : views) {
                total += b.remaining();
            }
            if (total != layout.pieceSize(piece)) {
                throw new IllegalArgumentException(total + " bytes given for piece " + piece + " of "
                        + layout.pieceSize(piece));
            }
            Worker w = Worker.current();
            w.digest.reset();
            for (ByteBuffer b : views) {
                w.digest.update(b);
            }
            return w.matches(layout, piece);
        });
    }

    /** {@link #verify(StorageLayout, int, List)} for a piece in one buffer. */
    public CompletableFuture<Boolean> verify(StorageLayout layout, int piece, ByteBuffer bytes) {
        return verify(layout, piece, List.of(bytes));
    }

    /** Runs a small task on the hasher's threads (used by {@link Recheck} for its file-size pass). */
    void execute(Runnable task) {
        executor.execute(task);
    }

    private interface Job {
        boolean run() throws IOException;
    }

    private CompletableFuture<Boolean> submit(Job job) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (f.isDone()) {
                    return;
                }
                try {
                    f.complete(job.run());
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new IOException("piece hasher is shut down"));
        }
        return f;
    }

    /**
     * Stops accepting work and waits briefly for queued hashes. Threads are daemons, so an unclosed hasher does not
     * keep the JVM alive.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A hasher thread with its own digest, read buffer and output array. */
    private static final class Worker extends Thread {
        final MessageDigest digest = sha1();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        final byte[] out = new byte[StorageLayout.HASH_LENGTH];

        Worker(Runnable r, String name) {
            super(r, name);
        }

        static Worker current() {
            return (Worker) Thread.currentThread();
        }

        boolean matches(StorageLayout layout, int piece) {
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            return layout.hashMatches(piece, out, 0);
        }
    }
}
