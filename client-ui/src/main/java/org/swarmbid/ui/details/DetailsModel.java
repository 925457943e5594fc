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
}
