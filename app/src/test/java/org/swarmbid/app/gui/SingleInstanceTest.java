package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One desktop client per state folder: later launches hand over their files over loopback, with the token. */
class SingleInstanceTest {
    @TempDir
    Path state;

    @Test
    void secondLaunchHandsItsFilesToTheFirst() throws Exception {
        List<Path> opened = new CopyOnWriteArrayList<>();
        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance first = SingleInstance.acquire(state)) {
            assertThat(first.primary()).isTrue();
            first.listen(handler(opened, shown));
            try (SingleInstance second = SingleInstance.acquire(state)) {
                assertThat(second.primary()).isFalse();
                second.handOff(List.of(Path.of("/tmp/a b.torrent"), Path.of("/tmp/c.torrent")), Duration.ofSeconds(5));
                second.handOff(List.of(), Duration.ofSeconds(5));
            }
            waitFor(() -> opened.size() == 2 && shown.get() == 1);
            assertThat(opened).containsExactly(Path.of("/tmp/a b.torrent"), Path.of("/tmp/c.torrent"));
        }
        // the lock is released: the next launch is the running instance
        try (SingleInstance again = SingleInstance.acquire(state)) {
            assertThat(again.primary()).isTrue();
        }
    }

    @Test
    void requestWithoutTheTokenIsRefused() throws Exception {
        List<Path> opened = new CopyOnWriteArrayList<>();
        try (SingleInstance first = SingleInstance.acquire(state)) {
            first.listen(handler(opened, new AtomicInteger()));
            int port = Integer.parseInt(Files.readString(state.resolve(SingleInstance.PORT_FILE)).split(" ")[0]);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                out.write("SWARMBID1 0000\nOPEN /etc/passwd\nEND\n".getBytes(StandardCharsets.UTF_8));
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(reply).isEqualTo("ERR bad token\n");
            }
            Thread.sleep(200);
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void silentRunningInstanceGivesOneLineError() throws Exception {
        try (SingleInstance first = SingleInstance.acquire(state)) {
            // holds the lock but never listens (e.g. hung while starting)
            try (SingleInstance second = SingleInstance.acquire(state)) {
                assertThatThrownBy(() -> second.handOff(List.of(), Duration.ofMillis(600)))
                        .isInstanceOf(IOException.class).hasMessageContaining("does not answer")
                        .hasMessageNotContaining("\n");
            }
        }
    }

    private static SingleInstance.Handler handler(List<Path> opened, AtomicInteger shown) {
        return new SingleInstance.Handler() {
            @Override
            public void open(Path torrentFile) {
                opened.add(torrentFile);
            }

            @Override
            public void show() {
                shown.incrementAndGet();
            }
        };
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
