/**
 * The desktop client's composition and launch: {@link org.swarmbid.app.gui.GuiLauncher} (display check, single
 * instance, window, shutdown; {@code --demo}), {@link org.swarmbid.app.gui.GuiApp} (builds the session, ledger,
 * payments, balance, earnings and the wallet and bidding screens), {@link org.swarmbid.app.gui.SwitchableSession}
 * (the engine, replaced by a restart when the bid extension comes or goes), {@link org.swarmbid.app.gui.GuiPayments}
 * (starts the plugin when the wallet is unlocked with bidding on, applies saved settings with
 * {@code BttPlugin.updateBidding}, stops it when the key is locked), {@link org.swarmbid.app.gui.DemoWorld} (devnet,
 * funded wallets, paid seeder and generated torrent of the demo) and {@link org.swarmbid.app.gui.SingleInstance}
 * (a second launch hands its {@code .torrent} files to the running client).
 *
 * <p>Threading: the launcher runs on the {@code main} thread and blocks until the user quits; the wallet screen's
 * key listener is called on the FX thread and hands work to the payments thread, where starting, restarting and
 * stopping run one at a time; the bidding screen's applier, the balance and the earnings run on the UI's background
 * threads; the single-instance server accepts on its own daemon thread. No JavaFX types are used here (only
 * {@code client-ui} imports JavaFX).
 */
package org.swarmbid.app.gui;
