package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived program to completion ({@code mktorrent}, {@code transmission-remote}, {@code kill}) and
 * returns its exit code and combined output. The output is bounded (1 MiB); a program that outlives its timeout is
 * killed together with its descendants, so nothing is left behind.
 */
public final class Command {
    private static final int MAX_OUTPUT = 1 << 20;

    /** Exit code and combined stdout+stderr (at most 1 MiB) of a finished command. */
    public record Result(List<String> command, int exitCode, String output) {
        public String firstLine() {
            String s = output.strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }

        /** Throws an AssertionError quoting the command and its output unless it exited with 0. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ": " + output.strip());
            }
            return this;
        }
    }

    private Command() {
    }

    /** Runs {@code command} with stdin from /dev/null and {@code LC_ALL=C}; waits at most {@code timeout}. */
    public static Result run(List<String> command, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try (InputStream in = p.getInputStream()) {
            // read while it runs so a chatty program cannot block on a full pipe; the read ends at EOF or kill
            byte[][] holder = new byte[1][];
            Thread reader = new Thread(() -> holder[0] = readBounded(in), "command-output-" + p.pid());
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                reader.join(2000);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            reader.join(5000);
            String out = holder[0] == null ? "" : new String(holder[0], StandardCharsets.UTF_8);
            return new Result(List.copyOf(command), p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted while running " + command.get(0), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Convenience for {@link #run(List, Duration)}. */
    public static Result run(Duration timeout, String... command) {
        return run(List.of(command), timeout);
    }

    private static byte[] readBounded(InputStream in) {
        try {
            byte[] head = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // discard the excess, keep the pipe flowing
            return head;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
