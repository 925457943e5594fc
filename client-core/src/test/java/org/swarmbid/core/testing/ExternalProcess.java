package org.swarmbid.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running external program owned by a test: started with {@link ProcessBuilder}, its stdout and stderr
 * appended to a log file in the test's directory, and stopped by PID together with every descendant.
 *
 * <p>Stopping ({@link #stop}, {@link #close}): snapshot the descendants, SIGTERM the process, wait for the grace
 * period, SIGKILL it if it is still there; then the same for each descendant still alive (they may have been
 * re-parented to init by then, which is why they are collected first). Only the processes this object started are
 * ever signalled, never anything found by name. A JVM shutdown hook stops every process a test forgot to close, and
 * an {@link OrphanReaper} stops them if the JVM is killed without running its hooks.
 *
 * <p>Output: subclasses read the log incrementally with {@link #pollOutput()}, which hands each new complete line to
 * {@link #onOutputLine(String)}; the last {@value #RECENT_LINES} lines are kept for failure messages. Reading is
 * bounded (lines are cut at 64 KiB).
 *
 * <p>Everything is run with {@code LC_ALL=C} so number formats in program output do not depend on the machine.
 */
public class ExternalProcess implements AutoCloseable {
    /** How long {@link #close()} waits after SIGTERM before SIGKILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    static final int RECENT_LINES = 200;
    private static final int MAX_LINE = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalProcess.class);
    private static final Set<ExternalProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExternalProcess::stopAllAtExit, "interop-process-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path logFile;
    private final OutputStream stdin;
    private final Deque<String> recent = new ArrayDeque<>();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long logOffset;
    private boolean stopRequested;

    /**
     * Starts {@code command}.
     *
     * @param name      short label for messages and logs, e.g. {@code libtorrent-seed-23001}
     * @param workDir   working directory (created if missing)
     * @param logFile   file that receives stdout and stderr (appended; parent created if missing)
     * @param env       extra environment variables
     * @param stdinPipe keep a pipe to the program's stdin for {@link #sendLine}; otherwise stdin is /dev/null
     */
    protected ExternalProcess(String name, List<String> command, Path workDir, Path logFile,
                              Map<String, String> env, boolean stdinPipe) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile.toAbsolutePath();
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(this.logFile.getParent());
            Files.writeString(this.logFile, "# " + Instant.now() + " " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffset = Files.size(this.logFile);
            ProcessBuilder pb = new ProcessBuilder(this.command).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
                    .redirectInput(stdinPipe ? ProcessBuilder.Redirect.PIPE
                            : ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("LC_ALL", "C");
            pb.environment().putAll(env);
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        this.stdin = stdinPipe ? process.getOutputStream() : null;
        LIVE.add(this);
        OrphanReaper.forThisJvm().register(process.toHandle());
        LOG.info("{}: started pid {}, log {}", name, process.pid(), this.logFile);
    }

    /** Starts a plain program that needs no parsing of its output. */
    public static ExternalProcess start(String name, List<String> command, Path logFile) {
        return new ExternalProcess(name, command, logFile.getParent(), logFile, Map.of(), false);
    }

    public final String name() {
        return name;
    }

    public final long pid() {
        return process.pid();
    }

    public final List<String> command() {
        return command;
    }

    public final Path logFile() {
        return logFile;
    }

    public final boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the program has ended. */
    public final Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Names (with PIDs) of processes started here and not yet stopped, in this JVM. */
    public static List<String> liveProcesses() {
        List<String> out = new ArrayList<>();
        for (ExternalProcess p : LIVE) {
            if (isRunning(p.process.toHandle())) {
                out.add(p.name + " (pid " + p.pid() + ")");
            }
        }
        return out;
    }

    /** Sends a signal by name ({@code HUP}, {@code USR1}, ...) to this process only. */
    public final void signal(String signalName) {
        if (!signalName.matches("[A-Z0-9]{1,8}")) {
            throw new IllegalArgumentException("bad signal name " + signalName);
        }
        if (!process.isAlive()) {
            throw new AssertionError(name + " is not running (exit code " + process.exitValue() + "); cannot send SIG"
                    + signalName + ". Last output:\n" + logTail(30));
        }
        Command.run(Duration.ofSeconds(5), "/bin/kill", "-s", signalName, Long.toString(pid())).requireSuccess();
    }

    /** Writes one line to the program's stdin (only if it was started with a stdin pipe). */
    protected final synchronized void sendLine(String line) {
        if (stdin == null) {
            throw new IllegalStateException(name + " was started without a stdin pipe");
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("command must be a single line");
        }
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot send '" + line + "' (process ended?): " + e.getMessage()
                    + ". Last output:\n" + logTail(30), e);
        }
    }

    /** Called by {@link #pollOutput()} for each new complete output line, in order. */
    protected void onOutputLine(String line) {
    }

    /** Reads output written since the last call and hands each complete line to {@link #onOutputLine}. */
    protected final synchronized void pollOutput() {
        try (FileChannel ch = FileChannel.open(logFile, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (true) {
                buf.clear();
                int n = ch.read(buf, logOffset);
                if (n <= 0) {
                    break;
                }
                logOffset += n;
                byte[] a = buf.array();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        String line = partialLine.toString(StandardCharsets.UTF_8);
                        partialLine.reset();
                        if (line.endsWith("\r")) {
                            line = line.substring(0, line.length() - 1);
                        }
                        acceptLine(line);
                    } else if (partialLine.size() < MAX_LINE) {
                        partialLine.write(a[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + logFile, e);
        }
    }

    private void acceptLine(String line) {
        if (recent.size() == RECENT_LINES) {
            recent.removeFirst();
        }
        recent.addLast(line);
        onOutputLine(line);
    }

    /** The last {@code maxLines} output lines (for failure messages). */
    public final synchronized String logTail(int maxLines) {
        try {
            pollOutput();
        } catch (UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
        List<String> lines = new ArrayList<>(recent);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    }

    /** Waits until an output line matches; fails with the log tail on timeout or if the program ends first. */
    public final String awaitOutputLine(String what, Duration timeout, Predicate<String> matcher) {
        String[] found = new String[1];
        awaitCondition(what, timeout, () -> {
            synchronized (this) {
                for (String line : recent) {
                    if (matcher.test(line)) {
                        found[0] = line;
                        return true;
                    }
                }
                return false;
            }
        });
        return found[0];
    }

    /**
     * Polls {@code condition} (after reading new output) every 50 ms. Fails with an {@link AssertionError} that
     * quotes the log tail if it times out, or if the program exits before the condition holds.
     */
    public final void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            pollOutput();
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                pollOutput();
                if (condition.getAsBoolean()) {
                    return;
                }
                throw new AssertionError(name + " exited with code " + process.exitValue() + " while waiting for "
                        + what + "; log " + logFile + ", last lines:\n" + logTail(40));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(name + ": timed out after " + timeout + " waiting for " + what + "; log "
                        + logFile + ", last lines:\n" + logTail(40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted while waiting for " + what, e);
            }
        }
    }

    /** True once {@link #stop} has been called. */
    protected final synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** Stops the program and its descendants: SIGTERM, then SIGKILL after {@code grace}. Idempotent. */
    public final void stop(Duration grace) {
        synchronized (this) {
            stopRequested = true;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        if (stdin != null) {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // the program is being stopped anyway
            }
        }
        terminate(process.toHandle(), grace);
        for (ProcessHandle child : tree) {
            terminate(child, Duration.ofSeconds(2));
        }
        LIVE.remove(this);
        OrphanReaper.forThisJvm().unregister(process.toHandle());
        try {
            pollOutput();
        } catch (UncheckedIOException e) {
            LOG.warn("{}: {}", name, e.getMessage());
        }
        LOG.info("{}: stopped (exit code {})", name, process.isAlive() ? "?" : process.exitValue());
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    private void terminate(ProcessHandle h, Duration grace) {
        if (!isRunning(h)) {
            return;
        }
        h.destroy();
        if (awaitGone(h, grace)) {
            return;
        }
        LOG.warn("{}: pid {} ignored SIGTERM for {}; sending SIGKILL", name, h.pid(), grace);
        h.destroyForcibly();
        if (!awaitGone(h, Duration.ofSeconds(5))) {
            LOG.error("{}: pid {} survived SIGKILL", name, h.pid());
        }
    }

    private static boolean awaitGone(ProcessHandle h, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(h)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(h);
            }
        }
        return true;
    }

    /**
     * True if {@code h} is alive and not a zombie. A killed descendant that was re-parented is a zombie until PID 1
     * reaps it, and {@link ProcessHandle#isAlive()} counts zombies as alive; container init processes (and this
     * machine's) reap only every second or two.
     */
    public static boolean isRunning(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return h.isAlive();
        }
    }

    /**
     * Starts readiness checks on a freshly started fixture; if they fail, the process is stopped before the failure
     * propagates, so a fixture that never became usable leaves nothing running.
     */
    protected static <T extends ExternalProcess> T readyOrStopped(T started, Consumer<T> readiness) {
        try {
            readiness.accept(started);
            return started;
        } catch (RuntimeException | Error e) {
            started.stop(Duration.ofSeconds(2));
            throw e;
        }
    }

    private static void stopAllAtExit() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ExternalProcess p : LIVE) {
            p.process.descendants().forEach(all::add);
            all.add(p.process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle h : all) {
            if (!awaitGone(h, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                h.destroyForcibly();
            }
        }
        OrphanReaper.forThisJvm().disarm();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
