package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safety net for a test JVM that dies without running shutdown hooks (SIGKILL, e.g. a build timeout): a small
 * {@code /bin/sh} watchdog, detached from the JVM (re-parented to init, so it is not one of the test's
 * descendants), waits for the JVM to go away and then stops every process still listed in a PID file: SIGTERM,
 * and SIGKILL three seconds later.
 *
 * <p>Each line of the list is {@code PID STARTTIME} (field 22 of {@code /proc/PID/stat}); a process is only
 * signalled if its start time still matches, so a recycled PID is never hit. {@link ExternalProcess} registers every
 * program it starts and unregisters it when stopped; when the JVM exits normally the list is deleted and the
 * watchdog ends without signalling anything.
 */
final class OrphanReaper {
    private static final String SCRIPT = """
            watched=$1; list=$2
            while kill -0 "$watched" 2>/dev/null; do sleep 1; done
            [ -f "$list" ] || exit 0
            start_of() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }
            for sig in TERM KILL; do
                while read -r pid start; do
                    [ -n "$pid" ] && [ "$(start_of "$pid")" = "$start" ] && kill -s "$sig" "$pid" 2>/dev/null
                done < "$list"
                [ "$sig" = TERM ] && sleep 3
            done
            rm -f "$list"
            """;

    private final Path list;

    private OrphanReaper(Path list) {
        this.list = list;
    }

    private static OrphanReaper instance;

    /** The reaper watching this JVM, started on first use. */
    static synchronized OrphanReaper forThisJvm() {
        if (instance == null) {
            long jvm = ProcessHandle.current().pid();
            Path list = Path.of(System.getProperty("java.io.tmpdir"), "swarmbid-interop-" + jvm + ".pids");
            instance = start(jvm, list);
        }
        return instance;
    }

    /** Starts a detached watchdog that reaps the processes in {@code list} once {@code watchedPid} has ended. */
    static OrphanReaper start(long watchedPid, Path list) {
        try {
            Files.deleteIfExists(list);
            Files.createFile(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + list, e);
        }
        // "( ... ) &" in an outer shell that exits at once: the watchdog is orphaned and adopted by init
        Command.run(List.of("/bin/sh", "-c", "(/bin/sh -c \"$0\" orphan-reaper \"$1\" \"$2\" </dev/null >/dev/null 2>&1 &)",
                SCRIPT, Long.toString(watchedPid), list.toString()), java.time.Duration.ofSeconds(10))
                .requireSuccess();
        return new OrphanReaper(list);
    }

    Path list() {
        return list;
    }

    /** Adds a started process to the list. */
    synchronized void register(ProcessHandle p) {
        startTime(p.pid()).ifPresent(start -> {
            try {
                Files.writeString(list, p.pid() + " " + start + "\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + list, e);
            }
        });
    }

    /** Removes a stopped process from the list. */
    synchronized void unregister(ProcessHandle p) {
        try {
            if (!Files.exists(list)) {
                return;
            }
            List<String> keep = new ArrayList<>();
            for (String line : Files.readAllLines(list)) {
                if (!line.startsWith(p.pid() + " ")) {
                    keep.add(line);
                }
            }
            Files.write(list, keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + list, e);
        }
    }

    /** Deletes the list at a normal JVM exit, so the watchdog signals nothing. */
    synchronized void disarm() {
        try {
            Files.deleteIfExists(list);
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    /** Field 22 of /proc/PID/stat (start time in clock ticks after boot), counted after the ")" of the name. */
    static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return rest.length > 19 ? Optional.of(rest[19]) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
