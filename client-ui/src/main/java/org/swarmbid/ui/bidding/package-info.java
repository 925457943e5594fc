/**
 * The bidding screen ({@link org.swarmbid.ui.bidding.BiddingScreen}): the buyer's spending switch, budgets and
 * maximum price, per-torrent overrides, the seller's paid slots and reserve price, and the payment ledger's
 * activity (totals, cumulative earnings and spending per hour or day, the table of bids, cheques and settlements
 * with chain status). Amounts are typed in whole units of the bidding asset and kept as exact base units.
 *
 * <p>Ports that {@code app} implements or picks: {@link org.swarmbid.ui.bidding.BiddingSettingsStore} (a file
 * implementation is here: {@link org.swarmbid.ui.bidding.FileBiddingSettingsStore}),
 * {@link org.swarmbid.ui.bidding.BiddingApplier}, {@link org.swarmbid.ui.bidding.TorrentNames} and
 * {@link org.swarmbid.ui.bidding.LedgerActivity} (implemented over the engine's ledger by
 * {@link org.swarmbid.ui.bidding.SqliteLedgerActivity}).
 *
 * <p>Threading: the controller, model and view live on the JavaFX thread; the ports are called on a background
 * thread and their results applied with {@code Platform.runLater}.
 */
package org.swarmbid.ui.bidding;
