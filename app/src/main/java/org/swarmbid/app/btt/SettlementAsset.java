package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;

/**
 * One asset as the three modules name it: the wire id of docs/btt-extension.md §2.1 ({@code trx},
 * {@code trc10:<id>}, {@code trc20:<40 hex>}), the bidding engine's opaque {@link org.swarmbid.bidding.api.AssetId}
 * (the same text) and the wallet's {@link Asset} (symbol, decimals, contract or token id).
 *
 * <p>The engine's asset text is always the wire form. For robustness {@link #parse} also accepts
 * {@code trc20:T...} (a Base58Check contract address), which some callers write for readability.
 *
 * @param wire the protocol's asset id
 * @param wallet the wallet's asset, which knows the decimals
 */
public record SettlementAsset(AssetId wire, Asset wallet) {
    /** TRC-20 BTT, 18 decimals. */
    public static final SettlementAsset BTT = new SettlementAsset(AssetId.BTT, Asset.BTT);
    /** Native TRX, 6 decimals. */
    public static final SettlementAsset TRX = new SettlementAsset(AssetId.TRX, Asset.TRX);
    /**
     * Legacy BTT, TRC-10 1002000. Its precision is a chain property; 6 on mainnet and on the devnet, which is what
     * this constant assumes for parsing and printing amounts offline.
     */
    public static final SettlementAsset BTT_OLD = new SettlementAsset(AssetId.BTT_OLD, Asset.bttOld(6));

    /**
     * The asset a user names on the command line: {@code btt}, {@code trx}, {@code btt-old} (also {@code bttold}).
     *
     * @throws IllegalArgumentException listing the names
     */
    public static SettlementAsset byName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "btt":
                return BTT;
            case "trx":
                return TRX;
            case "btt-old":
            case "bttold":
                return BTT_OLD;
            default:
                throw new IllegalArgumentException("unknown asset '" + name + "' (expected btt, trx or btt-old)");
        }
    }

    /**
     * The asset of an engine/wire asset id. TRC-20 tokens other than BTT and TRC-10 tokens other than 1002000 are
     * not known to the wallet and are refused.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static SettlementAsset parse(String id) {
        if (id != null && id.startsWith("trc20:T")) {
            TronAddress contract = TronAddress.parse(id.substring(6));
            id = "trc20:" + contract.toHex().substring(2);
        }
        AssetId wire = AssetId.parse(id == null ? "" : id);
        for (SettlementAsset known : new SettlementAsset[] {BTT, TRX, BTT_OLD}) {
            if (known.wire.equals(wire)) {
                return known;
            }
        }
        throw new IllegalArgumentException("asset " + wire + " is not one the wallet can pay with (BTT, TRX, legacy BTT)");
    }

    /** Like {@link #parse} but empty instead of throwing. */
    public static Optional<SettlementAsset> find(String id) {
        try {
            return Optional.of(parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The bidding engine's id for this asset (the wire form). */
    public org.swarmbid.bidding.api.AssetId biddingId() {
        return org.swarmbid.bidding.api.AssetId.of(wire.wire());
    }

    /** Decimal places of one whole unit. */
    public int decimals() {
        return wallet.decimals();
    }

    /** Ticker for display: BTT, TRX, BTTOLD. */
    public String symbol() {
        return wallet.symbol();
    }

    /** Base units as exact human text without trailing zeros and with the symbol, e.g. {@code "0.42 BTT"}. */
    public String format(BigInteger units) {
        return Amount.ofUnits(units, wallet).toPlainString() + " " + symbol();
    }

    /** An amount of this asset in the wallet's type. */
    public Amount amount(BigInteger units) {
        return Amount.ofUnits(units, wallet);
    }

    /**
     * Human units for any engine asset id: known assets with their decimals, unknown ones as base units with the id.
     */
    public static String formatAny(String assetId, BigInteger units) {
        return find(assetId).map(a -> a.format(units)).orElse(units + " base units of " + assetId);
    }
}
