package org.swarmbid.ui.settings;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import org.swarmbid.ui.Screen;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.common.UiContext;

/**
 * The settings screen: shows the stored settings, validates the form, saves it in the background and hands the
 * result to a {@link SettingsApplier}. A bad value opens an error dialog naming the field; nothing is saved then.
 */
public final class SettingsController implements Screen {
    /** The screen id. */
    public static final String ID = "settings";
    private final UiContext ctx;
    private final SettingsStore store;
    private final SettingsApplier applier;
    private final SettingsModel model = new SettingsModel();
    private final SettingsView view;

    /**
     * @param current the settings in force (as loaded at start or last saved)
     */
    public SettingsController(UiContext ctx, SettingsStore store, Settings current, SettingsApplier applier) {
        this.ctx = ctx;
        this.store = store;
        this.applier = applier;
        model.fill(current);
        view = new SettingsView(model, ctx.i18n());
        view.save.setOnAction(e -> save());
        view.revert.setOnAction(e -> model.fill(model.saved.get()));
        view.browse.setOnAction(e -> browse());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return ctx.i18n().t("nav.settings");
    }

    @Override
    public Node view() {
        return view.root();
    }

    public SettingsModel model() {
        return model;
    }

    /** Validates and saves the form; on success applies it. Returns false (and shows why) on a bad value. */
    public boolean save() {
        Settings next;
        try {
            next = parse();
        } catch (IllegalArgumentException e) {
            Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("settings.invalid"), e.getMessage());
            return false;
        }
        Settings previous = model.saved.get();
        view.save.setDisable(true);
        ctx.background().run(() -> {
            store.save(next);
            return next;
        }, saved -> {
            view.save.setDisable(false);
            model.saved.set(saved);
            view.note.setText(saved.needsRestartComparedTo(previous) ? ctx.i18n().t("settings.savedRestart")
                    : ctx.i18n().t("settings.saved"));
            applier.apply(previous, saved);
        }, err -> {
            view.save.setDisable(false);
            Dialogs.error(ctx.owner(), ctx.i18n(), ctx.i18n().t("settings.saveFailed"), OneLine.of(err));
        });
        return true;
    }

    private Settings parse() {
        var t = ctx.i18n();
        Path dir;
        try {
            String d = model.downloadDir.get().strip();
            if (d.isEmpty()) {
                throw new IllegalArgumentException(t.t("settings.error.dirEmpty"));
            }
            dir = Path.of(d).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(t.t("settings.error.dir", model.downloadDir.get()));
        }
        int port = (int) number(model.port.get(), t.t("settings.port"), 0, 65535);
        long down = number(model.downloadLimitKib.get(), t.t("settings.downloadLimit"), 0, Long.MAX_VALUE / 1024);
        long up = number(model.uploadLimitKib.get(), t.t("settings.uploadLimit"), 0, Long.MAX_VALUE / 1024);
        int conns = (int) number(model.maxConnections.get(), t.t("settings.maxConnections"), 1, 100_000);
        int peers = (int) number(model.maxPeersPerTorrent.get(), t.t("settings.maxPeers"), 1, 100_000);
        int slots = (int) number(model.uploadSlots.get(), t.t("settings.uploadSlots"), 0, 1000);
        return new Settings(dir, port, down * 1024, up * 1024, conns, peers, slots, model.language.get(),
                model.theme.get());
    }

    private long number(String text, String field, long min, long max) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(ctx.i18n().t("settings.error.number", field, text, min, max));
    }

    private void browse() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(ctx.i18n().t("settings.downloadDir"));
        File f = c.showDialog(ctx.owner());
        if (f != null) {
            model.downloadDir.set(f.getAbsolutePath());
        }
    }
}
