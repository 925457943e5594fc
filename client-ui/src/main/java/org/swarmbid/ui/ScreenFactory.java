package org.swarmbid.ui;

import org.swarmbid.ui.common.UiContext;

/**
 * Makes one extra screen (wallet, bidding, ...) for the shell. {@code app} passes a list of these to {@link
 * Desktop#start}; the shell calls each again after a language switch (with a context in the new language) and
 * closes the screens it replaces. A factory may return the instance it returned before, to keep a screen's state
 * across the switch (the wallet keeps its unlocked key, and with it the payments); the shell then does not close
 * it but calls {@link Screen#relabel} with the new context, so that it follows the language too. Called on the FX
 * thread; must return quickly.
 */
@FunctionalInterface
public interface ScreenFactory {
    Screen create(UiContext context);
}
