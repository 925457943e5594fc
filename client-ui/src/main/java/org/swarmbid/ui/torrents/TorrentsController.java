package org.swarmbid.ui.torrents;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.SessionListener;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.MagnetLink;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoException;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.ui.Screen;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.common.EarningsSource;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.common.TokenAmount;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.create.CreateTorrentController;

/**
 * The torrent list screen. Subscribes to the session's events (posted to the FX thread in batches), keeps the
 * {@link TorrentsModel}, and runs the toolbar's actions: parsing and library I/O in the background, engine calls
 * (which return at once) on the FX thread.
 */
public final class TorrentsController implements Screen {
    /** The screen id. */
    public static final String ID = "torrents";
    private static final int EARNINGS_EVERY_SECONDS = 5;
    private final UiContext ctx;
    private final Session session;
    private final TorrentLibrary library;
    private final EarningsSource earnings;
    private final Supplier<Path> downloadDir;
    private final TorrentsModel model = new TorrentsModel();
    private final Screen details;
    private final TorrentsView view;
    private final SessionListener listener;
    private final Timeline ticker;
    private final Set<String> shownErrors = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private int tick;

    /**
     * @param downloadDir where new torrents are saved (read when a torrent is added, so settings changes apply)
     * @param detailsPane makes the details pane shown under the list for the selected row
     */
    public TorrentsController(UiContext ctx, Session session, TorrentLibrary library, EarningsSource earnings,
            Supplier<Path> downloadDir,
            java.util.function.Function<javafx.beans.property.ReadOnlyObjectProperty<TorrentRow>, Screen> detailsPane) {
        this.ctx = ctx;
        this.session = session;
        this.library = library;
        this.earnings = earnings;
        this.downloadDir = downloadDir;
        this.details = detailsPane.apply(model.selectedProperty());
        this.view = new TorrentsView(model, ctx.i18n(), ctx.formats(), details.view());
        model.onError(this::engineError);
        view.table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty()
                .set(b));
        view.addFile.setOnAction(e -> chooseTorrentFile());
        view.addMagnet.setOnAction(e -> askMagnet());
        view.create.setOnAction(e -> openCreateDialog());
        view.start.setOnAction(e -> selectedHandle().ifPresent(h -> setPaused(h, false)));
        view.pause.setOnAction(e -> selectedHandle().ifPresent(h -> setPaused(h, true)));
        view.recheck.setOnAction(e -> selectedHandle().ifPresent(this::recheck));
        view.cancelCheck.setOnAction(e -> selectedHandle().ifPresent(this::cancelCheck));
        view.remove.setOnAction(e -> selectedRow().ifPresent(this::askRemove));
        Node table = view.table;
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(this::dragDropped);

