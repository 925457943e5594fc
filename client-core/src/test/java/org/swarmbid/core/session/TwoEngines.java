package org.swarmbid.core.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.spi.EnginePlugin;

/** Helpers for tests that run engines in one JVM on 127.0.0.1 without a tracker. */
final class TwoEngines {
    private TwoEngines() {
    }

    static Engine engine(Path state, List<EnginePlugin> plugins) throws IOException {
        return engine(state, plugins, 0, 0);
    }

    static Engine engine(Path state, List<EnginePlugin> plugins, long down, long up) throws IOException {
        SessionConfig c = SessionConfig.defaults(state)
                .withBind(InetAddress.getLoopbackAddress(), 0)
                .withLimits(down, up)
                .withTimers(Duration.ofSeconds(2), Duration.ofSeconds(30));
        return Engine.start(c, plugins);
    }

    /** Writes {@code files} random files (odd sizes) under {@code dir/name} and makes a trackerless torrent. */
    static Metainfo payload(Path dir, String name, int files, int bytesEach, int pieceLength, long seed)
            throws IOException {
        Random r = new Random(seed);
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("sub"));
        for (int i = 0; i < files; i++) {
            byte[] b = new byte[bytesEach + i * 977];
            r.nextBytes(b);
            Files.write(root.resolve(i % 2 == 0 ? "f" + i + ".bin" : "sub/f" + i + ".bin"), b);
        }
        return TorrentCreator.from(root).pieceLength(pieceLength).creationDate(null).create();
    }

    static InetSocketAddress address(Engine e) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), e.listenPort());
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
