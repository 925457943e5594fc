package org.swarmbid.ui.wallet;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The wallet screens' worker threads: slow work (scrypt, node calls, SQLite) runs here, its result or failure is
 * handed back on the JavaFX thread. A {@link Job} can be cancelled; a result that arrives after the cancel goes to
 * the job's {@code discard} callback (on the worker thread) so that, e.g., a late unlocked key is wiped at once.
 *
 * <p>Threading: {@link #submit} from any thread; callbacks {@code onSuccess}/{@code onFailure} run on the FX thread.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService executor;

    /** Three daemon threads named {@code prefix-N}. */
    public Background(String prefix) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} off the FX thread. */
    public <T> Job<T> submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        return submit(work, onSuccess, onFailure, r -> { });
    }

    /** As {@link #submit(Callable, Consumer, Consumer)}; a result produced after {@link Job#cancel()} goes to {@code discard}. */
    public <T> Job<T> submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure,
            Consumer<T> discard) {
        Job<T> job = new Job<>();
        job.future = executor.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (!job.cancelled.get()) {
                    Platform.runLater(() -> {
                        if (!job.cancelled.get()) {
                            onFailure.accept(e);
                        }
                    });
                }
                return;
            }
            if (job.cancelled.get()) {
                discard.accept(result);
                return;
            }
            Platform.runLater(() -> {
                if (job.cancelled.get()) {
                    discard.accept(result);
                } else {
                    onSuccess.accept(result);
                }
            });
        });
        return job;
    }

    /** Stops the workers (interrupting running work). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A submitted piece of work. */
    public static final class Job<T> {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Future<?> future;

        /** No callback runs after this; running work is interrupted where it allows. */
        public void cancel() {
            cancelled.set(true);
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        /** True once cancelled. */
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
