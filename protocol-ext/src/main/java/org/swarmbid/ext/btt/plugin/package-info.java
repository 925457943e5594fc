/**
 * The {@code swarmbid_btt} extension (docs/btt-extension.md) as a client-core engine plugin: {@link
 * org.swarmbid.ext.btt.plugin.BttPlugin} (with {@link org.swarmbid.ext.btt.plugin.BttSettings} and {@link
 * org.swarmbid.ext.btt.plugin.BttStats}) ties together the wire codec of {@code org.swarmbid.ext.btt}, the bidding
 * engine's books and auction, its ledger and settlement port, and the engine's plugin SPI.
 *
 * <p>Owns: negotiation and dispatch per connection ({@code BttPeer}, {@code SellerRole}, {@code BuyerRole}), the
 * per-torrent auction and buyer ({@code BttTorrent}, {@code PaidSlotChoker}), the shared seller and buyer books
 * ({@code SellerDesk}, {@code BuyerDesk}), and the worker-side flows: accepting cheques ({@code ChequeIntake}) and
 * settlements ({@code SettlementIntake}), issuing cheques ({@code ChequeIssuer}), settling ({@code Settler}),
 * receipts and resynchronisation ({@code Receipts}, {@code ReceiptCheck}), start-up restore ({@code LedgerRestore}).
 *
 * <p><b>Threading.</b> Engine callbacks run on the engine's event loop and never block. Everything slow (SQLite
 * ledger, signing, signature recovery, chain results) runs on the plugin's single worker thread ({@code
 * SlowLane}); results return to the loop with {@code PeerContext.execute}. The books shared by the loop and the
 * worker ({@code SellerDesk}, {@code BuyerDesk}) are guarded by their own monitors, held for in-memory arithmetic
 * only. Cheques are issued and accepted on the worker only, which serialises sequence numbers per (payer, payee,
 * asset, chain) across torrents and connections. {@code BttStats} is thread-safe.
 */
package org.swarmbid.ext.btt.plugin;
