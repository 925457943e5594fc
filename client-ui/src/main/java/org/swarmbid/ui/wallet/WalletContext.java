package org.swarmbid.ui.wallet;

import java.util.Optional;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletService;

/**
 * What the wallet screen's parts (setup, receive, send, history) get from the screen: the current service, the
 * worker threads, the shared model and the unlocked key, if any.
 *
 * <p>Threading: FX thread, except {@link #service()}, which any thread may read.
 */
public interface WalletContext {

    /** The service of the selected network (replaced when the network changes). */
    WalletService service();

    /** The screen's worker threads. */
    Background background();

    /** The strings, in the language chosen in the settings (changes when the user switches it). */
    Texts texts();

    /** The shared model. */
    WalletModel model();

    /** The unlocked key, while the user keeps the wallet unlocked. */
    Optional<UnlockedWallet> unlocked();

    /** Setup finished: the wallet at {@code address} exists now. */
    void walletCreated(TronAddress address);

    /** Reads the balances again. */
    void refreshBalances();
}
