package org.swarmbid.core.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * Verifies pieces on disk against their hashes and reports which are present: the full check of a torrent added
 * over existing data, and the partial check fast resume asks for.
 *
 * <p>A piece is absent, never an error, when a file it touches is missing or too short, or its bytes do not hash
 * right. A first pass compares file sizes (one {@code stat} per file) and marks pieces in missing or short files
 * absent without reading them; the rest are hashed on the {@link PieceHasher} with at most two pieces per hasher
 * thread in flight, so a cancel takes effect within a few pieces and memory stays flat for any torrent size.
 *
 * <p>Threading: start and cancel from any thread. The listener is called on hasher threads, possibly
 * concurrently and with {@code done} values out of order; it must be quick and thread-safe. The result completes
 * on a hasher thread, or is cancelled ({@link CancellationException}) by {@link #cancel()} or by cancelling the
 * future itself.
 */
public final class Recheck {
    private static final Logger log = LoggerFactory.getLogger(Recheck.class);

    /** Progress of a recheck. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (done, total, piece, present) -> { };

        /**
         * @param done    pieces finished so far, including this one
         * @param total   pieces to check
         * @param piece   the piece just finished
         * @param present whether it is on disk and correct
         */
        void onPiece(int done, int total, int piece, boolean present);
    }

    private final TorrentStorage storage;
    private final PieceHasher hasher;
    private final Listener listener;
    private final int[] pieces;
    private final Bitfield present;
    private final CompletableFuture<Bitfield> result = new CompletableFuture<>();
    private final int window;
    // guarded by this
    private int next;
    private int limit; // pieces[0, limit) are hashed; set by the size pass
    private int inFlight;
    private int done;
    private boolean ioWarned;

    private Recheck(TorrentStorage storage, PieceHasher hasher, Bitfield toCheck, Bitfield alreadyPresent,
                    Listener listener) {
        this.storage = storage;
        this.hasher = hasher;
        this.listener = listener;
        int n = storage.layout().pieceCount();
        if (toCheck.size() != n || alreadyPresent.size() != n) {
            throw new IllegalArgumentException("bitfields of " + toCheck.size() + " and " + alreadyPresent.size()
                    + " for " + n + " pieces");
        }
        this.pieces = new int[toCheck.cardinality()];
        for (int i = 0, p = toCheck.nextSet(0); p >= 0; p = toCheck.nextSet(p + 1)) {
            pieces[i++] = p;
        }
        this.present = alreadyPresent.copy();
        for (int p : pieces) {
            present.clear(p);
        }
        this.window = Math.max(2, hasher.threads() * 2);
    }

    /** Checks every piece of the torrent. */
    public static Recheck all(TorrentStorage storage, PieceHasher hasher, Listener listener) {
        Bitfield all = Bitfield.full(storage.layout().pieceCount());
        return of(storage, hasher, all, new Bitfield(all.size()), listener);
    }

    /**
     * Checks the pieces set in {@code toCheck}; the result is those that pass plus {@code alreadyPresent} (pieces
     * the caller trusts without reading, as fast resume does). Neither argument is modified.
     */
    public static Recheck of(TorrentStorage storage, PieceHasher hasher, Bitfield toCheck, Bitfield alreadyPresent,
                             Listener listener) {
        Recheck r = new Recheck(storage, hasher, toCheck, alreadyPresent, listener);
        r.start();
        return r;
    }

    /** The present pieces when done; completes exceptionally with a {@link CancellationException} if cancelled. */
    public CompletableFuture<Bitfield> result() {
        return result;
    }

    /** Stops dispatching; pieces already being hashed finish unseen. Idempotent. */
    public void cancel() {
        result.cancel(false);
    }

    public boolean isCancelled() {
        return result.isCancelled();
    }

    public int total() {
        return pieces.length;
    }

    private void start() {
        if (pieces.length == 0) {
            result.complete(present.copy());
            return;
        }
        try {
            hasher.execute(this::sizePass);
        } catch (RuntimeException e) {
            result.completeExceptionally(new IOException("piece hasher is shut down"));
        }
    }

    /** Marks pieces in missing or short files absent without reading them, then starts hashing the rest. */
    private void sizePass() {
        List<FileState> states;
        try {
            states = storage.fileStates();
        } catch (IOException e) {
            log.warn("recheck: cannot stat files ({}); hashing every piece", e.toString());
            states = null;
        }
        StorageLayout layout = storage.layout();
        int kept = 0;
        for (int p : pieces) {
            if (states == null || coveredOnDisk(layout, p, states)) {
                pieces[kept++] = p;
            } else {
                finished(p, false);
            }
        }
        synchronized (this) {
            limit = kept;
        }
        pump();
        maybeComplete();
    }

    private static boolean coveredOnDisk(StorageLayout layout, int piece, List<FileState> states) {
        for (FileSlice s : layout.slices(piece)) {
            if (states.get(s.fileIndex()).size() < s.fileOffset() + s.length()) {
                return false;
            }
        }
        return true;
    }

    private void pump() {
        while (true) {
            int piece;
            synchronized (this) {
                if (result.isDone() || inFlight >= window || next >= limit) {
                    return;
                }
                piece = pieces[next++];
                inFlight++;
            }
            hasher.verify(storage, piece).whenComplete((ok, err) -> {
                synchronized (this) {
                    inFlight--;
                }
                finished(piece, err == null ? ok : absentOrFail(piece, err));
                pump();
                maybeComplete();
            });
        }
    }

    /** I/O failures make the piece absent; anything else is a bug and fails the recheck. */
    private boolean absentOrFail(int piece, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof IOException) {
            if (!(cause instanceof NoSuchFileException || cause instanceof EOFException)) {
                boolean warn;
                synchronized (this) {
                    warn = !ioWarned;
                    ioWarned = true;
                }
                if (warn) {
                    log.warn("recheck: piece {} unreadable, treating it as absent: {}", piece, cause.toString());
                }
            }
            return false;
        }
        result.completeExceptionally(cause);
        return false;
    }

    private void finished(int piece, boolean ok) {
        int d;
        synchronized (this) {
            if (ok) {
                present.set(piece);
            }
            d = ++done;
        }
        if (!result.isDone()) {
            try {
                listener.onPiece(d, pieces.length, piece, ok);
            } catch (RuntimeException e) {
                log.warn("recheck listener failed: {}", e.toString());
            }
        }
    }

    private void maybeComplete() {
        Bitfield copy = null;
        synchronized (this) {
            if (done == pieces.length && inFlight == 0) {
                copy = present.copy();
            }
        }
        if (copy != null) {
            result.complete(copy);
        }
    }
}
