package org.swarmbid.ui.common;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What every screen gets from the shell: the current language, formats for it, the background executor and the
 * main window (owner of dialogs). A language switch makes a new context and rebuilds the screens.
 *
 * @param i18n       localised strings of the shell's bundle (screens with their own bundle use {@code locale()})
 * @param formats    sizes, rates, amounts for the current locale
 * @param background executor for slow work
 * @param window     the main window, for dialog owners (may return null before the window exists)
 */
public record UiContext(I18n i18n, Formats formats, Background background, Supplier<Window> window) {
    public UiContext {
        Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(window, "window");
    }

    public java.util.Locale locale() {
        return i18n.locale();
    }

    public Window owner() {
        return window.get();
    }
}
