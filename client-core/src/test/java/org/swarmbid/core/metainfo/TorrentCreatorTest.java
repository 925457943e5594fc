package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TorrentCreatorTest {

    static byte[] randomBytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** SHA-1 of each piece of the concatenated bytes, computed independently of the creator. */
    static byte[] expectedPieces(byte[] stream, int pieceLength) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < stream.length; off += pieceLength) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(stream, off, Math.min(pieceLength, stream.length - off));
            out.write(md.digest());
        }
        return out.toByteArray();
    }

    static byte[] allPieces(InfoDictionary d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < d.pieceCount(); i++) {
            out.writeBytes(d.pieceHash(i));
        }
        return out.toByteArray();
    }

    @Test
    void singleFile(@TempDir Path tmp) throws Exception {
        byte[] data = randomBytes(1, 100_000);
        Path f = Files.write(tmp.resolve("data.bin"), data);
        Instant when = Instant.parse("2024-05-01T12:00:00.750Z");
        Metainfo m = TorrentCreator.from(f).announce("http://127.0.0.1:6969/announce").comment("test")
                .privateFlag(true).pieceLength(32768).creationDate(when).threads(3).create();

        InfoDictionary d = m.info();
        assertThat(d.singleFile()).isTrue();
        assertThat(d.name()).isEqualTo("data.bin");
        assertThat(d.files()).containsExactly(new FileEntry(List.of("data.bin"), 100_000, 0));
        assertThat(d.pieceLength()).isEqualTo(32768);
        assertThat(d.isPrivate()).isTrue();
        assertThat(allPieces(d)).isEqualTo(expectedPieces(data, 32768));
        assertThat(m.announce()).contains("http://127.0.0.1:6969/announce");
        assertThat(m.announceList()).isEmpty();
        assertThat(m.comment()).contains("test");
        assertThat(m.createdBy()).contains("Swarmbid/0.1.0");
        assertThat(m.creationDate()).contains(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(MetainfoParser.parse(m.toTorrentBytes())).isEqualTo(m);
    }

    @Test
    void directoryWithNestedEmptyAndHiddenFilesAndSymlinks(@TempDir Path tmp) throws Exception {
        Path outside = Files.write(tmp.resolve("secret.txt"), "do not share".getBytes());
        Path root = Files.createDirectories(tmp.resolve("Album"));
        Map<String, byte[]> content = new TreeMap<>();
        content.put("b/02.flac", randomBytes(2, 70_000));
        content.put("a.txt", randomBytes(3, 10));
        content.put("b/01.flac", randomBytes(4, 50_000));
        content.put("empty", new byte[0]);
        content.put(".hidden/x", randomBytes(5, 3));
        content.put("Z", randomBytes(6, 1));
        for (Map.Entry<String, byte[]> e : content.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Files.createSymbolicLink(root.resolve("b/link-dir"), tmp);
        Files.createDirectories(root.resolve("empty-dir"));

        Metainfo m = TorrentCreator.from(root).pieceLength(16384).creationDate(null)
                .announceTier(List.of("http://127.0.0.1:1/a", "http://127.0.0.1:2/a"))
                .announce("udp://127.0.0.1:3").webSeeds(List.of("http://127.0.0.1:8080/")).create();

        // sorted by path bytes: '.' < 'Z' < 'a' < 'b' < 'e'
        List<String> order = List.of(".hidden/x", "Z", "a.txt", "b/01.flac", "b/02.flac", "empty");
        assertThat(m.info().files()).extracting(FileEntry::displayPath)
                .containsExactlyElementsOf(order.stream().map(s -> "Album/" + s).toList());
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        long offset = 0;
        for (int i = 0; i < order.size(); i++) {
            byte[] b = content.get(order.get(i));
            assertThat(m.info().files().get(i).offset()).isEqualTo(offset);
            assertThat(m.info().files().get(i).length()).isEqualTo(b.length);
            offset += b.length;
            stream.writeBytes(b);
        }
        assertThat(m.info().singleFile()).isFalse();
        assertThat(allPieces(m.info())).isEqualTo(expectedPieces(stream.toByteArray(), 16384));
        assertThat(m.announce()).contains("http://127.0.0.1:1/a");
        assertThat(m.announceList()).containsExactly(List.of("http://127.0.0.1:1/a", "http://127.0.0.1:2/a"),
                List.of("udp://127.0.0.1:3"));
        assertThat(m.urlList()).containsExactly("http://127.0.0.1:8080/");
        assertThat(m.creationDate()).isEmpty();

        Metainfo noHidden = TorrentCreator.from(root).pieceLength(16384).skipHidden(true).create();
        assertThat(noHidden.info().files()).extracting(FileEntry::displayPath).doesNotContain("Album/.hidden/x")
                .hasSize(5);
    }

    @Test
    void refusesNamesThatDownloadersWouldChangeAndEmptySources(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("r"));
        Files.write(root.resolve("CON.txt"), new byte[] {1});
        assertThatThrownBy(() -> TorrentCreator.from(root).create()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot share 'CON.txt': path element 'CON.txt' would be renamed to '_CON.txt' by "
                        + "downloaders; rename it first");
        Files.delete(root.resolve("CON.txt"));
        Files.write(root.resolve("a\\b"), new byte[] {1});
        assertThatThrownBy(() -> TorrentCreator.from(root).create())
                .hasMessage("cannot share 'a\\b': path element 'a\\b' contains '\\'");
        Files.delete(root.resolve("a\\b"));
        Files.write(root.resolve("zero"), new byte[0]);
        assertThatThrownBy(() -> TorrentCreator.from(root).create())
                .hasMessageStartingWith("nothing to share: ").hasMessageEndingWith(" has no data");
        assertThatThrownBy(() -> TorrentCreator.from(tmp.resolve("missing")).create())
                .hasMessageStartingWith("not a file or directory");
        assertThatThrownBy(() -> TorrentCreator.from(root).pieceLength(20_000))
                .hasMessage("piece length must be a power of two from 16 KiB to 256 MiB, not 20000");
        assertThatThrownBy(() -> TorrentCreator.from(root).name(".."))
                .hasMessage("cannot share '..': torrent name '..' is not allowed");
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "1, 16384",
        "32768000, 16384",       // exactly 2000 pieces of 16 KiB
        "32768001, 32768",
        "1073741824, 1048576",   // 1 GiB -> 1024 pieces
        "1610612736, 1048576",   // 1.5 GiB -> 1536 pieces
        "2147483649, 2097152",   // 2 GiB + 1 -> 1025 pieces
        "109951162777600, 16777216", // 100 TiB: clamped at 16 MiB
    })
    void automaticPieceLength(long total, int expected) {
        assertThat(TorrentCreator.autoPieceLength(total)).isEqualTo(expected);
    }

    @Test
    void automaticPieceCountStaysBetween1000And2000() {
        for (long total = 16_384_000; total <= 2000L * (16 << 20); total = total * 3 / 2) { // unclamped range
            int p = TorrentCreator.autoPieceLength(total);
            long count = (total + p - 1) / p;
            assertThat(count).as("total %d, piece %d", total, p).isBetween(1000L, 2000L);
            assertThat(Integer.bitCount(p)).isEqualTo(1);
        }
    }

    @Test
    void reportsProgressOnTheCallingThreadAndCanBeCancelled(@TempDir Path tmp) throws Exception {
        Path f = Files.write(tmp.resolve("f"), randomBytes(7, 3 << 20));
        List<long[]> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Metainfo m = TorrentCreator.from(f).pieceLength(16384).threads(2).progress((done, total) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            calls.add(new long[] {done, total});
        }).create();
        assertThat(m.info().pieceCount()).isEqualTo(192);
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(3 << 20, 3 << 20);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
        }

        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> TorrentCreator.from(f).pieceLength(16384).cancelWhen(() -> polls.incrementAndGet() > 0)
                .create()).isInstanceOf(CancellationException.class).hasMessage("torrent creation cancelled");
        assertThat(polls.get()).isEqualTo(1);
    }

    @Property(tries = 25)
    void createdTorrentsParseBackToTheSameFilesAndHashes(@ForAll("trees") Map<List<String>, Integer> tree,
            @ForAll("pieceLengths") int pieceLength) throws Exception {
        Path tmp = Files.createTempDirectory("swarmbid-creator");
        try {
            Path root = Files.createDirectories(tmp.resolve("root"));
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<List<String>> sorted = new ArrayList<>(tree.keySet());
            sorted.sort(TorrentCreator::compareUtf8Paths);
            long seed = 0;
            for (List<String> path : sorted) {
                byte[] data = randomBytes(seed++, tree.get(path));
                Path p = root.resolve(String.join("/", path));
                Files.createDirectories(p.getParent());
                Files.write(p, data);
                stream.writeBytes(data);
            }
            if (stream.size() == 0) {
                assertThatThrownBy(() -> TorrentCreator.from(root).create())
                        .isInstanceOf(IllegalArgumentException.class);
                return;
            }
            TorrentCreator c = TorrentCreator.from(root).announce("http://127.0.0.1:6969/announce");
            if (pieceLength > 0) {
                c.pieceLength(pieceLength);
            }
            Metainfo m = c.create();
            Metainfo parsed = MetainfoParser.parse(m.toTorrentBytes());
            assertThat(parsed).isEqualTo(m);
            assertThat(parsed.infoHash()).isEqualTo(m.infoHash());
            assertThat(parsed.info().files()).extracting(FileEntry::path)
                    .containsExactlyElementsOf(sorted.stream().map(p -> concat("root", p)).toList());
            assertThat(parsed.info().files()).extracting(FileEntry::length)
                    .containsExactlyElementsOf(sorted.stream().map(p -> (long) tree.get(p)).toList());
            int pl = parsed.info().pieceLength();
            assertThat(pl).isEqualTo(pieceLength > 0 ? pieceLength : TorrentCreator.autoPieceLength(stream.size()));
            assertThat(allPieces(parsed.info())).isEqualTo(expectedPieces(stream.toByteArray(), pl));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    @Provide
    Arbitrary<Integer> pieceLengths() {
        return Arbitraries.of(0, 16384, 32768, 65536);
    }

    @Provide
    Arbitrary<Map<List<String>, Integer>> trees() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("Ä", "日本", ".dot", "x y", "A", "B-1", "b_2"));
        Arbitrary<List<String>> paths = names.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.of(0, 1, 16383, 16384, 16385),
                Arbitraries.integers().between(0, 100_000));
        return Arbitraries.maps(paths, sizes).ofMinSize(1).ofMaxSize(8)
                .filter(TorrentCreatorTest::noFileIsADirectory);
    }

    private static boolean noFileIsADirectory(Map<List<String>, Integer> tree) {
        for (List<String> a : tree.keySet()) {
            for (List<String> b : tree.keySet()) {
                if (a != b && b.size() > a.size() && b.subList(0, a.size()).equals(a)) {
                    return false;
                }
            }
        }
        return true;
    }
}
