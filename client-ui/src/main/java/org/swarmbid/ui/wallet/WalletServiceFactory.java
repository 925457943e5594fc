package org.swarmbid.ui.wallet;

import org.swarmbid.wallet.service.WalletService;

/**
 * Opens the wallet service for a network preset name ({@code devnet}, {@code nile}, {@code mainnet}); {@code app}
 * implements it over the wallet folder and its options. The screen closes a service it no longer uses.
 *
 * <p>Threading: called on a background thread (opening reads the wallet's settings file).
 */
@FunctionalInterface
public interface WalletServiceFactory {

    /**
     * The wallet service talking to {@code network}.
     *
     * @throws org.swarmbid.wallet.service.WalletException for an unknown network or unreadable settings
     */
    WalletService open(String network);
}
