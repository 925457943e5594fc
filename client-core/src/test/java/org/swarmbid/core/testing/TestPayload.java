package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic pseudo-random payload on disk: the same {@code (totalBytes, seed)} always gives byte-identical
 * files, so seeders in different tests (or different JVMs) agree on the data and on the info-hash of the torrent
 * made from it.
 *
 * <p>The multi-file layout follows the shared harness's {@code mkdata.sh}: five small files of odd sizes (1 byte,
 * 1000 bytes, one smaller than any piece, ...) in nested folders, then 15 larger files weighted by the digits of
 * pi with odd offsets (so file boundaries fall inside pieces and pieces span several files), one of them in a folder
 * whose name has a space. The bytes come from SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), seeded per file with {@code seed} and the file's index.
 *
 * <p>Layout on disk: {@code saveDir/name/...} for a multi-file payload and {@code saveDir/name} for a single file,
 * so {@link #saveDir()} is what a client takes as its save path / download dir.
 */
public final class TestPayload {
    /** One payload file: path relative to the torrent root (forward slashes) and size. */
    public record Entry(String path, long size) {
    }

    private static final List<Entry> SMALL = List.of(new Entry("a.txt", 1), new Entry("b.txt", 1000),
            new Entry("docs/c.bin", 16_391), new Entry("docs/deep/nested/d.bin", 65_533),
            new Entry("docs/deep/e.bin", 300_000));
    private static final List<String> BIG = List.of("media/m01.bin", "media/m02.bin", "media/season1/m03.bin",
            "media/season1/m04.bin", "media/season1/extras/m05.bin", "data/x/y/z/m06.bin", "data/x/m07.bin",
            "data/m08.bin", "m09.bin", "m10.bin", "with space/m11.bin", "data/x/y/m12.bin", "media/m13.bin",
            "data/m14.bin", "m15.bin");
    private static final int[] WEIGHTS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};
    /** Smallest multi-file payload: the small files plus room for 15 non-empty large ones. */
    public static final long MIN_MULTI_FILE_BYTES = 1 << 20;

    private final Path saveDir;
    private final String name;
    private final boolean singleFile;
    private final List<Entry> files;

    private TestPayload(Path saveDir, String name, boolean singleFile, List<Entry> files) {
        this.saveDir = saveDir.toAbsolutePath();
        this.name = name;
        this.singleFile = singleFile;
        this.files = List.copyOf(files);
    }

    /** The 20-file layout described above, {@code totalBytes} in all (at least 1 MiB), under {@code saveDir/name}. */
    public static TestPayload multiFile(Path saveDir, String name, long totalBytes, long seed) {
        checkName(name);
        List<Entry> layout = multiFileLayout(totalBytes);
        TestPayload p = new TestPayload(saveDir, name, false, layout);
        for (int i = 0; i < layout.size(); i++) {
            Entry e = layout.get(i);
            write(p.root().resolve(e.path()), e.size(), seed, i);
        }
        return p;
    }

    /** One file {@code saveDir/name} of {@code size} bytes. */
    public static TestPayload singleFile(Path saveDir, String name, long size, long seed) {
        checkName(name);
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        TestPayload p = new TestPayload(saveDir, name, true, List.of(new Entry(name, size)));
        write(p.root(), size, seed, 0);
        return p;
    }

    /** The file list {@link #multiFile} writes for {@code totalBytes}, without writing anything. */
    public static List<Entry> multiFileLayout(long totalBytes) {
        if (totalBytes < MIN_MULTI_FILE_BYTES) {
            throw new IllegalArgumentException("a multi-file payload needs at least " + MIN_MULTI_FILE_BYTES
                    + " bytes, got " + totalBytes);
        }
        List<Entry> out = new ArrayList<>(SMALL);
        long used = SMALL.stream().mapToLong(Entry::size).sum();
        long rest = totalBytes - used;
        long weightSum = 0;
        for (int w : WEIGHTS) {
            weightSum += w;
        }
        long share = totalBytes - used;
        for (int i = 0; i < BIG.size(); i++) {
            long size = i == BIG.size() - 1 ? rest : share * WEIGHTS[i] / weightSum + (i % 2 == 1 ? 4099 : -4097);
            if (size <= 0) {
                throw new IllegalStateException("layout gave " + BIG.get(i) + " size " + size);
            }
            rest -= size;
            out.add(new Entry(BIG.get(i), size));
        }
        return out;
    }

    /** The save path: the directory that holds {@link #name()}. */
    public Path saveDir() {
        return saveDir;
    }

    /** The torrent's name: top directory (multi-file) or the file (single file) inside {@link #saveDir()}. */
    public String name() {
        return name;
    }

    /** {@code saveDir/name}: the directory (or file) a torrent is made from and compared against. */
    public Path root() {
        return saveDir.resolve(name);
    }

    public boolean isSingleFile() {
        return singleFile;
    }

    public List<Entry> files() {
        return files;
    }

    public long totalBytes() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    /**
     * Makes a .torrent for this payload with the real mktorrent.
     *
     * @param pieceLengthLog2 e.g. 18 for 256 KiB pieces
     */
    public TestTorrent makeTorrent(Path torrentFile, int pieceLengthLog2, String... announceUrls) {
        return Mktorrent.create(root(), torrentFile, pieceLengthLog2, List.of(announceUrls));
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad payload name '" + name + "'");
        }
    }

    private static void write(Path file, long size, long seed, int index) {
        long state = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + 1;
        byte[] buf = new byte[64 * 1024];
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(buf.length, left);
                    for (int i = 0; i < n; i += 8) {
                        state += 0x9E3779B97F4A7C15L;
                        long z = state;
                        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                        z ^= z >>> 31;
                        for (int b = 0; b < 8 && i + b < n; b++) {
                            buf[i + b] = (byte) (z >>> (8 * b));
                        }
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write payload file " + file, e);
        }
    }

    @Override
    public String toString() {
        return (singleFile ? "single-file" : files.size() + "-file") + " payload " + root() + " (" + totalBytes()
                + " bytes)";
    }
}
