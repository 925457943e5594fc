package org.swarmbid.ui.details;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.api.TrackerStatus;

/** What the details pane shows for the selected torrent. FX thread only. */
public final class DetailsModel {
    final ObjectProperty<TorrentStatus> status = new SimpleObjectProperty<>();
    final StringProperty saveDir = new SimpleStringProperty("");
    final ObservableList<FileRow> files = FXCollections.observableArrayList();
    final ObservableList<PeerStatus> peers = FXCollections.observableArrayList();
    final ObservableList<TrackerStatus> trackers = FXCollections.observableArrayList();
    /** The verified pieces of the last snapshot (the pieces bar draws these). */
    final ObjectProperty<java.util.BitSet> pieces = new SimpleObjectProperty<>(new java.util.BitSet());

    public ObjectProperty<TorrentStatus> statusProperty() {
        return status;
    }

    public ObservableList<FileRow> files() {
        return files;
    }

    public ObservableList<PeerStatus> peers() {
        return peers;
    }

    public ObservableList<TrackerStatus> trackers() {
        return trackers;
    }

    /** The verified pieces as of the last snapshot (a copy; the pieces bar draws these). */
    public java.util.BitSet pieces() {
        return (java.util.BitSet) pieces.get().clone();
    }
}
