/**
 * Building blocks shared by every screen: localisation ({@link org.swarmbid.ui.common.I18n}), number formats,
 * error and confirmation dialogs, the background executor, and the small interfaces {@code app} implements to feed
 * the UI facts the engine does not know ({@link org.swarmbid.ui.common.EarningsSource},
 * {@link org.swarmbid.ui.common.BalanceSource}).
 *
 * <p>Threading: dialogs and formats are used on the JavaFX application thread; {@link
 * org.swarmbid.ui.common.Background} runs slow work on daemon threads and hands results back with
 * {@code Platform.runLater}. The source interfaces are only ever called from background threads.
 */
package org.swarmbid.ui.common;
