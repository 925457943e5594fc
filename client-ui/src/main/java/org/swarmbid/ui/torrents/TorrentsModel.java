package org.swarmbid.ui.torrents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;

/**
 * The torrent list's state: rows keyed by info-hash, the selection, and totals for the status bar. Engine events
 * are applied in order with {@link #apply}; FX thread only.
 */
public final class TorrentsModel {
    private final ObservableList<TorrentRow> rows = FXCollections.observableArrayList();
    private final Map<String, TorrentRow> byHash = new HashMap<>();
    private final ObjectProperty<TorrentRow> selected = new SimpleObjectProperty<>();
    private final LongProperty totalDownload = new SimpleLongProperty();
    private final LongProperty totalUpload = new SimpleLongProperty();
    private final IntegerProperty connections = new SimpleIntegerProperty();
    private final IntegerProperty seeding = new SimpleIntegerProperty();
    private final IntegerProperty downloading = new SimpleIntegerProperty();
    /** The selected row's status, kept current (null without a selection). */
    private final ObjectProperty<TorrentStatus> selectedStatus = new SimpleObjectProperty<>();
    private final javafx.beans.value.ChangeListener<TorrentStatus> followSelected =
            (o, a, b) -> selectedStatus.set(b);
    private BiConsumer<String, String> errors = (hash, message) -> { };

    public TorrentsModel() {
        selected.addListener((o, before, after) -> {
            if (before != null) {
                before.statusProperty().removeListener(followSelected);
            }
            if (after != null) {
                after.statusProperty().addListener(followSelected);
            }
            selectedStatus.set(after == null ? null : after.status());
        });
    }

    public ObservableList<TorrentRow> rows() {
        return rows;
    }

    public ObjectProperty<TorrentRow> selectedProperty() {
        return selected;
    }

    /** The selected row's status as it changes (read-only for callers). */
    public javafx.beans.value.ObservableValue<TorrentStatus> selectedStatusProperty() {
        return selectedStatus;
    }

    public LongProperty totalDownloadProperty() {
        return totalDownload;
    }

    public LongProperty totalUploadProperty() {
        return totalUpload;
    }

    public IntegerProperty connectionsProperty() {
        return connections;
    }

    public IntegerProperty seedingProperty() {
        return seeding;
    }

    public IntegerProperty downloadingProperty() {
        return downloading;
    }

    /** Where {@link SessionEvent.TorrentError}s go (info-hash, one-line message). */
    void onError(BiConsumer<String, String> handler) {
        this.errors = handler;
    }

    public java.util.Optional<TorrentRow> row(String infoHash) {
        return java.util.Optional.ofNullable(byHash.get(infoHash));
    }

    /** Adds a row or updates it with a snapshot. */
    public void put(TorrentStatus s) {
        TorrentRow r = byHash.get(s.infoHash());
        if (r == null) {
            r = new TorrentRow(s);
            byHash.put(s.infoHash(), r);
            rows.add(r);
        } else {
            r.update(s);
        }
    }

    /** Drops a row (selection included). */
    public void remove(String infoHash) {
        TorrentRow r = byHash.remove(infoHash);
        if (r != null) {
            rows.remove(r);
            if (selected.get() == r) {
                selected.set(null);
            }
        }
    }

    /** Applies one batch of engine events, in order, then recomputes the totals. */
    public void apply(List<SessionEvent> events) {
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.TorrentAdded a) {
                put(a.status());
            } else if (e instanceof SessionEvent.TorrentRemoved r) {
                remove(r.infoHash());
            } else if (e instanceof SessionEvent.StatusDiff d) {
                for (TorrentStatus s : d.changed()) {
                    if (byHash.containsKey(s.infoHash())) {
                        put(s);
                    }
                }
            } else if (e instanceof SessionEvent.TorrentError err) {
                errors.accept(err.infoHash(), err.message());
            }
        }
        recomputeTotals();
    }

    void recomputeTotals() {
        long down = 0;
        long up = 0;
        int peers = 0;
        int seed = 0;
        int leech = 0;
        for (TorrentRow r : rows) {
            TorrentStatus s = r.status();
            down += s.downloadRate();
            up += s.uploadRate();
            peers += s.peers();
            if (s.state() == TorrentState.SEEDING) {
                seed++;
            } else if (s.state() == TorrentState.DOWNLOADING) {
                leech++;
            }
        }
        totalDownload.set(down);
        totalUpload.set(up);
        connections.set(peers);
        seeding.set(seed);
        downloading.set(leech);
    }

    /** Adds the current rates of every row to its speed history. */
    public void sample(long epochSecond) {
        for (TorrentRow r : rows) {
            r.sample(epochSecond);
        }
    }
}
