package org.swarmbid.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's background executor: slow work (disk, wallet, ledger, hashing) runs here and its result is handed back
 * to the FX thread. Daemon threads, so a forgotten task never keeps the JVM alive.
 */
public final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final ExecutorService pool;

    public Background(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "swarmbid-ui-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} in the background, then {@code onDone} or {@code onError} on the FX thread.
     *
     * @return the future of the background part (for tests and cancellation)
     */
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                T v = work.call();
                f.complete(v);
                Platform.runLater(() -> onDone.accept(v));
            } catch (Throwable e) {
                LOG.debug("background task failed", e);
                f.completeExceptionally(e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
        return f;
    }

    /** Runs {@code work} in the background with no result for the FX thread. */
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
