package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with real tools from Debian packages: torrents made by {@code mktorrent} parse to the info-hash and
 * file layout that libtorrent (python3-libtorrent) computes, and our creator makes the same info dictionary as
 * mktorrent for the same tree. Fails, rather than skips, when a tool is missing.
 */
@Tag("interop")
class MktorrentInteropTest {
    private static final String MKTORRENT = "/usr/bin/mktorrent";
    private static final String PYTHON = "/usr/bin/python3";
    private static final String ANNOUNCE = "http://127.0.0.1:6969/announce";
    private static final String LIBTORRENT_DUMP = String.join("\n",
            "import sys, libtorrent as lt",
            "ti = lt.torrent_info(sys.argv[1])",
            "print(ti.info_hash())",
            "fs = ti.files()",
            "for i in range(fs.num_files()):",
            "    print('%s\\t%d\\t%d' % (fs.file_path(i).replace('\\\\', '/'), fs.file_size(i), fs.file_offset(i)))");

    @Test
    void multiFileTorrentFromMktorrentMatchesLibtorrentAndOurCreator(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("payload"));
        write(root.resolve("a.txt"), 10_000, 1);
        write(root.resolve("sub/b.bin"), 200_000, 2);
        write(root.resolve("sub/deeper/c.bin"), (1 << 20) + 7, 3);
        write(root.resolve("empty"), 0, 4);
        write(root.resolve(".hidden"), 5, 5);
        write(root.resolve("Zeta Ü.txt"), 33_333, 6);
        Path torrent = tmp.resolve("mk.torrent");
        run(tmp, MKTORRENT, "-a", ANNOUNCE, "-l", "15", "-d", "-o", torrent.toString(), "payload");

        Metainfo mk = MetainfoParser.read(torrent);
        List<String> lt = libtorrent(torrent);

        assertThat(mk.infoHash().hex()).isEqualTo(lt.get(0));
        assertThat(layout(mk)).containsExactlyElementsOf(lt.subList(1, lt.size()));
        assertThat(mk.info().files()).hasSize(6);
        assertThat(mk.info().pieceLength()).isEqualTo(32768);
        assertThat(mk.announce()).contains(ANNOUNCE);
        assertThat(mk.createdBy()).hasValueSatisfying(s -> assertThat(s).startsWith("mktorrent"));

        Metainfo ours = TorrentCreator.from(root).announce(ANNOUNCE).pieceLength(32768).creationDate(null).create();
        assertThat(ours.infoHash()).isEqualTo(mk.infoHash());
        assertThat(ours.info()).isEqualTo(mk.info());
        Path oursFile = Files.write(tmp.resolve("ours.torrent"), ours.toTorrentBytes());
        assertThat(libtorrent(oursFile)).isEqualTo(lt);
    }

    @Test
    void singleFileTorrentFromMktorrent(@TempDir Path tmp) throws Exception {
        write(tmp.resolve("movie.bin"), 3 * 65536 + 1, 7);
        Path torrent = tmp.resolve("single.torrent");
        run(tmp, MKTORRENT, "-a", ANNOUNCE, "-a", "udp://127.0.0.1:6969", "-p", "-l", "16", "-c", "a comment",
                "-o", torrent.toString(), "movie.bin");

        Metainfo mk = MetainfoParser.read(torrent);
        List<String> lt = libtorrent(torrent);
        assertThat(mk.infoHash().hex()).isEqualTo(lt.get(0));
        assertThat(layout(mk)).containsExactlyElementsOf(lt.subList(1, lt.size()));
        assertThat(mk.info().singleFile()).isTrue();
        assertThat(mk.info().isPrivate()).isTrue();
        assertThat(mk.info().pieceCount()).isEqualTo(4);
        assertThat(mk.trackerTiers()).containsExactly(List.of(ANNOUNCE), List.of("udp://127.0.0.1:6969"));
        assertThat(mk.comment()).contains("a comment");
        assertThat(mk.creationDate()).isPresent();

        Metainfo ours = TorrentCreator.from(tmp.resolve("movie.bin")).announce(ANNOUNCE)
                .announce("udp://127.0.0.1:6969").privateFlag(true).pieceLength(65536).create();
        assertThat(ours.infoHash()).isEqualTo(mk.infoHash());
    }

    private static List<String> layout(Metainfo m) {
        List<String> out = new ArrayList<>();
        for (FileEntry f : m.info().files()) {
            out.add(f.displayPath() + "\t" + f.length() + "\t" + f.offset());
        }
        return out;
    }

    private static void write(Path p, int size, long seed) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, TorrentCreatorTest.randomBytes(seed, size));
    }

    private static List<String> libtorrent(Path torrent) throws Exception {
        return run(torrent.getParent(), PYTHON, "-c", LIBTORRENT_DUMP, torrent.toString());
    }

    private static List<String> run(Path dir, String... command) throws Exception {
        assertThat(Path.of(command[0])).as(command[0] + " is needed (Debian packages mktorrent and "
                + "python3-libtorrent; see scripts/install-test-deps)").isExecutable();
        Path log = Files.createTempFile(dir, "process", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(command[0] + " did not finish in 60 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(command[0] + " output: " + out).isZero();
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
            Files.delete(log);
        }
    }
}
