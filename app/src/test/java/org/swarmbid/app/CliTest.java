package org.swarmbid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.FreePorts;
import org.swarmbid.core.testing.Mktorrent;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.core.testing.TestTorrent;

/**
 * The happy paths of {@code swarmbid create}, {@code info}, {@code download} and {@code seed}: reproducible
 * torrents, the fields {@code info} prints, and a transfer between two real CLI processes with exit 0, the final
 * summary line and Ctrl-C on the seeder.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CliTest {
    static final long SIZE = 1536L * 1024 + 777;

    @TempDir
    Path tmp;

    TestPayload payload() {
        return TestPayload.multiFile(tmp.resolve("src"), "payload", SIZE, 5);
    }

    // ---------------------------------------------------------------- create

    @Test
    void createWithNoDateIsReproducibleAndHonoursThePieceSize() throws Exception {
        TestPayload p = payload();
        Path a = tmp.resolve("a.torrent");
        Path b = tmp.resolve("b.torrent");
        InProcessCli.Result ra = InProcessCli.run("create", p.root().toString(), "-o", a.toString(), "--no-date",
                "--piece-size", "64K", "-t", "http://127.0.0.1:6969/announce");
        Thread.sleep(1100); // a creation date, if one slipped in, would differ now
        InProcessCli.Result rb = InProcessCli.run("create", p.root().toString(), "-o", b.toString(), "--no-date",
                "--piece-size", "64K", "-t", "http://127.0.0.1:6969/announce");
        assertThat(ra.exitCode()).as(ra.toString()).isZero();
        assertThat(rb.exitCode()).as(rb.toString()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        TestTorrent t = TestTorrent.read(a); // independent bencode + SHA-1 of the raw info span
        long pieces = (SIZE + 65535) / 65536;
        assertThat(t.pieceLength()).isEqualTo(64 * 1024);
        assertThat(t.totalLength()).isEqualTo(SIZE);
        assertThat(ra.out()).contains(a.toString())
                .contains("info-hash " + t.infoHashHex() + ", " + pieces + " pieces of 64.0 KiB");
        assertThat(ra.err()).isEmpty();
        assertThat(MetainfoParser.read(a).creationDate()).isEmpty();
    }

    @Test
    void createWithADateStillGivesTheSameInfoHash() throws Exception {
        TestPayload p = payload();
        Path a = tmp.resolve("a.torrent");
        Path b = tmp.resolve("b.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", a.toString(), "--no-date").exitCode())
                .isZero();
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", b.toString()).exitCode()).isZero();
        assertThat(MetainfoParser.read(b).creationDate()).isPresent();
        assertThat(TestTorrent.read(a).infoHashHex()).isEqualTo(TestTorrent.read(b).infoHashHex());
    }

    @Test
    void createRefusesToOverwriteWithoutForce() throws Exception {
        TestPayload p = payload();
        Path a = Files.writeString(tmp.resolve("a.torrent"), "keep me");
        InProcessCli.Result r = InProcessCli.run("create", p.root().toString(), "-o", a.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("swarmbid: " + a + " already exists (use --force to overwrite)");
        assertThat(Files.readString(a)).isEqualTo("keep me");
        r = InProcessCli.run("create", p.root().toString(), "-o", a.toString(), "--force");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(MetainfoParser.read(a).info().name()).isEqualTo("payload");
    }

    @Test
    void createOfAMissingSourceIsBadInput() {
        Path missing = tmp.resolve("nothing-here");
        InProcessCli.Result r = InProcessCli.run("create", missing.toString(), "-o", tmp.resolve("x.torrent")
                .toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("swarmbid: " + missing + ": no such file or folder");
        assertThat(tmp.resolve("x.torrent")).doesNotExist();
    }

    @Test
    @Tag("interop")
    void createGivesTheSameInfoHashAsMktorrent() throws Exception {
        TestPayload p = payload();
        Path ours = tmp.resolve("ours.torrent");
        InProcessCli.Result r = InProcessCli.run("create", p.root().toString(), "-o", ours.toString(), "--no-date",
                "--piece-size", "32K", "-t", "http://127.0.0.1:6969/announce");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        TestTorrent theirs = p.makeTorrent(tmp.resolve("mk.torrent"), 15, "http://127.0.0.1:6969/announce");
        assertThat(TestTorrent.read(ours).infoHashHex()).isEqualTo(theirs.infoHashHex());
    }

    // ---------------------------------------------------------------- info

    @Test
    void infoPrintsTheTorrentsFields() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString(), "--piece-size", "32K",
                "-t", "http://127.0.0.1:6969/announce", "-t", "udp://127.0.0.1:6969", "--private", "-c",
                "hello").exitCode()).isZero();
        InProcessCli.Result r = InProcessCli.run("info", t.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        TestTorrent tt = TestTorrent.read(t);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains(
                "name:         payload",
                "info-hash:    " + tt.infoHashHex(),
                "size:         1.5 MiB (" + SIZE + " bytes)",
                "pieces:       " + (SIZE + 32767) / 32768 + " x 32.0 KiB",
                "private:      yes",
                "comment:      hello",
                "tracker:      http://127.0.0.1:6969/announce (tier 0)",
                "tracker:      udp://127.0.0.1:6969 (tier 1)",
                "files:        " + p.files().size());
        assertThat(lines).anyMatch(l -> l.startsWith("created:      "));
        for (TestPayload.Entry e : p.files()) {
            assertThat(lines).as(e.path()).contains(String.format("  %12d  payload/%s", e.size(), e.path()));
        }
    }

    // ---------------------------------------------------------------- download and seed, two processes

    @Test
    @Tag("slow")
    void downloadFromASeedBetweenTwoCliProcesses() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString(), "--no-date").exitCode())
                .isZero();
        int seedPort = FreePorts.next();
        Path dl = tmp.resolve("dl");
        try (CliProcess seeder = CliProcess.start(tmp.resolve("run"), "seed", "seed", t.toString(), "--dir",
                p.saveDir().toString(), "--state-dir", tmp.resolve("seed-state").toString(), "--port",
                Integer.toString(seedPort), "--bind", "127.0.0.1")) {
            seeder.awaitStdoutLine("the seeding progress line", Duration.ofSeconds(60),
                    l -> l.matches("seeding +100\\.00%  .*peers \\d+ \\(\\d+ seeds\\).*"));
            try (CliProcess leech = CliProcess.start(tmp.resolve("run"), "download", "download", t.toString(),
                    "--dir", dl.toString(), "--state-dir", tmp.resolve("dl-state").toString(), "--port", "0",
                    "--bind", "127.0.0.1", "--peer", "127.0.0.1:" + seedPort)) {
                assertThat(leech.awaitExit(Duration.ofSeconds(90))).as(leech.describe()).isZero();
                assertThat(leech.stdoutLines()).as(leech.describe())
                        .contains("payload: complete, downloaded 1.5 MiB, uploaded 0 B");
                assertThat(leech.stderr()).isEmpty();
            }
            FileTrees.assertSameTree(p.root(), dl.resolve("payload"));

            // the same command again: nothing to fetch, done at once
            try (CliProcess again = CliProcess.start(tmp.resolve("run"), "again", "download", t.toString(),
                    "--dir", dl.toString(), "--state-dir", tmp.resolve("dl-state").toString(), "--port", "0",
                    "--bind", "127.0.0.1")) {
                assertThat(again.awaitExit(Duration.ofSeconds(60))).as(again.describe()).isZero();
                assertThat(again.stdoutLines()).contains("payload: complete, downloaded 0 B, uploaded 0 B");
            }

            seeder.interrupt();
            assertThat(seeder.awaitExit(Duration.ofSeconds(20))).as(seeder.describe())
                    .isEqualTo(ExitCode.INTERRUPTED);
            assertThat(seeder.stdoutLines()).contains("stopped; run the same command again to resume");
            assertThat(seeder.stderr()).isEmpty();
        }
    }

    @Test
    void seedOfIncompleteDataExits3WithOneLine() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString()).exitCode()).isZero();
        Path victim = p.root().resolve(p.files().get(p.files().size() - 1).path());
        Files.write(victim, new byte[(int) Files.size(victim)]); // zeros: those pieces fail the check
        try (CliProcess seeder = CliProcess.start(tmp.resolve("run"), "seed", "seed", t.toString(), "--dir",
                p.saveDir().toString(), "--state-dir", tmp.resolve("state").toString(), "--port", "0", "--bind",
                "127.0.0.1")) {
            assertThat(seeder.awaitExit(Duration.ofSeconds(60))).as(seeder.describe())
                    .isEqualTo(ExitCode.BAD_INPUT);
            assertThat(seeder.stderrLines()).as(seeder.describe()).hasSize(1)
                    .allMatch(l -> l.matches("swarmbid: the data in .* is incomplete: \\d+ of \\d+ pieces verified"));
        }
    }

    @Test
    void seedOfAMissingFolderExits3() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString()).exitCode()).isZero();
        Path nowhere = tmp.resolve("nowhere");
        InProcessCli.Result r = InProcessCli.run("seed", t.toString(), "--dir", nowhere.toString(), "--port", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("swarmbid: " + nowhere + ": no such folder");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void downloadWithNoPeersTimesOutWithExit4() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString()).exitCode()).isZero();
        try (CliProcess d = CliProcess.start(tmp.resolve("run"), "lonely", "download", t.toString(), "--dir",
                tmp.resolve("dl").toString(), "--state-dir", tmp.resolve("state").toString(), "--port", "0",
                "--bind", "127.0.0.1", "--timeout", "3")) {
            assertThat(d.awaitExit(Duration.ofSeconds(60))).as(d.describe()).isEqualTo(ExitCode.TIMEOUT);
            assertThat(d.stderrLines()).containsExactly("swarmbid: timed out after 3 s");
        }
    }

    @Test
    void anUnreachableTrackerIsReportedOnce() throws Exception {
        TestPayload p = payload();
        Path t = tmp.resolve("p.torrent");
        String dead = "http://127.0.0.1:9/announce";
        assertThat(InProcessCli.run("create", p.root().toString(), "-o", t.toString(), "-t", dead).exitCode())
                .isZero();
        try (CliProcess d = CliProcess.start(tmp.resolve("run"), "tracker", "download", t.toString(), "--dir",
                tmp.resolve("dl").toString(), "--state-dir", tmp.resolve("state").toString(), "--port", "0",
                "--bind", "127.0.0.1", "--timeout", "4")) {
            assertThat(d.awaitExit(Duration.ofSeconds(60))).as(d.describe()).isEqualTo(ExitCode.TIMEOUT);
            assertThat(d.stderrLines()).containsExactly(
                    "swarmbid: tracker " + dead + ": could not connect to tracker",
                    "swarmbid: timed out after 4 s");
        }
    }

    @Test
    void helpAndVersionExit0() {
        InProcessCli.Result help = InProcessCli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("create", "info", "download", "seed", "Exit codes:");
        InProcessCli.Result version = InProcessCli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("swarmbid ");
        assertThat(help.out().lines()).anyMatch(l -> l.contains("130"));
    }
}
