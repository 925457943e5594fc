package org.swarmbid.wallet.service;

import java.util.Locale;
import java.util.function.Supplier;
import org.swarmbid.wallet.asset.Asset;

/** The names users type for the wallet's three assets: {@code trx}, {@code btt} (TRC-20), {@code bttold} (TRC-10). */
public enum AssetName {
    /** Native TRX. */
    TRX,
    /** BTT, the TRC-20 token since 2021. */
    BTT,
    /** Legacy BTT, TRC-10 token 1002000. */
    BTTOLD;

    /**
     * The name in any case, surrounding blanks ignored.
     *
     * @throws WalletException INVALID_INPUT listing the three names
     */
    public static AssetName parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (AssetName n : values()) {
            if (n.name().equals(t)) {
                return n;
            }
        }
        throw new WalletException(WalletException.Reason.INVALID_INPUT, "unknown asset '" + text
                + "' (expected trx, btt or bttold)");
    }

    /** The asset; legacy BTT's precision comes from {@code bttOld} (it is read from the chain). */
    public Asset resolve(Supplier<Asset.Trc10> bttOld) {
        switch (this) {
            case TRX:
                return Asset.TRX;
            case BTT:
                return Asset.BTT;
            default:
                return bttOld.get();
        }
    }
}
