package org.swarmbid.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code swarmbid} command in its own JVM: {@code java -cp <this test's class path>
 * org.swarmbid.app.Main ARGS}, so it works from {@code mvn test} before the jar is packaged. Stdout and stderr go to
 * separate files; the process can be interrupted like Ctrl-C ({@code kill -INT}) or killed ({@code SIGKILL}). Every
 * process still running when a test ends, or when this JVM exits, is killed by PID.
 */
public final class CliProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "cli-process-reaper"));
    }

    private final Process process;
    private final Path out;
    private final Path err;
    private final List<String> args;

    private CliProcess(Process process, Path out, Path err, List<String> args) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.args = args;
    }

    /** Starts {@code swarmbid ARGS} in {@code workDir}; output files are {@code name.out} and {@code name.err}. */
    public static CliProcess start(Path workDir, String name, String... args) {
        return start(workDir, name, List.of(), args);
    }

    /** As {@link #start(Path, String, String...)} with extra JVM options (e.g. {@code -DSWARMBID_LOG=info}). */
    public static CliProcess start(Path workDir, String name, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        if (sigintIgnoredHere()) {
            // a JVM started with SIGINT ignored installs no Ctrl-C handler; restore the default like a terminal
            cmd.addAll(List.of("/usr/bin/python3", "-c",
                    "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                            + "os.execv(sys.argv[1], sys.argv[1:])"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path o = workDir.resolve(name + ".out");
            Path e = workDir.resolve(name + ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(o.toFile()).redirectError(e.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("LC_ALL", "C");
            pb.environment().remove("SWARMBID_LOG");
            Process p = pb.start();
            LIVE.add(p);
            return new CliProcess(p, o, e, List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    /** The test JVM's class path (surefire sets {@code java.class.path} to the real one, not its booter jar). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return cp;
    }

    private static boolean sigintIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: assume a default disposition
        }
        return false;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -INT " + process.pid() + " failed");
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or saved. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the exit code; fails with the output if the process is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("swarmbid " + args + " still running after " + timeout + "\n" + describe());
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    /** Polls stdout until a line matches; fails with the output on timeout or if the process exits first. */
    public String awaitStdoutLine(String what, Duration timeout, Predicate<String> matcher) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdoutLines()) {
                if (matcher.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no stdout line with " + what + "\n" + describe());
    }

    public String stdout() {
        return read(out);
    }

    public String stderr() {
        return read(err);
    }

    public List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    public List<String> stderrLines() {
        return stderr().lines().toList();
    }

    public String describe() {
        return "args " + args + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        LIVE.remove(process);
    }
}
