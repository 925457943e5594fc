package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.crypto.Hex;

/**
 * Human amounts of the bidding asset ("0.001" BTT) to and from base units, exactly (the wallet's {@link Amount}
 * parser: digits and one '.', at most the asset's decimals, no rounding), and the asset's id as the ledger and the
 * wire spell it (docs/btt-extension.md: {@code trx}, {@code trc10:<id>}, {@code trc20:<40 hex>}).
 */
public final class Units {

    private final Asset asset;

    public Units(Asset asset) {
        this.asset = asset;
    }

    public Asset asset() {
        return asset;
    }

    /** "BTT". */
    public String symbol() {
        return asset.symbol();
    }

    /**
     * Base units of {@code text}; empty text is zero.
     *
     * @throws IllegalArgumentException naming the problem (too many decimals, bad character, …)
     */
    public BigInteger parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return BigInteger.ZERO;
        }
        try {
            return Amount.parse(t, asset).units();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Exact text of {@code units}, trailing zeros trimmed. */
    public String format(BigInteger units) {
        return Amount.ofUnits(units, asset).toPlainString();
    }

    /** The asset's id in the ledger. */
    public String assetId() {
        if (asset instanceof Asset.Trc20) {
            return "trc20:" + Hex.encode(((Asset.Trc20) asset).contract().toEvmBytes());
        }
        if (asset instanceof Asset.Trc10) {
            return "trc10:" + ((Asset.Trc10) asset).tokenId();
        }
        return "trx";
    }
}
