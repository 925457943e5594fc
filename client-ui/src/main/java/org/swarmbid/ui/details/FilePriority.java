package org.swarmbid.ui.details;

import org.swarmbid.core.api.TorrentHandle;

/**
 * The file priorities offered in the files table, on the engine's 0..7 scale ({@code
 * TorrentHandle.setFilePriority}, libtorrent's convention): skip 0, low 1, normal 4 (every file's level until
 * changed), high 7.
 *
 * <p>Levels the table cannot set (2, 3, 5, 6: another tool, a future build) are shown by the side of normal they
 * are on, not by the nearest number: the picker's levels are strict, so a file at 5 is downloaded before every
 * normal file exactly like one at 7, and one at 3 after them like one at 1. Showing a label never changes the
 * engine's level; only choosing one does.
 */
public enum FilePriority {
    SKIP(TorrentHandle.SKIP_PRIORITY),
    LOW(TorrentHandle.LOW_PRIORITY),
    NORMAL(TorrentHandle.DEFAULT_PRIORITY),
    HIGH(TorrentHandle.TOP_PRIORITY);

    private final int level;

    FilePriority(int level) {
        this.level = level;
    }

    /** The engine's priority level. */
    public int level() {
        return level;
    }

    /** The choice for an engine level: 0 (or less) skip, 1..3 low, 4 normal, 5..7 (or more) high. */
    public static FilePriority of(int level) {
        if (level <= SKIP.level) {
            return SKIP;
        }
        if (level < NORMAL.level) {
            return LOW;
        }
        return level == NORMAL.level ? NORMAL : HIGH;
    }
}
