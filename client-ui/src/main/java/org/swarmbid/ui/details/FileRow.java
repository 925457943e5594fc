package org.swarmbid.ui.details;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One file of the selected torrent. FX thread only. */
public final class FileRow {
    private final int index;
    private final String path;
    private final long size;
    private final ObjectProperty<FilePriority> priority;

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
}
