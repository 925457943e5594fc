/**
 * The wallet screen ({@link org.swarmbid.ui.wallet.WalletScreen}): first-run setup, unlock, balances of TRX, BTT
 * (TRC-20) and legacy BTT (TRC-10 1002000), receive with a QR code, send with a confirmation step and chain status,
 * history, and a network selector. Built on the wallet module's {@code WalletService}, opened per network through
 * the {@link org.swarmbid.ui.wallet.WalletServiceFactory} that {@code app} implements. Also the small helpers the
 * wallet parts share: {@link org.swarmbid.ui.wallet.Background}, {@link org.swarmbid.ui.wallet.ErrorDialog},
 * {@link org.swarmbid.ui.wallet.Texts} (English and German bundle, in the language chosen in the settings),
 * {@link org.swarmbid.ui.wallet.Secrets}, {@link org.swarmbid.ui.wallet.QrCodes},
 * {@link org.swarmbid.ui.wallet.PasswordStrength}.
 *
 * <p>Secrets (recovery words, private keys, passwords) never reach logs, exception messages or the clipboard; typed
 * secrets are copied into {@code char[]} buffers that are wiped after use and their controls are cleared.
 *
 * <p>Threading: controllers, models and views live on the JavaFX thread; every wallet call (scrypt, node calls,
 * SQLite history) runs on {@link org.swarmbid.ui.wallet.Background} and its result comes back through
 * {@code Platform.runLater}.
 */
package org.swarmbid.ui.wallet;
