package org.swarmbid.core.metainfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeWriter;

/**
 * Generates the hostile torrent files under {@code src/test/resources/torrents/hostile/}. They were generated once
 * and committed; {@link HostileTorrentTest} checks that the committed bytes still equal this generator's output,
 * so a change here must be followed by a rerun:
 * <pre>
 *   java -cp client-core/target/classes:client-core/target/test-classes:$(deps) \
 *       org.swarmbid.core.metainfo.HostileTorrentFixtures client-core/src/test/resources/torrents/hostile
 * </pre>
 */
public final class HostileTorrentFixtures {
    static final String DIR = "/torrents/hostile/";
    static final int PIECE = 32 * 1024;

    private HostileTorrentFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** File name to content, in a fixed order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("path-traversal.torrent", multi(file(1, "a"), file(1, "b"), file(1, "c"), file(1, "a", "..", "..", "x")));
        m.put("absolute-path.torrent", multi(file(1, "/etc/passwd")));
        m.put("absolute-path-empty-element.torrent", multi(file(1, "", "etc", "passwd")));
        m.put("drive-letter.torrent", multi(file(1, "C:\\x")));
        m.put("backslash-traversal.torrent", multi(file(1, "a\\..\\..\\x")));
        m.put("name-traversal.torrent", encode(top(single("..", 10, pieces(1)))));
        m.put("negative-length.torrent", encode(top(single("neg", -1, pieces(0)))));
        m.put("negative-file-length.torrent", multi(file(10, "a"), file(-5, "b")));
        m.put("length-overflow.torrent", multi(file(Long.MAX_VALUE, "a"), file(1, "b")));
        m.put("pieces-not-multiple-of-20.torrent",
                encode(top(info("x", PIECE, new byte[59]).put("length", 10).build())));
        m.put("piece-count-mismatch.torrent", encode(top(single("x", 5L * PIECE - 1, pieces(4)))));
        m.put("deep-nesting.torrent", deepNesting(10_000));
        m.put("deep-path.torrent", multi(file(1, repeat("d", 10_000))));
        byte[] whole = multi(file(100, "a"), file(200, "b"));
        m.put("truncated.torrent", Arrays.copyOf(whole, whole.length / 2));
        m.put("wrong-type-length.torrent",
                encode(top(info("x", PIECE, pieces(1)).put("length", BString.of("10")).build())));
        m.put("wrong-type-info.torrent", encode(BDict.builder().put("info", BList.of(BString.of("x"))).build()));
        m.put("wrong-type-path.torrent", encode(top(info("x", PIECE, pieces(1))
                .put("files", BList.of(BDict.builder().put("length", 1).put("path", "a/b").build())).build())));
        m.put("wrong-type-announce-list.torrent", encode(BDict.builder()
                .put("announce-list", BList.of(BString.of("http://127.0.0.1/announce")))
                .put("info", single("x", 1, pieces(1))).build()));
        m.put("empty-name.torrent", encode(top(single("", 10, pieces(1)))));
        m.put("zero-piece-length.torrent", encode(top(info("x", 0, pieces(1)).put("length", 10).build())));
        m.put("huge-piece-length.torrent", encode(top(info("x", 1L << 30, pieces(1)).put("length", 10).build())));
        m.put("nul-in-name.torrent", encode(top(single("a\u0000b", 10, pieces(1)))));
        m.put("control-character.torrent", multi(file(1, "evil\u001b[31m")));
        m.put("long-element.torrent", multi(file(1, "x".repeat(300))));
        m.put("duplicate-path.torrent", multi(file(1, "a", "b"), file(1, "a", "b")));
        m.put("file-as-directory.torrent", multi(file(1, "a"), file(1, "a", "b")));
        m.put("not-a-dictionary.torrent", "li1ee".getBytes(StandardCharsets.US_ASCII));
        m.put("missing-info.torrent", encode(BDict.builder().put("announce", "http://127.0.0.1/a").build()));
        m.put("length-and-files.torrent", encode(top(info("x", PIECE, pieces(1)).put("length", 1)
                .put("files", BList.of(fileDict(1, "a"))).build())));
        m.put("zero-total-length.torrent", multi(file(0, "a"), file(0, "b")));
        m.put("empty-files.torrent", encode(top(info("x", PIECE, pieces(0)).put("files", new BList(List.of())).build())));
        m.put("v2-only.torrent", encode(top(BDict.builder().put("name", "x").put("piece length", PIECE)
                .put("meta version", 2).put("file tree", BDict.empty()).build())));
        return m;
    }

    private record F(long length, List<String> path) {
    }

    private static F file(long length, String... path) {
        return new F(length, List.of(path));
    }

    private static F file(long length, List<String> path) {
        return new F(length, path);
    }

    private static List<String> repeat(String element, int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(element);
        }
        return l;
    }

    private static BDict fileDict(long length, String... path) {
        return BDict.builder().put("length", length)
                .put("path", new BList(Arrays.stream(path).<BValue>map(BString::of).toList())).build();
    }

    /** A multi-file torrent whose piece count is right when the total fits in a long. */
    private static byte[] multi(F... files) {
        List<BValue> entries = new ArrayList<>();
        long total = 0;
        for (F f : files) {
            entries.add(BDict.builder().put("length", f.length)
                    .put("path", new BList(f.path.stream().<BValue>map(BString::of).toList())).build());
            total += f.length;
        }
        int count = total <= 0 ? 0 : (int) Math.min(1000, (total + PIECE - 1) / PIECE);
        return encode(top(info("multi", PIECE, pieces(count)).put("files", new BList(entries)).build()));
    }

    private static BDict single(String name, long length, byte[] pieces) {
        return info(name, PIECE, pieces).put("length", length).build();
    }

    private static BDict.Builder info(String name, long pieceLength, byte[] pieces) {
        return BDict.builder().put("name", name).put("piece length", pieceLength).put("pieces", pieces);
    }

    private static byte[] pieces(int count) {
        byte[] p = new byte[count * 20];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7 + 1);
        }
        return p;
    }

    private static BDict top(BDict info) {
        return BDict.builder().put("announce", "http://127.0.0.1:6969/announce").put("info", info).build();
    }

    private static byte[] encode(BValue v) {
        return BencodeWriter.encode(v);
    }

    /** {@code d8:announce...4:infod...e1:x lll...eee e}: a valid torrent with a 10,000-deep list after it. */
    private static byte[] deepNesting(int depth) {
        byte[] valid = encode(top(single("x", 1, pieces(1))));
        String tail = "1:x" + "l".repeat(depth) + "e".repeat(depth);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(valid, valid.length - 1 + t.length + 1);
        System.arraycopy(t, 0, out, valid.length - 1, t.length);
        out[out.length - 1] = 'e';
        return out;
    }
}
