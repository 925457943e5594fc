package org.swarmbid.wallet.history;

import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;

/**
 * How an {@link Asset} is stored in the history table: a code naming the asset on chain plus its symbol and decimals
 * (a TRC-10 token's precision comes from the chain, so it is kept with the entry).
 *
 * <pre>
 *   TRX                       native TRX
 *   TRC10:&lt;token id&gt;          e.g. TRC10:1002000
 *   TRC20:&lt;contract hex&gt;      e.g. TRC20:41 + 40 hex digits
 * </pre>
 */
final class AssetColumns {

    private static final String TRC10 = "TRC10:";
    private static final String TRC20 = "TRC20:";

    private AssetColumns() {
    }

    static String code(Asset asset) {
        if (asset instanceof Asset.Trx) {
            return "TRX";
        }
        if (asset instanceof Asset.Trc10 trc10) {
            return TRC10 + trc10.tokenId();
        }
        return TRC20 + ((Asset.Trc20) asset).contract().toHex();
    }

    /**
     * The asset of a stored row.
     *
     * @throws IllegalArgumentException if the code is none of the three forms
     */
    static Asset asset(String code, String symbol, int decimals) {
        if (code.equals("TRX")) {
            return Asset.TRX;
        }
        if (code.startsWith(TRC10)) {
            return new Asset.Trc10(code.substring(TRC10.length()), symbol, decimals);
        }
        if (code.startsWith(TRC20)) {
            return new Asset.Trc20(TronAddress.fromHex(code.substring(TRC20.length())), symbol, decimals);
        }
        throw new IllegalArgumentException("unknown asset code in history: " + code);
    }
}
