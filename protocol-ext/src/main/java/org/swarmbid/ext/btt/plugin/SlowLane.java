package org.swarmbid.ext.btt.plugin;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's one worker thread for everything slow: ledger writes (SQLite with {@code synchronous=FULL}),
 * signing, signature recovery and the handling of chain results. One thread, so that cheque issuance and acceptance
 * are serialised without locks. A task that throws is logged and does not stop the lane; after {@link #close} new
 * tasks are dropped and the queued ones run to the end.
 */
final class SlowLane implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowLane.class);
    private final ScheduledThreadPoolExecutor exec;

    SlowLane(String name) {
        exec = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        exec.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            exec.execute(guard(task));
        } catch (RejectedExecutionException closed) {
            LOG.debug("worker closed; task dropped");
        }
    }

    /** Runs {@code task} after {@code millis}. */
    void schedule(Runnable task, long millis) {
        try {
            exec.schedule(guard(task), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("worker closed; scheduled task dropped");
        }
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("worker task failed: {}", e.toString(), e);
            }
        };
    }

    /** Stops taking tasks and waits (up to 10 s) for the queued ones. */
    @Override
    public void close() {
        exec.shutdown();
        try {
            if (!exec.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("worker did not drain in 10 s");
                exec.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exec.shutdownNow();
        }
    }
}
