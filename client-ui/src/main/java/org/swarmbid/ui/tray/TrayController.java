package org.swarmbid.ui.tray;

import java.util.List;
import java.util.Objects;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.I18n;

/**
 * What the tray icon shows and does, without AWT: the tooltip with the seeding status, and the menu (open the
 * window, pause every torrent, quit) whose entries call {@link Actions}. A {@link TrayHost} puts it on screen; the
 * AWT one is {@link SeedingTray}, tests use one that just remembers it.
 *
 * <p>Threading: FX thread (the host hops there before calling an entry's action).
 */
public final class TrayController {
    /** What the menu does. Called on the FX thread. */
    public interface Actions {
        /** Shows the main window again (also a click on the icon). */
        void open();

        /** Pauses every torrent. */
        void pauseAll();

        /** Closes the window and the tray and ends the client (the session stops). */
        void quit();
    }

    /** One menu entry: a stable id (tests), the localised label and what it does. */
    public record MenuEntry(String id, String label, Runnable action) {
    }

    /** The numbers the tooltip shows. */
    public record SeedingStatus(int seeding, int downloading, long downloadRate, long uploadRate) {
    }

    /** Menu entry ids. */
    public static final String OPEN = "open";
    public static final String PAUSE_ALL = "pause-all";
    public static final String QUIT = "quit";

    private final I18n i18n;
    private final Formats formats;
    private final Actions actions;

    public TrayController(I18n i18n, Formats formats, Actions actions) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /** The menu, top to bottom (a host draws a separator before {@link #QUIT}). */
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry(OPEN, i18n.t("tray.open"), actions::open),
                new MenuEntry(PAUSE_ALL, i18n.t("tray.pauseAll"), actions::pauseAll),
                new MenuEntry(QUIT, i18n.t("tray.quit"), actions::quit));
    }

    /** The entry with this id. */
    public MenuEntry entry(String id) {
        return menu().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tray entry " + id));
    }

    /** A click (or double-click, depending on the desktop) on the icon itself. */
    public void activated() {
        actions.open();
    }

    /** The icon's title, before the first tooltip. */
    public String title() {
        return i18n.t("app.name");
    }

    /** The tooltip, e.g. "Swarmbid — seeding 3, downloading 1 — ↓ 1.2 MB/s ↑ 300 kB/s". */
    public String tooltip(SeedingStatus s) {
        return i18n.t("tray.tooltip", s.seeding(), s.downloading(), formats.rateAlways(s.downloadRate()),
                formats.rateAlways(s.uploadRate()));
    }
}
