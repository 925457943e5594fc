package org.swarmbid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmbid.core.metainfo.MetainfoException;
import org.swarmbid.core.metainfo.MetainfoParser;

/**
 * Malformed and hostile .torrent files on the command line (the committed fixtures of client-core's
 * {@code HostileTorrentFixtures}: {@code ../} and absolute paths, negative and huge sizes, {@code pieces} not a
 * multiple of 20, deep nesting, truncation, ...). {@code info} and {@code download} must exit 3 with exactly one
 * stderr line {@code swarmbid: FILE: <the parser's precise reason>}, print nothing on stdout and write nothing: the
 * download folder stays empty and no state folder appears. Bad command lines exit 2.
 */
class BadTorrentCliTest {
    static final String[] HOSTILE = {
        "path-traversal", "absolute-path", "absolute-path-empty-element", "drive-letter", "backslash-traversal",
        "name-traversal", "negative-length", "negative-file-length", "length-overflow", "pieces-not-multiple-of-20",
        "piece-count-mismatch", "deep-nesting", "deep-path", "truncated", "wrong-type-length", "wrong-type-info",
        "wrong-type-path", "wrong-type-announce-list", "empty-name", "zero-piece-length", "huge-piece-length",
        "nul-in-name", "control-character", "long-element", "duplicate-path", "file-as-directory",
        "not-a-dictionary", "missing-info", "length-and-files", "zero-total-length", "empty-files", "v2-only"};

    @TempDir
    Path tmp;

    static Stream<String> hostile() {
        return Stream.of(HOSTILE);
    }

    Path fixture(String name) throws IOException {
        try (InputStream in = BadTorrentCliTest.class.getResourceAsStream("/torrents/hostile/" + name + ".torrent")) {
            assertThat(in).as("fixture " + name + " on the test class path (client-core test-jar)").isNotNull();
            Path f = tmp.resolve(name + ".torrent");
            Files.write(f, in.readAllBytes());
            return f;
        }
    }

    /** The parser's own message for the file: the CLI must pass it on unchanged, after the file name. */
    static String parserReason(Path file) throws IOException {
        try {
            MetainfoParser.parse(Files.readAllBytes(file));
        } catch (MetainfoException e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " was accepted by the parser");
    }

    static void assertOneLineError(InProcessCli.Result r, String expectedLine) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.errLines()).as(r.toString()).containsExactly(expectedLine);
        assertThat(r.out()).as("stdout").isEmpty();
    }

    @ParameterizedTest(name = "info {0}")
    @MethodSource("hostile")
    void infoRejectsWithOneLine(String name) throws IOException {
        Path f = fixture(name);
        InProcessCli.Result r = InProcessCli.run("info", f.toString());
        assertOneLineError(r, "swarmbid: " + f + ": " + parserReason(f));
    }

    @ParameterizedTest(name = "download {0}")
    @MethodSource("hostile")
    void downloadRejectsWithOneLineAndWritesNothing(String name) throws IOException {
        Path f = fixture(name);
        Path dir = Files.createDirectories(tmp.resolve("dl"));
        Path state = tmp.resolve("state");
        InProcessCli.Result r = InProcessCli.run("download", f.toString(), "--dir", dir.toString(),
                "--state-dir", state.toString(), "--port", "0", "--bind", "127.0.0.1", "--timeout", "5");
        assertOneLineError(r, "swarmbid: " + f + ": " + parserReason(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).as("files written to the download folder").isEmpty();
        }
        assertThat(state).as("state folder").doesNotExist();
    }

    @Test
    void downloadIntoAFolderThatDoesNotExistYetCreatesNothing() throws IOException {
        Path f = fixture("path-traversal");
        Path dir = tmp.resolve("not-yet");
        InProcessCli.Result r = InProcessCli.run("download", f.toString(), "--dir", dir.toString(),
                "--state-dir", tmp.resolve("state").toString(), "--port", "0");
        assertOneLineError(r, "swarmbid: " + f + ": " + parserReason(f));
        assertThat(dir).doesNotExist();
    }

    @Test
    void seedRejectsAHostileTorrentToo() throws IOException {
        Path f = fixture("absolute-path");
        Path dir = Files.createDirectories(tmp.resolve("data"));
        InProcessCli.Result r = InProcessCli.run("seed", f.toString(), "--dir", dir.toString(),
                "--state-dir", tmp.resolve("state").toString(), "--port", "0");
        assertOneLineError(r, "swarmbid: " + f + ": " + parserReason(f));
    }

    // ---------------------------------------------------------------- missing files, folders, options

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"info", "download"})
    void aMissingFileIsBadInput(String command) {
        Path f = tmp.resolve("nope.torrent");
        InProcessCli.Result r = command.equals("info") ? InProcessCli.run("info", f.toString())
                : InProcessCli.run("download", f.toString(), "--dir", tmp.resolve("d").toString());
        assertOneLineError(r, "swarmbid: " + f + ": no such file");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"info", "download"})
    void aFolderInsteadOfAFileIsBadInput(String command) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder.torrent"));
        InProcessCli.Result r = command.equals("info") ? InProcessCli.run("info", folder.toString())
                : InProcessCli.run("download", folder.toString(), "--dir", tmp.resolve("d").toString());
        assertOneLineError(r, "swarmbid: " + folder + ": is a folder, not a .torrent file");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    void anEmptyFileIsBadInput() throws IOException {
        Path f = Files.write(tmp.resolve("empty.torrent"), new byte[0]);
        InProcessCli.Result r = InProcessCli.run("info", f.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1).allMatch(l -> l.startsWith("swarmbid: " + f + ": "));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "download",
        "info",
        "download x.torrent --no-such-option",
        "download x.torrent --port banana",
        "download x.torrent --dir",
        "seed x.torrent",
        "frobnicate",
        "create",
        "info a.torrent b.torrent",
        "create . --piece-size banana",
        "create . --piece-size 3K",
        "download x.torrent --max-down fast",
        "download x.torrent --peer nocolon",
        "download x.torrent --slots -1",
        "download x.torrent --port 70000",
        "seed x.torrent --dir . --max-up 1.5B"})
    void aBadCommandLineExits2(String commandLine) {
        InProcessCli.Result r = InProcessCli.run(commandLine.split(" "));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).as(r.toString()).isNotEmpty();
        assertThat(r.errLines().get(0)).startsWith("swarmbid: ");
        assertThat(r.out()).isEmpty();
    }

    // ---------------------------------------------------------------- the real process

    @Test
    void theRealProcessPrintsOneLineAndExits3() throws Exception {
        Path f = fixture("path-traversal");
        Path dir = Files.createDirectories(tmp.resolve("dl"));
        try (CliProcess p = CliProcess.start(tmp.resolve("run"), "bad", "download", f.toString(), "--dir",
                dir.toString(), "--state-dir", tmp.resolve("state").toString(), "--port", "0")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(p.stderrLines()).as(p.describe())
                    .containsExactly("swarmbid: " + f + ": file 3: path element '..' is not allowed");
            assertThat(p.stdout()).isEmpty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }
}
