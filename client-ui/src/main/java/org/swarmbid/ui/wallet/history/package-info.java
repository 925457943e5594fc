/**
 * The wallet's transaction history with chain status.
 *
 * <p>Threading: FX thread; reads run on the wallet screen's background.
 */
package org.swarmbid.ui.wallet.history;
