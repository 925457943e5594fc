package org.swarmbid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.TestPayload;

/**
 * The real {@code swarmbid download} process is stopped half-way, by SIGKILL (nothing saved, no hook runs) or by
 * Ctrl-C (SIGINT: clean stop), and started again with the same command: it must finish, the data must verify, and the
 * second run must not fetch again the pieces that were already verified on disk. The seeder is a Swarmbid engine in
 * this JVM, throttled so the transfer takes several seconds; its upload counter measures exactly what the second
 * run downloaded. Which pieces were verified before the stop is read straight from the files (SHA-1 per piece),
 * independently of the client.
 */
@Tag("slow")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ResumeAfterKillTest {
    static final long SIZE = 8L * 1024 * 1024 + 12_345;
    static final int PIECE = 64 * 1024;
    static final long RATE = 1024 * 1024;
    /** Pieces that may legitimately be fetched twice: in flight to the disk when the process died. */
    static final int SLACK_PIECES = 4;

    @TempDir
    Path tmp;
    TestPayload payload;
    Metainfo meta;
    Path torrentFile;
    Engine seeder;
    TorrentHandle seed;

    @BeforeEach
    void seed() throws IOException {
        payload = TestPayload.multiFile(tmp.resolve("seed"), "payload", SIZE, 11);
        meta = TorrentCreator.from(payload.root()).pieceLength(PIECE).creationDate(null).create();
        torrentFile = Files.write(tmp.resolve("payload.torrent"), meta.toTorrentBytes());
        seeder = Engine.start(SessionConfig.defaults(tmp.resolve("seed-state"))
                .withBind(InetAddress.getLoopbackAddress(), 0).withLimits(0, RATE), List.of());
        seed = seeder.add(meta, AddOptions.in(payload.saveDir()));
        awaitSeeder("seeding", () -> seed.status().state() == TorrentState.SEEDING, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopSeeder() {
        if (seeder != null) {
            seeder.close();
        }
    }

    String[] downloadArgs(Path dir, Path state) {
        return new String[] {"download", torrentFile.toString(), "--dir", dir.toString(), "--state-dir",
            state.toString(), "--port", "0", "--bind", "127.0.0.1", "--peer", "127.0.0.1:" + seeder.listenPort()};
    }

    /** Waits until the seeder has sent about half the torrent. */
    void awaitHalfWay(CliProcess p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (seed.status().uploaded() < SIZE * 45 / 100) {
            assertThat(p.isAlive()).as("downloader died early\n" + p.describe()).isTrue();
            assertThat(System.nanoTime()).as("half-way in 90 s\n" + p.describe()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The seeder's upload counter once its once-a-second snapshot has caught up. */
    long settledUploaded() throws InterruptedException {
        long last = -1;
        while (true) {
            Thread.sleep(1300);
            long now = seed.status().uploaded();
            if (now == last) {
                return now;
            }
            last = now;
        }
    }

    void awaitSeeder(String what, java.util.function.BooleanSupplier ok, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("seeder not " + what + ": " + seed.status());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
    }

    /** Second run: completes, verifies, and fetched at most what was missing plus slack. Returns its bytes. */
    long resumeAndCheck(Path dir, Path state, BitSet verifiedBefore, long uploadedBefore, String label)
            throws Exception {
        try (CliProcess second = CliProcess.start(tmp.resolve("run"), label + "-2", downloadArgs(dir, state))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.describe()).isEqualTo(ExitCode.OK);
            assertThat(second.stdoutLines()).as(second.describe())
                    .anyMatch(l -> l.startsWith("payload: complete, downloaded "));
            assertThat(second.stderr()).as("stderr of a clean run").isEmpty();
        }
        FileTrees.assertSameTree(payload.root(), dir.resolve("payload"));
        long second = settledUploaded() - uploadedBefore;
        int v = verifiedBefore.cardinality();
        long missing = SIZE - verifiedBytes(verifiedBefore);
        System.out.printf("MEASURED %s: %d of %d pieces verified on disk at the stop; second run downloaded %d bytes;"
                + " missing were %d bytes; a full download is %d%n", label, v, meta.info().pieceCount(), second,
                missing, SIZE);
        assertThat(v).as("pieces verified before the stop").isBetween(1, meta.info().pieceCount() - 1);
        assertThat(second).as("bytes fetched by the second run").isPositive()
                .isLessThanOrEqualTo(missing + (long) SLACK_PIECES * PIECE);
        return second;
    }

    long verifiedBytes(BitSet pieces) {
        long n = 0;
        for (int i = pieces.nextSetBit(0); i >= 0; i = pieces.nextSetBit(i + 1)) {
            n += meta.info().pieceSize(i);
        }
        return n;
    }

    @Test
    void sigkillHalfWayThenRerunResumesWithoutRefetchingVerifiedPieces() throws Exception {
        Path dir = tmp.resolve("dl");
        Path state = tmp.resolve("state");
        try (CliProcess first = CliProcess.start(tmp.resolve("run"), "kill-1", downloadArgs(dir, state))) {
            awaitHalfWay(first);
            first.kill();
            assertThat(first.isAlive()).isFalse();
        }
        long uploadedAtKill = settledUploaded();
        assertThat(uploadedAtKill).as("the kill came before the end").isLessThan(SIZE);
        BitSet verified = PieceCheck.verifiedPieces(meta, dir);
        resumeAndCheck(dir, state, verified, uploadedAtKill, "SIGKILL");
    }

    @Test
    void ctrlCStopsPromptlyWith130AndALaterRunResumes() throws Exception {
        Path dir = tmp.resolve("dl");
        Path state = tmp.resolve("state");
        try (CliProcess first = CliProcess.start(tmp.resolve("run"), "int-1", downloadArgs(dir, state))) {
            awaitHalfWay(first);
            long t0 = System.nanoTime();
            first.interrupt();
            int code = first.awaitExit(Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("MEASURED Ctrl-C: exit " + code + " after " + took.toMillis() + " ms");
            assertThat(code).as(first.describe()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(took).as("clean stop").isLessThan(Duration.ofSeconds(10));
            assertThat(first.stdoutLines()).as(first.describe())
                    .contains("stopped; run the same command again to resume")
                    .anyMatch(l -> l.matches("(checking|downloading) +\\d+\\.\\d\\d%  .*"));
            assertThat(first.stderr()).as("stderr").isEmpty();
        }
        try (Stream<Path> s = Files.list(state)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("resume data saved on Ctrl-C").anyMatch(n -> n.startsWith(meta.infoHash().hex())
                            && n.endsWith(".resume"));
        }
        long uploadedAtStop = settledUploaded();
        BitSet verified = PieceCheck.verifiedPieces(meta, dir);
        resumeAndCheck(dir, state, verified, uploadedAtStop, "SIGINT");
    }
}
