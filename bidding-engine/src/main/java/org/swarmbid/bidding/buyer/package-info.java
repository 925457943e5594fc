/**
 * The buyer's side: what to bid ({@link org.swarmbid.bidding.buyer.TorrentBuyer}), the hard caps per torrent and
 * per day ({@link org.swarmbid.bidding.buyer.DailyBudget}), what is owed to each seller for bytes received in paid
 * slots whose pieces passed the hash check, and the cumulative cheques and settlements per payee
 * ({@link org.swarmbid.bidding.buyer.ChequeBook}).
 *
 * <p>Spending is off until a budget is set ({@link org.swarmbid.bidding.config.BuyerConfig#spendingEnabled()}).
 * Bytes received in a paid slot are reserved against both caps at once and become owed only when their piece
 * passes its hash check; a piece that fails is not paid and its reservation is released. Both caps are hard: an open
 * paid slot holds what the seller may still send after a withdrawal, the buyer withdraws before the next block would
 * eat into that hold, and a paid block beyond a cap is never counted (docs/btt-extension.md 7.1).
 *
 * <p>Threading: not thread-safe. One {@code ChequeBook} and one {@code DailyBudget} per session and one
 * {@code TorrentBuyer} per torrent, all confined to the session's event loop. Time is passed in, never read.
 */
package org.swarmbid.bidding.buyer;
