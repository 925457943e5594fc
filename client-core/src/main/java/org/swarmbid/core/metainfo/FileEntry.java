package org.swarmbid.core.metainfo;

import java.util.List;

/**
 * One file of a torrent, laid out in the torrent's byte stream (BEP 3: the files of a multi-file torrent are
 * concatenated in the order of the info dictionary, and pieces run across file boundaries).
 *
 * <pre>
 *   stream: |---- file 0 ----|-- file 1 --||------- file 3 -------|     (file 2 has length 0)
 *           ^offset 0        ^offset 0+len0                      ^totalLength
 * </pre>
 *
 * @param path   the relative path under the download folder, already sanitised by {@link PathSanitizer}: for a
 *               single-file torrent {@code [name]}, for a multi-file torrent {@code [name, dir..., file]}
 * @param length the file's length in bytes (a long: files over 4 GiB are common)
 * @param offset where the file starts in the torrent's byte stream
 */
public record FileEntry(List<String> path, long length, long offset) {

    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty() || path.size() > PathSanitizer.MAX_DEPTH + 1) {
            throw new IllegalArgumentException("a file path has 1 to " + (PathSanitizer.MAX_DEPTH + 1)
                    + " elements, not " + path.size());
        }
        for (String e : path) {
            if (!PathSanitizer.isSafeAsIs(e)) {
                throw new IllegalArgumentException("path element " + PathSanitizer.quote(e) + " is not sanitised");
            }
        }
        if (length < 0 || offset < 0 || length > Long.MAX_VALUE - offset) {
            throw new IllegalArgumentException("bad length " + length + " or offset " + offset);
        }
    }

    /** The offset just past this file's last byte in the torrent's byte stream. */
    public long end() {
        return offset + length;
    }

    /** The path joined with {@code /}, for display and logs. */
    public String displayPath() {
        return String.join("/", path);
    }
}
