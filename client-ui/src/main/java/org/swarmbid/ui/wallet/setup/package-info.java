/**
 * First run of the wallet: create from a new 24-word BIP-39 phrase (confirmed by re-entering random words, see
 * {@link org.swarmbid.ui.wallet.setup.BackupQuiz}) or import from a phrase or a private key, under a password typed
 * twice with a strength hint.
 *
 * <p>Threading: FX thread; the keystore is written on the wallet screen's background.
 */
package org.swarmbid.ui.wallet.setup;
