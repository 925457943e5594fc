package org.swarmbid.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.session.Engine;
import org.swarmbid.app.btt.Payments;
import org.swarmbid.core.spi.EnginePlugin;

/**
 * Runs one torrent in a session from the command line: progress line, completion, Ctrl-C. A shutdown hook closes
 * the session cleanly (trackers hear {@code stopped}, resume data is saved), so a later run resumes.
 */
final class TransferRun {
    private final SessionOptions options;
    private final Metainfo metainfo;
    private final Path dir;
    private final PrintStream out;
    private final List<EnginePlugin> plugins;
    private final Payments payments;
    /** How long a finished paid download waits for its last cheques to be acknowledged before it exits. */
    private static final java.time.Duration SETTLE_UP_WAIT = java.time.Duration.ofSeconds(10);

    private final java.util.Map<String, String> trackerMessages = new java.util.HashMap<>();

    TransferRun(SessionOptions options, Metainfo metainfo, Path dir, PrintStream out, List<EnginePlugin> plugins) {
        this(options, metainfo, dir, out, plugins, null);
    }

    /** A run with the bid extension: {@code payments} supplies the plugin, the live status and the summary. */
    TransferRun(SessionOptions options, Metainfo metainfo, Path dir, PrintStream out, Payments payments) {
        this(options, metainfo, dir, out, List.of(payments.plugin()), payments);
    }

    private TransferRun(SessionOptions options, Metainfo metainfo, Path dir, PrintStream out,
            List<EnginePlugin> plugins, Payments payments) {
        this.options = options;
        this.metainfo = metainfo;
        this.dir = dir;
        this.out = out;
        this.plugins = plugins;
        this.payments = payments;
    }

    /**
     * Downloads (and with {@code untilStopped} keeps seeding until Ctrl-C).
     *
     * @param requireComplete fail with {@link ExitCode#BAD_INPUT} if the data is not complete after checking (seed)
     */
    int run(boolean untilStopped, boolean requireComplete, long timeoutSeconds) throws IOException {
        Files.createDirectories(dir);
        Engine engine;
        try {
            engine = Engine.start(options.config(), plugins);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage());
        }
        CountDownLatch finished = new CountDownLatch(1);
        String[] error = new String[1];
        Progress progress = new Progress(out, System.console() != null);
        Object lock = new Object();
        boolean[] stopped = new boolean[1];
        Thread hook = new Thread(() -> {
            synchronized (lock) {
                stopped[0] = true;
            }
            progress.finish();
            engine.close();
            if (payments != null && !options.quiet) {
                // a seeder only ever stops this way: this is where it says what it earned
                try {
                    out.println("payments: " + payments.summary());
                } catch (RuntimeException e) {
                    out.println("payments: totals unavailable (" + e.getMessage() + ")");
                }
            }
            out.println("stopped; run the same command again to resume");
            out.flush();
        }, "swarmbid-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        TorrentHandle h = engine.add(metainfo, AddOptions.in(dir));
        engine.addListener(events -> {
            for (SessionEvent e : events) {
                if (e instanceof SessionEvent.TorrentFinished) {
                    writeDoneFile();
                    finished.countDown();
                } else if (e instanceof SessionEvent.TorrentError te) {
                    error[0] = te.message();
                    finished.countDown();
                } else if (e instanceof SessionEvent.StateChanged sc && sc.to() == TorrentState.SEEDING
                        && sc.from() == TorrentState.CHECKING) {
                    writeDoneFile();
                    finished.countDown();
                }
            }
        });
        if (options.recheck) {
            h.recheck();
        }
        for (var p : options.peerAddresses()) {
            h.connect(p);
        }
        Signals.onHangup(h::reannounce);
        long deadline = timeoutSeconds > 0 ? System.currentTimeMillis() + timeoutSeconds * 1000 : Long.MAX_VALUE;
        int code = ExitCode.OK;
        try {
            while (true) {
                boolean done;
                try {
                    if (finished.getCount() == 0) {
                        Thread.sleep(1000); // seeding after completion: just refresh the progress line
                        done = true;
                    } else {
                        done = finished.await(1, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    code = ExitCode.INTERRUPTED;
                    break;
                }
                TorrentStatus s = h.status();
                reportTrackers(s, progress);
                if (!options.quiet) {
                    progress.show(s, payments == null ? "" : payments.status());
                }
                if (done) {
                    if (error[0] != null) {
                        progress.finish();
                        System.err.println("swarmbid: " + metainfo.info().name() + ": " + error[0]);
                        code = ExitCode.FAILURE;
                        break;
                    }
                    if (requireComplete && !s.isComplete()) {
                        progress.finish();
                        System.err.println("swarmbid: the data in " + dir + " is incomplete: " + s.piecesDone()
                                + " of " + s.pieceCount() + " pieces verified");
                        code = ExitCode.BAD_INPUT;
                        break;
                    }
                    if (!untilStopped) {
                        break;
                    }
                }
                if (requireComplete && s.state() != TorrentState.CHECKING && !s.isComplete()) {
                    progress.finish();
                    System.err.println("swarmbid: the data in " + dir + " is incomplete: " + s.piecesDone()
                            + " of " + s.pieceCount() + " pieces verified");
                    code = ExitCode.BAD_INPUT;
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    progress.finish();
                    System.err.println("swarmbid: timed out after " + timeoutSeconds + " s");
                    code = ExitCode.TIMEOUT;
                    break;
                }
            }
        } finally {
            synchronized (lock) {
                if (!stopped[0]) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException ignored) {
                        // already shutting down: the hook closes the engine
                    }
                }
            }
        }
        progress.finish();
        if (code == ExitCode.OK && !options.quiet) {
            TorrentStatus s = h.status();
            out.printf("%s: %s, downloaded %s, uploaded %s%n", s.name(),
                    s.isComplete() ? "complete" : "incomplete", Progress.bytes(s.downloaded()),
                    Progress.bytes(s.uploaded()));
        }
        if (payments != null) {
            payments.awaitSettledUp(SETTLE_UP_WAIT); // the last piece's cheque goes out before the connections close
        }
        engine.close();
        if (payments != null && !options.quiet) {
            out.println("payments: " + payments.summary());
        }
        return code;
    }

    /** Prints each tracker's failure or warning text once per change, so the user sees why no peers come. */
    private void reportTrackers(TorrentStatus s, Progress progress) {
        for (var t : s.trackers()) {
            String msg = t.message();
            String last = trackerMessages.put(t.url(), msg);
            if (!msg.isEmpty() && !msg.equals(last)) {
                progress.finish();
                System.err.println("swarmbid: tracker " + t.url() + ": " + msg);
            }
        }
    }

    private void writeDoneFile() {
        Path f = options.doneFile;
        if (f == null) {
            return;
        }
        try {
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, String.format(java.util.Locale.ROOT, "%.6f%n",
                    System.currentTimeMillis() / 1000.0));
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("swarmbid: cannot write " + f + ": " + e.getMessage());
        }
    }
}
