package org.swarmbid.ui;

import org.swarmbid.ui.common.UiContext;

/**
 * Makes one extra screen (wallet, bidding, ...) for the shell. {@code app} passes a list of these to {@link
 * Desktop#start}; the shell calls each again after a language switch (with a context in the new language) and
 * closes the screens it replaces. Called on the FX thread; must return quickly.
 */
@FunctionalInterface
public interface ScreenFactory {
    Screen create(UiContext context);
}
