package org.swarmbid.core.storage;

/**
 * What fast resume remembers of a file on disk: its size and last-modified time.
 *
 * @param size              size in bytes, or -1 when the file did not exist
 * @param lastModifiedNanos modification time in nanoseconds since the epoch (as precise as the file system
 *                          reports it), 0 when the file did not exist
 */
public record FileState(long size, long lastModifiedNanos) {

    /** The state of a file that is not on disk. */
    public static final FileState MISSING = new FileState(-1, 0);

    public FileState {
        if (size < -1) {
            throw new IllegalArgumentException("file size " + size);
        }
    }

    public boolean exists() {
        return size >= 0;
    }
}