        for (TorrentHandle h : session.torrents()) {
            model.put(h.status());
        }
        model.recomputeTotals();
        listener = events -> {
            if (!closed) {
                Platform.runLater(() -> {
                    if (!closed) {
                        model.apply(events);
                    }
                });
            }
        };
        session.addListener(listener);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> everySecond()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        refreshEarnings();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return ctx.i18n().t("nav.torrents");
    }

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onShow() {
        details.onShow();
    }

    @Override
    public void onHide() {
        details.onHide();
    }

    @Override
    public void close() {
        closed = true;
        ticker.stop();
        session.removeListener(listener);
        details.close();
    }

    public TorrentsModel model() {
        return model;
    }

    public Screen details() {
        return details;
    }

    /** Selects the row of this torrent (for tests, the tray and screenshots). */
    public void select(String infoHash) {
        model.row(infoHash).ifPresent(r -> view.table.getSelectionModel().select(r));
    }

    /** Reads, parses and adds a .torrent file; errors appear as a dialog with one line. */
    public void addTorrentFile(Path file) {
        ctx.background().run(() -> MetainfoParser.read(file), m -> add(m, downloadDir.get(), false),
                err -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.badTorrent",
                        String.valueOf(file.getFileName())), OneLine.of(err)));
    }

    /**
     * Adds parsed metainfo to the session and remembers it.
     *
     * @param trustData the data was just created here (seed without checking)
     */
    public void add(Metainfo m, Path saveDir, boolean trustData) {
        String hash = m.infoHash().hex();
        if (session.find(hash).isPresent()) {
            Dialogs.info(ctx.owner(), ctx.i18n(), ctx.i18n().t("info.duplicate.title"),
                    ctx.i18n().t("info.duplicate", m.info().name()));
            select(hash);
            return;
        }
        ctx.background().run(() -> {
            Files.createDirectories(saveDir);
            TorrentHandle h = session.add(m, new AddOptions(saveDir, false, trustData));
            library.remember(m, saveDir, false);
            return h;
        }, h -> {
            model.put(h.status());
            model.recomputeTotals();
            select(hash);
        }, err -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.addFailed", m.info().name()),
                OneLine.of(err)));
    }

    /**
     * Handles a magnet link: a malformed one gets its parse error, a valid one the message that magnet downloads
     * need metadata exchange (BEP 9), which the engine does not do yet.
     */
    public void addMagnet(String uri) {
        try {
            MagnetLink link = MagnetLink.parse(uri.strip());
            Dialogs.info(ctx.owner(), ctx.i18n(), ctx.i18n().t("magnet.unsupported.title"),
                    ctx.i18n().t("magnet.unsupported", link.displayName().orElse(link.infoHash().hex())));
        } catch (MetainfoException | IllegalArgumentException e) {
            Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("magnet.invalid"), OneLine.of(e));
        }
    }

    /** Pauses every torrent (tray menu). */
    public void pauseAll() {
        for (TorrentHandle h : session.torrents()) {
            setPaused(h, true);
        }
    }

    /** Removes a torrent, and its data when asked; the library forgets it. */
    public void remove(String infoHash, boolean deleteData) {
        session.remove(infoHash, deleteData).whenComplete((v, err) -> {
            if (err != null) {
                Platform.runLater(() -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.removeFailed"),
                        OneLine.of(err)));
                return;
            }
            ctx.background().execute(() -> {
                try {
                    library.forget(infoHash);
                } catch (java.io.IOException e) {
                    Platform.runLater(() -> Dialogs.error(ctx.owner(), ctx.i18n(),
                            ctx.i18n().t("error.removeFailed"), OneLine.of(e)));
                }
            });
            Platform.runLater(() -> {
                model.remove(infoHash);
                model.recomputeTotals();
            });
        });
    }

    private void setPaused(TorrentHandle h, boolean paused) {
        if (paused) {
            h.pause();
        } else {
            h.resume();
        }
        ctx.background().execute(() -> {
            try {
                library.setPaused(h.infoHash(), paused);
            } catch (java.io.IOException e) {
                Platform.runLater(() -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.saveState"),
                        OneLine.of(e)));
            }
        });
        model.put(h.status());
    }

    /**
     * Stops a running check: the torrent is paused (the engine stops hashing within a few pieces and forgets the
     * partial result), and a later Start checks it again from the beginning.
     */
    public void cancelCheck(TorrentHandle h) {
        if (h.status().state() == org.swarmbid.core.api.TorrentState.CHECKING) {
            setPaused(h, true);
        }
    }

    private void recheck(TorrentHandle h) {
        h.recheck().whenComplete((v, err) -> {
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause() : err;
            if (err != null && !(cause instanceof java.util.concurrent.CancellationException)) { // cancelled: paused
                Platform.runLater(() -> Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.recheck",
                        h.name()), OneLine.of(err)));
            }
        });
        model.put(h.status());
    }

    private void askRemove(TorrentRow row) {
        var t = ctx.i18n();
        ButtonType keep = new ButtonType(t.t("remove.keepData"), ButtonBar.ButtonData.OK_DONE);
        ButtonType delete = new ButtonType(t.t("remove.deleteData"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(t.t("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialogs.ask(ctx.owner(), t.t("remove.title"), t.t("remove.header", row.status().name()),
                t.t("remove.message"), answer -> {
                    if (answer.isPresent() && answer.get() == keep) {
                        remove(row.infoHash(), false);
                    } else if (answer.isPresent() && answer.get() == delete) {
                        remove(row.infoHash(), true);
                    }
                }, keep, delete, cancel);
    }

    private void chooseTorrentFile() {
        FileChooser c = new FileChooser();
        c.setTitle(ctx.i18n().t("torrents.addFile"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(ctx.i18n().t("filter.torrent"), "*.torrent"));
        List<File> files = c.showOpenMultipleDialog(ctx.owner());
        if (files != null) {
            files.forEach(f -> addTorrentFile(f.toPath()));
        }
    }

    private void askMagnet() {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(ctx.owner());
        d.setTitle(ctx.i18n().t("torrents.addMagnet"));
        d.setHeaderText(ctx.i18n().t("magnet.prompt"));
        d.getEditor().setId("magnet-input");
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(this::addMagnet);
    }

    private void openCreateDialog() {
        new CreateTorrentController(ctx, downloadDir.get(),
                (metainfo, saveDir) -> add(metainfo, saveDir, true)).show();
    }

    /** Any files may be dropped: {@link #dropFiles} adds the .torrent files and says which others it refused. */
    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && dropFiles(e.getDragboard().getFiles());
        e.setDropCompleted(ok);
        e.consume();
    }

    /**
     * Handles files dropped on the list: each {@code .torrent} file is read and added as if chosen in the toolbar
     * (a broken one gets its own error), every other file is refused with one message naming them.
     *
     * @return whether any file was taken
     */
    public boolean dropFiles(List<File> files) {
        List<String> refused = new java.util.ArrayList<>();
        boolean any = false;
        for (File f : files) {
            if (f.getName().toLowerCase(Locale.ROOT).endsWith(".torrent") && !f.isDirectory()) {
                addTorrentFile(f.toPath());
                any = true;
            } else {
                refused.add(f.getName());
            }
        }
        if (!refused.isEmpty()) {
            Dialogs.info(ctx.owner(), ctx.i18n(), ctx.i18n().t("drop.rejected.title"),
                    ctx.i18n().t("drop.rejected", String.join(", ", refused)));
        }
        return any;
    }

    private void engineError(String infoHash, String message) {
        if (shownErrors.add(infoHash + "\n" + message)) {
            String name = model.row(infoHash).map(r -> r.status().name()).orElse(infoHash);
            Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("error.torrent", name), message);
        }
    }

    private void everySecond() {
        model.sample(Instant.now().getEpochSecond());
        if (++tick % EARNINGS_EVERY_SECONDS == 0) {
            refreshEarnings();
        }
    }

    private void refreshEarnings() {
        List<String> hashes = model.rows().stream().map(TorrentRow::infoHash).toList();
        if (hashes.isEmpty() || earnings == EarningsSource.NONE) {
            return;
        }
        ctx.background().run(() -> {
            Map<String, Optional<TokenAmount>[]> out = new HashMap<>();
            for (String h : hashes) {
                @SuppressWarnings("unchecked")
                Optional<TokenAmount>[] pair = new Optional[] {earnings.earned(h), earnings.spent(h)};
                out.put(h, pair);
            }
            return out;
        }, out -> out.forEach((h, pair) -> model.row(h).ifPresent(r -> {
            r.earnedProperty().set(pair[0]);
            r.spentProperty().set(pair[1]);
        })), err -> { /* earnings are decoration: keep the last values; logged by Background */ });
    }

    private Optional<TorrentRow> selectedRow() {
        return Optional.ofNullable(model.selectedProperty().get());
    }

    private Optional<TorrentHandle> selectedHandle() {
        return selectedRow().flatMap(r -> session.find(r.infoHash()));
    }

    /** Latest statuses, for the tray tooltip. */
    public List<TorrentStatus> statuses() {
        return model.rows().stream().map(TorrentRow::status).toList();
    }
}
