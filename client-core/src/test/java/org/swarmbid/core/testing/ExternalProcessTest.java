package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProcessTest {
    @TempDir
    Path tmp;

    @AfterEach
    void nothingLeftRunning() {
        assertThat(ExternalProcess.liveProcesses()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ExternalProcess::isRunning).map(ProcessHandle::pid))
                .isEmpty();
    }

    @Test
    void closeStopsTheProcessAndItsDescendants() throws Exception {
        Path log = tmp.resolve("logs/tree.log");
        List<ProcessHandle> tree;
        try (ExternalProcess p = ExternalProcess.start("tree",
                List.of("/bin/sh", "-c", "sleep 300 & echo child $!; sleep 300 & sleep 300"), log)) {
            String line = p.awaitOutputLine("the child pid", Duration.ofSeconds(10), l -> l.startsWith("child "));
            long child = Long.parseLong(line.substring(6));
            p.awaitCondition("two sleeping children", Duration.ofSeconds(10),
                    () -> ProcessHandle.current().descendants().count() >= 3);
            tree = ProcessHandle.current().descendants().toList();
            assertThat(tree).extracting(ProcessHandle::pid).contains(p.pid(), child);
            assertThat(ExternalProcess.liveProcesses()).containsExactly("tree (pid " + p.pid() + ")");
        }
        assertThat(tree).noneMatch(ExternalProcess::isRunning);
        assertThat(Files.readString(log)).startsWith("# ").contains("tree: /bin/sh -c").contains("child ");
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod() {
        ExternalProcess p = ExternalProcess.start("stubborn",
                List.of("/bin/sh", "-c", "trap '' TERM; echo armed; while :; do sleep 0.1; done"),
                tmp.resolve("stubborn.log"));
        p.awaitOutputLine("the TERM trap", Duration.ofSeconds(10), "armed"::equals);
        long t0 = System.nanoTime();
        p.stop(Duration.ofMillis(300));
        // a killed child can stay a zombie for a moment until it is reaped: wait (bounded) for that
        long reaped = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (p.isAlive() && System.nanoTime() < reaped) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitCode()).hasValue(128 + 9); // killed by SIGKILL
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    @Test
    void waitingFailsWithTheLogTailWhenTheProgramExits() {
        try (ExternalProcess p = ExternalProcess.start("quitter",
                List.of("/bin/sh", "-c", "echo first; echo boom >&2; exit 3"), tmp.resolve("quitter.log"))) {
            assertThatThrownBy(() -> p.awaitOutputLine("a line that never comes", Duration.ofSeconds(10),
                    "never"::equals))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("quitter exited with code 3 while waiting for a line that never comes")
                    .hasMessageContaining("first\nboom");
        }
    }

    @Test
    void waitingFailsAfterTheTimeout() {
        try (ExternalProcess p = ExternalProcess.start("sleeper", List.of("/bin/sleep", "30"),
                tmp.resolve("sleeper.log"))) {
            assertThatThrownBy(() -> p.awaitCondition("nothing", Duration.ofMillis(200), () -> false))
                    .hasMessageContaining("sleeper: timed out after PT0.2S waiting for nothing");
            assertThat(p.isAlive()).isTrue();
        }
    }

    @Test
    void signalsReachTheProcess() {
        try (ExternalProcess p = ExternalProcess.start("hup",
                List.of("/bin/sh", "-c", "trap 'echo got-hup; exit 0' HUP; echo ready; while :; do sleep 0.05; done"),
                tmp.resolve("hup.log"))) {
            p.awaitOutputLine("ready", Duration.ofSeconds(10), "ready"::equals);
            p.signal("HUP");
            p.awaitOutputLine("got-hup", Duration.ofSeconds(10), "got-hup"::equals);
            assertThatThrownBy(() -> p.signal("HUP; rm")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void commandReportsExitCodeAndOutput() {
        Command.Result ok = Command.run(Duration.ofSeconds(10), "/bin/sh", "-c", "echo hello; echo err >&2");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.output()).contains("hello").contains("err");
        Command.Result bad = Command.run(Duration.ofSeconds(10), "/bin/sh", "-c", "echo nope; exit 4");
        assertThatThrownBy(bad::requireSuccess).hasMessageContaining("exited with 4: nope");
        assertThatThrownBy(() -> Command.run(Duration.ofMillis(200), "/bin/sleep", "30"))
                .hasMessageContaining("did not finish within");
    }

    @Test
    void aMissingPackageFailsWithTheInstallCommand() {
        assertThat(DebianPackage.problem("coreutils", "/bin/sh")).isEmpty();
        assertThat(DebianPackage.problem("frobnicator", "/usr/bin/no-such-frobnicator"))
                .contains("/usr/bin/no-such-frobnicator is not installed")
                .contains("apt-get install -y frobnicator");
    }
}
