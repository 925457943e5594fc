package org.swarmbid.ui.details;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One file of the selected torrent. FX thread only. */
public final class FileRow {
    private final int index;
    private final String path;
    private final long size;
    private final ObjectProperty<FilePriority> priority;
    private final LongProperty done = new SimpleLongProperty(-1);

    FileRow(int index, String path, long size, FilePriority priority) {
        this.index = index;
        this.path = path;
        this.size = size;
        this.priority = new SimpleObjectProperty<>(priority);
    }

    public int index() {
        return index;
    }

    public String path() {
        return path;
    }

    public long size() {
        return size;
    }

    public ObjectProperty<FilePriority> priorityProperty() {
        return priority;
    }

    /** Verified bytes of this file (the engine's {@code fileProgress}), -1 until the first snapshot arrives. */
    public LongProperty doneProperty() {
        return done;
    }

    /** Fraction verified, 0..1 (0 before the first snapshot; an empty file counts as done). */
    public double progress() {
        long d = done.get();
        return d < 0 ? 0 : size == 0 ? 1 : Math.min(1.0, (double) d / size);
    }
}
