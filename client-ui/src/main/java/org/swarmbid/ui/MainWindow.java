package org.swarmbid.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.ui.common.Background;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.I18n;
import org.swarmbid.ui.common.TokenAmount;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.details.DetailsController;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsController;
import org.swarmbid.ui.settings.Theme;
import org.swarmbid.ui.torrents.TorrentLibrary;
import org.swarmbid.ui.torrents.TorrentsController;

/**
 * The shell: navigation on the left (torrents, the extra screens {@code app} supplies, settings), the selected
 * screen in the middle, the status bar at the bottom. Applies saved settings: rate limits to the session at once,
 * the theme by swapping stylesheets, the language by rebuilding every screen with a context in the new language
 * (a screen its factory hands back to keep its state is relabelled instead, see {@link Screen#relabel}).
 *
 * <p>Threading: FX thread only.
 */
public final class MainWindow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private final DesktopServices services;
    private final List<ScreenFactory> extraScreens;
    private final Background background;
    private final TorrentLibrary library;
    private final BorderPane frame = new BorderPane();
    private final Scene scene;
    private final List<Screen> screens = new ArrayList<>();
    private Settings settings;
    private UiContext ctx;
    private TorrentsController torrents;
    private SettingsController settingsScreen;
    private StatusBar statusBar;
    private Screen current;
    private ToggleGroup nav;

    /**
     * @param extraScreens made after the torrent list and before the settings, in this order
     * @param window       the window this shell is shown in (dialog owner); may return null in tests
     */
    public MainWindow(DesktopServices services, List<ScreenFactory> extraScreens, Background background,
            Supplier<Window> window) {
        this.services = services;
        this.extraScreens = List.copyOf(extraScreens);
        this.background = background;
        this.library = new TorrentLibrary(services.stateDir());
        this.settings = services.settings().load();
        this.scene = new Scene(new StackPane(frame), 1180, 760);
        Supplier<Window> owner = () -> {
            Window w = window.get();
            return w != null ? w : scene.getWindow();
        };
        build(owner, List.of());
        applyTheme(settings.theme());
        services.session().setRateLimits(settings.downloadLimit(), settings.uploadLimit());
    }

    public Scene scene() {
        return scene;
    }

    public TorrentLibrary library() {
        return library;
    }

    public Settings settings() {
        return settings;
    }

    public I18n i18n() {
        return ctx.i18n();
    }

    public TorrentsController torrents() {
        return torrents;
    }

    public SettingsController settingsScreen() {
        return settingsScreen;
    }

    /** The screens in navigation order. */
    public List<Screen> screens() {
        return List.copyOf(screens);
    }

    public Optional<Screen> screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public String currentScreenId() {
        return current == null ? "" : current.id();
    }

    /** Adds every torrent remembered from earlier runs to the session, in the background. */
    public CompletableFuture<Integer> restoreTorrents() {
        return background.run(() -> library.restoreInto(services.session()), n -> LOG.info("restored {} torrents",
                n), err -> LOG.warn("cannot restore torrents: {}", err.getMessage()));
    }

    /** Shows the screen with this id (ignored if there is none). */
    public void show(String id) {
        screen(id).ifPresent(s -> {
            if (current != null && current != s) {
                current.onHide();
            }
            current = s;
            frame.setCenter(s.view());
            s.onShow();
            nav.getToggles().stream().filter(t -> id.equals(((ToggleButton) t).getUserData())).findFirst()
                    .ifPresent(t -> t.setSelected(true));
        });
    }

    /** Opens a .torrent file as if chosen in the toolbar (single-instance hand-over, command-line arguments). */
    public void openTorrent(Path file) {
        show(TorrentsController.ID);
        torrents.addTorrentFile(file);
    }

    /** Applies saved settings: limits, theme and language. */
    public void apply(Settings previous, Settings next) {
        this.settings = next;
        services.session().setRateLimits(next.downloadLimit(), next.uploadLimit());
        if (next.theme() != previous.theme()) {
            applyTheme(next.theme());
        }
        if (!next.language().equals(previous.language())) {
            String showing = currentScreenId();
            Supplier<Window> owner = ctx.window();
            List<Screen> old = List.copyOf(screens);
            StatusBar oldBar = statusBar;
            if (current != null) {
                current.onHide();
            }
            screens.clear();
            build(owner, old);
            // a factory may hand back the screen it made before (the wallet keeps its unlocked key): keep it open
            for (Screen s : old) {
                if (screens.stream().noneMatch(n -> n == s)) {
                    closeScreen(s);
                }
            }
            if (oldBar != null) {
                oldBar.close();
            }
            show(showing);
        }
    }

    /**
     * Shows a line of text above the screens (the {@code --demo} run says what it is and the demo wallet's
     * password); null or blank removes it.
     */
    public void showBanner(String text) {
        if (text == null || text.isBlank()) {
            frame.setTop(null);
            return;
        }
        javafx.scene.control.Label banner = new javafx.scene.control.Label(text);
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        frame.setTop(banner);
    }

    /** Shows a wallet balance at once (screenshots). */
    public void showBalance(TokenAmount amount) {
        statusBar.showBalance(Optional.of(amount));
    }

    @Override
    public void close() {
        closeScreens();
    }

    /**
     * Makes the screens in {@link #settings}' language; a screen a factory hands back from {@code previous} (to keep
     * its state) is relabelled instead.
     */
    private void build(Supplier<Window> owner, List<Screen> previous) {
        ctx = new UiContext(new I18n(settings.language()), new Formats(settings.language()), background, owner);
        torrents = new TorrentsController(ctx, services.session(), library, services.earnings(),
                () -> settings.downloadDir(),
                selected -> new DetailsController(ctx, services.session(), library, selected));
        screens.add(torrents);
        for (ScreenFactory f : extraScreens) {
            try {
                Screen s = Objects.requireNonNull(f.create(ctx), "screen factory returned null");
                screens.add(s); // before relabelling: a kept screen is never closed, even if relabelling fails
                if (previous.stream().anyMatch(p -> p == s)) {
                    s.relabel(ctx);
                }
            } catch (RuntimeException e) {
                LOG.warn("a screen could not be created: {}", e.toString());
            }
        }
        settingsScreen = new SettingsController(ctx, services.settings(), settings, this::apply);
        screens.add(settingsScreen);

        nav = new ToggleGroup();
        VBox navBox = new VBox(4);
        navBox.getStyleClass().add("nav");
        navBox.setPadding(new Insets(10, 8, 10, 8));
        Label brand = new Label(ctx.i18n().t("app.name"));
        brand.getStyleClass().add("brand");
        navBox.getChildren().add(brand);
        for (Screen s : screens) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.id());
            b.setUserData(s.id());
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> {
                show(s.id());
                b.setSelected(true);
            });
            navBox.getChildren().add(b);
        }
        statusBar = new StatusBar(ctx, torrents.model(), services.balance());
        frame.setLeft(navBox);
        frame.setBottom(statusBar.root());
        current = null;
        show(TorrentsController.ID);
    }

    private void closeScreens() {
        for (Screen s : screens) {
            closeScreen(s);
        }
        screens.clear();
        if (statusBar != null) {
            statusBar.close();
        }
    }

    private static void closeScreen(Screen s) {
        try {
            s.close();
        } catch (Exception e) {
            LOG.warn("closing screen {}: {}", s.id(), e.toString());
        }
    }

    private void applyTheme(Theme theme) {
        scene.getStylesheets().setAll(Objects.requireNonNull(MainWindow.class.getResource("/org/swarmbid/ui/base.css"))
                .toExternalForm(), theme.stylesheetUrl());
        Node root = scene.getRoot();
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}
