package org.swarmbid.core.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a torrent as storage sees it: a path relative to the download root and a length in bytes.
 *
 * <p>The path is taken as given: lexical sanitising is the metainfo layer's job, and {@link FileStorage} refuses
 * again any path that would leave its root, so this record only rejects what can never be a file.
 *
 * @param path   relative path, including the torrent's top directory for a multi-file torrent
 * @param length size in bytes, zero allowed, never negative
 */
public record FileEntry(Path path, long length) {

    public FileEntry {
        Objects.requireNonNull(path, "path");
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("empty file path");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for file " + path);
        }
    }

    /** Shorthand for tests and callers holding text paths. */
    public static FileEntry of(String path, long length) {
        return new FileEntry(Path.of(path), length);
    }
}
