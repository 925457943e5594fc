package org.swarmbid.ui;

import javafx.scene.Node;
import org.swarmbid.ui.common.UiContext;

/**
 * One screen of the main window (torrent list, wallet, bidding, settings...), shown by the shell's navigation. Each
 * screen lives in its own package as a Controller (implements this), a Model of JavaFX properties and a View that
 * binds to the model (Bisq 2's MVC shape). The shell creates screens with the services {@code app} hands in.
 *
 * <p>Threading: every method is called on the JavaFX application thread and must return quickly; slow work (disk,
 * wallet, chain, database) runs on a background executor and its results are applied with
 * {@code Platform.runLater}.
 */
public interface Screen extends AutoCloseable {

    /** A stable id used for navigation, tests and screenshots, e.g. {@code "wallet"}. */
    String id();

    /** The title shown in the navigation, already localised. */
    String title();

    /** The screen's root node; created once and reused. */
    Node view();

    /**
     * The user switched the language and this screen's {@link ScreenFactory} handed back this same instance (to keep
     * its state): show everything in {@code context}'s language from now on. Called before the shell reads
     * {@link #title()} again. Screens the shell makes anew get the new context when they are made instead.
     */
    default void relabel(UiContext context) {
    }

    /** The screen became visible (start refreshing). */
    default void onShow() {
    }

    /** The screen was hidden (stop refreshing). */
    default void onHide() {
    }

    /** The window is closing for good: stop timers and background work. */
    @Override
    default void close() {
    }
}
