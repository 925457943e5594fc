package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Byte-for-byte comparison and SHA-256 manifests of directory trees (or single files). */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Asserts that {@code actual} holds exactly the regular files of {@code expected} (same relative paths, sizes
     * and bytes; no file missing, none extra). Either may also be a single regular file. The message names every
     * missing and extra file and the first differing byte offset of each differing file.
     */
    public static void assertSameTree(Path expected, Path actual) {
        SortedMap<String, Path> want = listFiles(expected);
        SortedMap<String, Path> got = listFiles(actual);
        List<String> problems = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(want.keySet());
        all.addAll(got.keySet());
        for (String rel : all) {
            Path w = want.get(rel);
            Path g = got.get(rel);
            if (g == null) {
                problems.add("missing " + rel);
            } else if (w == null) {
                problems.add("extra " + rel);
            } else {
                try {
                    long ws = Files.size(w);
                    long gs = Files.size(g);
                    long at = Files.mismatch(w, g);
                    if (ws != gs) {
                        problems.add(rel + ": size " + gs + ", expected " + ws);
                    } else if (at >= 0) {
                        problems.add(rel + ": first differing byte at offset " + at);
                    }
                } catch (IOException e) {
                    problems.add(rel + ": cannot compare: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("trees differ: " + actual + " vs expected " + expected + ":\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 50)))
                    + (problems.size() > 50 ? "\n  ... " + (problems.size() - 50) + " more" : ""));
        }
    }

    /** SHA-256 (hex) of every regular file under {@code root}, by relative path with forward slashes. */
    public static SortedMap<String, String> sha256(Path root) {
        SortedMap<String, String> out = new TreeMap<>();
        listFiles(root).forEach((rel, file) -> out.put(rel, sha256File(file)));
        return out;
    }

    /** Relative path (forward slashes; the file name for a single file) to file, for every regular file. */
    public static SortedMap<String, Path> listFiles(Path root) {
        SortedMap<String, Path> out = new TreeMap<>();
        if (Files.isRegularFile(root)) {
            out.put(root.getFileName().toString(), root);
            return out;
        }
        if (!Files.isDirectory(root)) {
            throw new AssertionError("no such file or directory: " + root);
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    private static String sha256File(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
