package org.swarmbid.ui.create;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.common.UiContext;

/**
 * Creates a torrent from a file or folder: validates the form, hashes in the background with progress and cancel,
 * writes the .torrent atomically, and (if asked) hands the result to the torrent list to seed.
 */
public final class CreateTorrentController {
    /** What to do with a finished torrent: seed it from {@code saveDir} (the folder holding the source). */
    @FunctionalInterface
    public interface Created {
        void created(Metainfo metainfo, Path saveDir);
    }

    private final UiContext ctx;
    private final Created onCreated;
    private final CreateTorrentModel model = new CreateTorrentModel();
    private final CreateTorrentView view;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Stage stage;

    public CreateTorrentController(UiContext ctx, Path defaultOutputDir, Created onCreated) {
        this.ctx = ctx;
        this.onCreated = onCreated;
        this.view = new CreateTorrentView(model, ctx.i18n(), ctx.formats());
        model.source.addListener((o, a, b) -> suggestOutput(defaultOutputDir, b));
        view.chooseFile.setOnAction(e -> {
            File f = new FileChooser().showOpenDialog(stage);
            if (f != null) {
                model.source.set(f.getAbsolutePath());
            }
        });
        view.chooseFolder.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(stage);
            if (f != null) {
                model.source.set(f.getAbsolutePath());
            }
        });
        view.chooseOutput.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(ctx.i18n().t("filter.torrent"),
                    "*.torrent"));
            File f = c.showSaveDialog(stage);
            if (f != null) {
                model.output.set(f.getAbsolutePath());
            }
        });
        view.create.setOnAction(e -> create());
        view.cancel.setOnAction(e -> cancelled.set(true));
        view.close.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    public CreateTorrentModel model() {
        return model;
    }

    /** The form, for embedding (screenshots) instead of a window. */
    public javafx.scene.Parent view() {
        return view.root();
    }

    /** Opens the dialog window (modal to the main window). */
    public Stage show() {
        stage = new Stage();
        Window owner = ctx.owner();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(ctx.i18n().t("create.title"));
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> cancelled.set(true));
        stage.show();
        return stage;
    }

    /** Validates the form and starts hashing; a bad field opens an error dialog instead. */
    public void create() {
        var t = ctx.i18n();
        Path source;
        Path output;
        TorrentCreator creator;
        try {
            source = path(model.source.get(), t.t("create.source"));
            output = path(model.output.get(), t.t("create.output"));
            if (!Files.exists(source)) {
                throw new IllegalArgumentException(t.t("create.error.noSource", source));
            }
            creator = TorrentCreator.from(source).privateFlag(model.privateFlag.get());
            for (List<String> tier : tiers(model.trackers.get())) {
                creator.announceTier(tier);
            }
            List<String> seeds = lines(model.webSeeds.get());
            if (!seeds.isEmpty()) {
                creator.webSeeds(seeds);
            }
            if (!model.comment.get().isBlank()) {
                creator.comment(model.comment.get().strip());
            }
            if (model.pieceLength.get() > 0) {
                creator.pieceLength(model.pieceLength.get());
            }
        } catch (IllegalArgumentException e) {
            Dialogs.error(stage != null ? stage : ctx.owner(), t, t.t("create.error"), OneLine.of(e));
            return;
        }
        cancelled.set(false);
        model.running.set(true);
        model.progress.set(0);
        model.message.set(t.t("create.hashing"));
        AtomicLong lastPost = new AtomicLong();
        creator.cancelWhen(cancelled::get).progress((done, total) -> {
            long now = System.nanoTime();
            if (now - lastPost.get() > 100_000_000L || done == total) {
                lastPost.set(now);
                double f = total == 0 ? 1 : (double) done / total;
                Platform.runLater(() -> model.progress.set(f));
            }
        });
        boolean seed = model.startSeeding.get();
        ctx.background().run(() -> {
            Metainfo m = creator.create();
            Files.createDirectories(output.toAbsolutePath().getParent());
            Path tmp = output.resolveSibling(output.getFileName() + ".part");
            Files.write(tmp, m.toTorrentBytes());
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return m;
        }, m -> {
            model.running.set(false);
            model.progress.set(1);
            model.message.set(t.t("create.done", output.toString(), m.infoHash().hex()));
            if (seed) {
                onCreated.created(m, source.toAbsolutePath().normalize().getParent());
            }
        }, err -> {
            model.running.set(false);
            model.progress.set(-1);
            if (err instanceof CancellationException) {
                model.message.set(t.t("create.cancelled"));
            } else {
                model.message.set("");
                Dialogs.error(stage != null ? stage : ctx.owner(), t, t.t("create.error"), OneLine.of(err));
            }
        });
    }

    /** Cancels hashing (the Cancel button). */
    public void cancel() {
        cancelled.set(true);
    }

    private void suggestOutput(Path dir, String source) {
        if (!model.output.get().isBlank() || source == null || source.isBlank()) {
            return;
        }
        try {
            Path p = Path.of(source.strip()).getFileName();
            if (p != null) {
                model.output.set(dir.resolve(p + ".torrent").toString());
            }
        } catch (InvalidPathException e) {
            // the user is still typing
        }
    }

    private Path path(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(ctx.i18n().t("create.error.empty", field));
        }
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(ctx.i18n().t("create.error.path", field, text));
        }
    }

    /** Tracker URLs, one per line; a blank line starts a new tier (BEP 12). */
    List<List<String>> tiers(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> tier = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String s = line.strip();
            if (s.isEmpty()) {
                if (!tier.isEmpty()) {
                    out.add(tier);
                    tier = new ArrayList<>();
                }
            } else {
                if (!s.matches("(?i)(https?|udp)://.+")) {
                    throw new IllegalArgumentException(ctx.i18n().t("create.error.tracker", s));
                }
                tier.add(s);
            }
        }
        if (!tier.isEmpty()) {
            out.add(tier);
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
