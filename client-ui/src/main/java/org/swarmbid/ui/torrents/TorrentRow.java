package org.swarmbid.ui.torrents;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.ui.common.TokenAmount;

/**
 * One torrent in the list: the latest engine snapshot, the earnings, and a short rate history for the speed graph.
 * FX thread only.
 */
public final class TorrentRow {
    /** One point of the speed graph. */
    public record Sample(long epochSecond, long downloadRate, long uploadRate) {
    }

    /** Samples kept per torrent: five minutes at one a second. */
    public static final int HISTORY = 300;
    private final String infoHash;
    private final ObjectProperty<TorrentStatus> status;
    private final ObjectProperty<Optional<TokenAmount>> earned = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<TokenAmount>> spent = new SimpleObjectProperty<>(Optional.empty());
    private final Deque<Sample> history = new ArrayDeque<>();

    TorrentRow(TorrentStatus first) {
        this.infoHash = first.infoHash();
        this.status = new SimpleObjectProperty<>(first);
    }

    public String infoHash() {
        return infoHash;
    }

    public ReadOnlyObjectProperty<TorrentStatus> statusProperty() {
        return status;
    }

    public TorrentStatus status() {
        return status.get();
    }

    void update(TorrentStatus s) {
        status.set(s);
    }

    public ObjectProperty<Optional<TokenAmount>> earnedProperty() {
        return earned;
    }

    public ObjectProperty<Optional<TokenAmount>> spentProperty() {
        return spent;
    }

    /** Appends the current rates to the history (drops the oldest beyond {@link #HISTORY}). */
    void sample(long epochSecond) {
        TorrentStatus s = status.get();
        history.addLast(new Sample(epochSecond, s.downloadRate(), s.uploadRate()));
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** The rate history, oldest first. */
    public java.util.List<Sample> history() {
        return java.util.List.copyOf(history);
    }
}
