package org.swarmbid.ui.details;

import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.util.Duration;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.FileEntry;
import org.swarmbid.ui.Screen;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.torrents.TorrentLibrary;
import org.swarmbid.ui.torrents.TorrentRow;

/**
 * The details pane of the selected torrent. Follows the row's status (which the list keeps current from the
 * engine's diffs), and once a second while visible redraws the speed graph and takes a snapshot in the background:
 * peers, the verified pieces (the pieces bar) and the verified bytes per file. The first snapshot after a selection
 * also reads the file priorities back from the engine. A priority change goes to the engine at once and to the
 * library in the background.
 */
public final class DetailsController implements Screen {
    /** The pane's id. */
    public static final String ID = "details";
    private final UiContext ctx;
    private final Session session;
    private final TorrentLibrary library;
    private final ReadOnlyObjectProperty<TorrentRow> selected;
    private final DetailsModel model = new DetailsModel();
    private final DetailsView view;
    private final Timeline ticker;
    private final ChangeListener<TorrentStatus> statusListener = (o, a, b) -> showStatus(b);
    private boolean snapshotInFlight;
    /** The engine's priorities were read back for the selected torrent. */
    private boolean prioritiesRead;
    /** Set while rows take the engine's priorities, so the change is not sent back. */
    private boolean syncingPriorities;

    /** What the background takes from the engine once a second. */
    private record Snapshot(List<PeerStatus> peers, java.util.BitSet pieces, long[] files, int[] priorities) {
    }
    private boolean visible = true;

    public DetailsController(UiContext ctx, Session session, TorrentLibrary library,
            ReadOnlyObjectProperty<TorrentRow> selected) {
        this.ctx = ctx;
        this.session = session;
        this.library = library;
        this.selected = selected;
        this.view = new DetailsView(model, ctx.i18n(), ctx.formats());
        selected.addListener((o, before, after) -> select(before, after));
        select(null, selected.get());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return ctx.i18n().t("details.title");
    }

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onShow() {
        visible = true;
    }

    @Override
    public void onHide() {
        visible = false;
    }

    @Override
    public void close() {
        ticker.stop();
    }

    public DetailsModel model() {
        return model;
    }

    /** Shows one tab by id ({@code tab-files}, {@code tab-peers}, ...), for screenshots and tests. */
    public void showTab(String tabId) {
        view.tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> view.tabs.getSelectionModel().select(t));
    }

    /** Sets peers directly (screenshots with a fixed swarm); the next refresh replaces them. */
    public void showPeers(List<PeerStatus> peers) {
        model.peers.setAll(peers);
    }

    private void select(TorrentRow before, TorrentRow after) {
        if (before != null) {
            before.statusProperty().removeListener(statusListener);
        }
        model.files.clear();
        model.peers.clear();
        model.pieces.set(new java.util.BitSet());
        prioritiesRead = false;
        if (after == null) {
            showStatus(null);
            view.down.getData().clear();
            view.up.getData().clear();
            return;
        }
        after.statusProperty().addListener(statusListener);
        Optional<TorrentLibrary.Entry> entry = library.entry(after.infoHash());
        model.saveDir.set(entry.map(e -> e.saveDir().toString()).orElse(""));
        entry.ifPresent(e -> {
            List<FileEntry> files = e.metainfo().info().files();
            int[] prio = e.priorities();
            for (int i = 0; i < files.size(); i++) {
                FileRow row = new FileRow(i, files.get(i).displayPath(), files.get(i).length(),
                        FilePriority.of(prio[i]));
                row.priorityProperty().addListener((o, a, b) -> {
                    if (!syncingPriorities) {
                        setPriority(after.infoHash(), row, a, b);
                    }
                });
                model.files.add(row);
            }
        });
        showStatus(after.status());
        drawSpeed(after);
        refreshSnapshot();
    }

    private void showStatus(TorrentStatus s) {
        model.status.set(s);
        view.showStatus(s, model.saveDir.get());
        if (s == null) {
            model.trackers.clear();
        } else if (!model.trackers.equals(s.trackers())) {
            model.trackers.setAll(s.trackers());
        }
    }

    private void setPriority(String infoHash, FileRow row, FilePriority before, FilePriority after) {
        if (after == null || after == before) {
            return;
        }
        Optional<TorrentHandle> h = session.find(infoHash);
        if (h.isEmpty()) {
            return;
        }
        try {
            h.get().setFilePriority(row.index(), after.level());
        } catch (RuntimeException e) {
            Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.priority"), OneLine.of(e));
            row.priorityProperty().set(before);
            return;
        }
        ctx.background().execute(() -> {
            try {
                library.setPriority(infoHash, row.index(), after.level());
            } catch (java.io.IOException e) {
                Platform.runLater(() -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.saveState"),
                        OneLine.of(e)));
            }
        });
    }

    private void tick() {
        TorrentRow r = selected.get();
        if (r == null || !visible) {
            return;
        }
        drawSpeed(r);
        refreshSnapshot();
    }

    private void drawSpeed(TorrentRow r) {
        List<TorrentRow.Sample> h = r.history();
        long now = h.isEmpty() ? 0 : h.get(h.size() - 1).epochSecond();
        var down = new java.util.ArrayList<XYChart.Data<Number, Number>>(h.size());
        var up = new java.util.ArrayList<XYChart.Data<Number, Number>>(h.size());
        for (TorrentRow.Sample s : h) {
            down.add(new XYChart.Data<>(s.epochSecond() - now, s.downloadRate() / 1024.0));
            up.add(new XYChart.Data<>(s.epochSecond() - now, s.uploadRate() / 1024.0));
        }
        view.down.getData().setAll(down);
        view.up.getData().setAll(up);
    }

    private void refreshSnapshot() {
        TorrentRow r = selected.get();
        if (r == null || snapshotInFlight) {
            return;
        }
        Optional<TorrentHandle> h = session.find(r.infoHash());
        if (h.isEmpty()) {
            return;
        }
        snapshotInFlight = true;
        TorrentHandle t = h.get();
        ctx.background().run(() -> new Snapshot(t.peers(), t.pieces(), t.fileProgress(), t.filePriorities()),
                snap -> {
                    snapshotInFlight = false;
                    if (selected.get() == r) {
                        show(r, snap);
                    }
                }, err -> snapshotInFlight = false);
    }

    private void show(TorrentRow r, Snapshot snap) {
        model.peers.setAll(snap.peers());
        model.pieces.set(snap.pieces());
        view.pieces.draw(snap.pieces(), r.status().pieceCount());
        for (FileRow f : model.files) {
            if (f.index() < snap.files().length) {
                f.doneProperty().set(snap.files()[f.index()]);
            }
        }
        if (!prioritiesRead) {
            prioritiesRead = true;
            syncingPriorities = true;
            try {
                for (FileRow f : model.files) {
                    if (f.index() < snap.priorities().length) {
                        f.priorityProperty().set(FilePriority.of(snap.priorities()[f.index()]));
                    }
                }
            } finally {
                syncingPriorities = false;
            }
        }
    }
}
