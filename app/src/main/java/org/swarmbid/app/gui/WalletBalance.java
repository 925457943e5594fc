package org.swarmbid.app.gui;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;
import org.swarmbid.ui.common.BalanceSource;
import org.swarmbid.ui.common.TokenAmount;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletService;

/**
 * The status bar's balance: the BTT of the wallet's address on the wallet's own network, or nothing while there is
 * no wallet. The address is public (read from the keystore without the password); the service is opened on first
 * use and kept for the node connection.
 *
 * <p>Threading: called on the UI's background executor (never the FX thread); blocks on the node. Synchronized, so
 * two refreshes never share the service half-open.
 */
final class WalletBalance implements BalanceSource, AutoCloseable {
    private final Supplier<WalletService> opener;
    private WalletService service;
    private boolean closed;

    /** @param opener opens the wallet service of the wallet's own network */
    WalletBalance(Supplier<WalletService> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized Optional<TokenAmount> balance() {
        if (closed) {
            return Optional.empty();
        }
        if (service == null) {
            service = opener.get();
        }
        if (!service.exists()) {
            return Optional.empty();
        }
        TronAddress address = service.address();
        Optional<Amount> btt = service.balances(address).btt();
        return btt.map(a -> new TokenAmount(new BigDecimal(a.units(), a.asset().decimals()).stripTrailingZeros(),
                a.asset().symbol()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (service != null) {
            service.close();
            service = null;
        }
    }
}
