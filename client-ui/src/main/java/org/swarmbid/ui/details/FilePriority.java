package org.swarmbid.ui.details;

/**
 * The file priorities offered in the files table, mapped onto the engine's 0..7 scale ({@code
 * TorrentHandle.setFilePriority}: 0 skips the file, 1 is normal, 7 the highest). The engine has nothing below
 * normal, so there is no "low".
 */
public enum FilePriority {
    SKIP(0),
    NORMAL(1),
    HIGH(7);

    private final int level;

    FilePriority(int level) {
        this.level = level;
    }

    /** The engine's priority level. */
    public int level() {
        return level;
    }

    /** The choice for an engine level: 0 skip, 1 normal, above 1 high. */
    public static FilePriority of(int level) {
        return level <= 0 ? SKIP : level == 1 ? NORMAL : HIGH;
    }
}
