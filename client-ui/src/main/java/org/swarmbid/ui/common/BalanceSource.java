package org.swarmbid.ui.common;

import java.util.Optional;

/**
 * The wallet balance the status bar shows. {@code app} implements it with the wallet service.
 *
 * <p>Threading: called from the UI's background executor every few seconds; may block on the chain client.
 * Throwing shows "—" and the exception's one-line message as the tooltip.
 */
@FunctionalInterface
public interface BalanceSource {

    /** No wallet: the status bar shows "—". */
    BalanceSource NONE = Optional::empty;

    /** The current balance, or empty when there is no wallet (or it is locked). */
    Optional<TokenAmount> balance() throws Exception;
}
