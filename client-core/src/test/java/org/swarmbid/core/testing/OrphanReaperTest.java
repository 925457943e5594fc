package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanReaperTest {
    @TempDir
    Path tmp;

    @Test
    void stopsListedProcessesOnceTheWatchedProcessIsGone() throws Exception {
        // a stand-in for the test JVM that "dies" after one second, and a victim that would live for minutes
        Process jvm = new ProcessBuilder("/bin/sleep", "1").start();
        Process victim = new ProcessBuilder("/bin/sleep", "300").start();
        Process spared = new ProcessBuilder("/bin/sleep", "300").start();
        try {
            OrphanReaper reaper = OrphanReaper.start(jvm.pid(), tmp.resolve("pids"));
            reaper.register(victim.toHandle());
            reaper.register(spared.toHandle());
            reaper.unregister(spared.toHandle());
            assertThat(Files.readAllLines(reaper.list())).containsExactly(
                    victim.pid() + " " + OrphanReaper.startTime(victim.pid()).orElseThrow());
            assertThat(victim.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(victim.exitValue()).isEqualTo(128 + 15); // SIGTERM
            assertThat(spared.isAlive()).isTrue();
            awaitGone(reaper.list());
        } finally {
            victim.destroyForcibly();
            spared.destroyForcibly();
            jvm.destroyForcibly();
        }
    }

    @Test
    void aListWithARecycledPidSignalsNothing() throws Exception {
        Process jvm = new ProcessBuilder("/bin/sleep", "0.5").start();
        Process bystander = new ProcessBuilder("/bin/sleep", "300").start();
        try {
            OrphanReaper reaper = OrphanReaper.start(jvm.pid(), tmp.resolve("pids"));
            // same PID, different start time: a process the reaper never started
            Files.write(reaper.list(), List.of(bystander.pid() + " 1"));
            awaitGone(reaper.list());
            assertThat(bystander.isAlive()).isTrue();
        } finally {
            bystander.destroyForcibly();
            jvm.destroyForcibly();
        }
    }

    private static void awaitGone(Path list) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(list) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(list).doesNotExist();
    }
}
