package org.swarmbid.core.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.storage.FastResume;
import org.swarmbid.core.storage.FileStorage;
import org.swarmbid.core.storage.PieceHasher;
import org.swarmbid.core.storage.Recheck;
import org.swarmbid.core.storage.ResumeData;
import org.swarmbid.core.storage.ResumePlan;
import org.swarmbid.core.storage.StorageLayout;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast resume for the session: one {@code <info-hash>.resume} file per torrent in the state folder. Loading trusts
 * the saved pieces of files whose size and modification time are unchanged and rechecks the rest; saving is atomic
 * and happens on its own writer thread, so a crash at any moment leaves the old or the new file, never half of one.
 */
final class ResumeStore {
    private static final Logger log = LoggerFactory.getLogger(ResumeStore.class);

    private final Path dir;
    private final PieceHasher hasher;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(new DefaultThreadFactory(
            "swarmbid-resume", true));

    ResumeStore(Path dir) {
        this.dir = dir;
        this.hasher = new PieceHasher();
    }

    Path file(String key) {
        return dir.resolve(key + ".resume");
    }

    /**
     * A running check of a torrent's data: its result, and a cancel that stops the hashing within a few pieces
     * (the result then completes with a {@link java.util.concurrent.CancellationException}). Thread-safe.
     */
    static final class Check {
        private final CompletableFuture<Bitfield> result = new CompletableFuture<>();
        private volatile Recheck recheck;
        private volatile boolean cancelled;

        CompletableFuture<Bitfield> result() {
            return result;
        }

        void cancel() {
            cancelled = true;
            Recheck r = recheck;
            if (r != null) {
                r.cancel();
            }
            result.cancel(false);
        }

        boolean isCancelled() {
            return cancelled;
        }
    }

    /**
     * Pieces present on disk: saved resume data where still valid, a recheck for everything else.
     *
     * @param progress hears each piece the recheck hashes (hasher threads, see {@link Recheck.Listener})
     */
    Check load(TorrentRuntime t, StorageLayout layout, FileStorage storage, Recheck.Listener progress) {
        Check check = new Check();
        CompletableFuture.supplyAsync(() -> {
            Optional<ResumeData> saved = FastResume.load(file(t.resumeKey()), t.infoHashBytes(), layout);
            try {
                ResumePlan plan = saved.isPresent() ? ResumePlan.of(layout, saved.get(), storage.fileStates())
                        : ResumePlan.fullRecheck(layout);
                int trusted = plan.trusted().cardinality();
                int recheck = plan.recheck().cardinality();
                if (saved.isPresent()) {
                    log.info("{}: resume data trusts {} pieces, rechecks {}", t.name(), trusted, recheck);
                }
                return plan;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, writer).thenCompose(plan -> {
            if (check.cancelled) {
                return CompletableFuture.<Bitfield>failedFuture(new java.util.concurrent.CancellationException());
            }
            Recheck r = Recheck.of(storage, hasher, plan.recheck(), plan.trusted(), progress);
            check.recheck = r;
            if (check.cancelled) {
                r.cancel();
            }
            return r.result();
        }).whenComplete((bits, err) -> {
            if (err != null) {
                check.result.completeExceptionally(err);
            } else {
                check.result.complete(bits);
            }
        });
        return check;
    }

    /** Saves asynchronously; failures are logged (the next save or a recheck heals them). */
    void save(String hex, byte[] infoHash, Bitfield verified, FileStorage storage) {
        writer.execute(() -> {
            try {
                FastResume.save(file(hex), FastResume.capture(storage, infoHash, verified));
            } catch (IOException | RuntimeException e) {
                log.warn("cannot save resume data for {}: {}", hex, e.getMessage());
            }
        });
    }

    void delete(String hex) {
        writer.execute(() -> {
            try {
                Files.deleteIfExists(file(hex));
            } catch (IOException e) {
                log.warn("cannot delete resume data for {}: {}", hex, e.getMessage());
            }
        });
    }

    /** Waits (bounded) until every save queued so far is on disk. */
    void sync() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            log.warn("resume data writes did not finish: {}", e.toString());
        }
    }

    /** Finishes pending saves and stops the writer; used when the session closes. */
    void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("resume data writes did not finish in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hasher.close();
    }
}
