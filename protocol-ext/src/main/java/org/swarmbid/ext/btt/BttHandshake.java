package org.swarmbid.ext.btt;

import java.util.List;

/**
 * Our entry in the BEP 10 extended handshake: the dictionary under key {@code btt}, sent alongside
 * {@code m["swarmbid_btt"]}. A peer whose handshake lacks either is a plain BitTorrent peer.
 *
 * <pre>
 * btt: {
 *   v:      1                    protocol version (integer)
 *   addr:   &lt;21 bytes&gt;           TRON address: payee when selling, payer when buying
 *   chain:  728126428            chain id (see {@link SigningDomain})
 *   assets: [ {id: "trc20:...", dec: 18}, ... ]   0..8 accepted assets with decimals
 *   sell:   0|1                  offers paid slots
 *   buy:    0|1                  may bid
 * }
 * </pre>
 *
 * @param version the protocol version, {@value #VERSION} here
 * @param address the peer's TRON address
 * @param chainId the chain it pays and is paid on
 * @param assets  accepted assets, 0..{@value #MAX_ASSETS}, no duplicates (none in common: a plain peer)
 * @param sells   true if it sells paid slots
 * @param buys    true if it may bid
 */
public record BttHandshake(int version, TronAccount address, long chainId, List<AssetInfo> assets, boolean sells,
                           boolean buys) {
    /** The version this code speaks. */
    public static final int VERSION = 1;
    /** The handshake key holding this dictionary. */
    public static final String KEY = "btt";
    /** Most assets in one handshake. */
    public static final int MAX_ASSETS = 8;
    /** Largest encoded {@code btt} dictionary. */
    public static final int MAX_ENCODED = 1024;

    public BttHandshake {
        if (version < 1 || address == null || assets == null) {
            throw new IllegalArgumentException("v, addr and assets are required");
        }
        SigningDomain.checkChainId(chainId);
        assets = List.copyOf(assets);
        if (assets.size() > MAX_ASSETS) {
            throw new IllegalArgumentException("assets must list at most " + MAX_ASSETS + " entries");
        }
        if (assets.stream().map(AssetInfo::asset).distinct().count() != assets.size()) {
            throw new IllegalArgumentException("assets must not repeat");
        }
    }

    /** True if {@code asset} is among the accepted ones. */
    public boolean accepts(AssetId asset) {
        return assets.stream().anyMatch(a -> a.asset().equals(asset));
    }

    /**
     * One accepted asset.
     *
     * @param asset    the asset
     * @param decimals its decimals, 0..77 (for display only: every amount is in base units)
     */
    public record AssetInfo(AssetId asset, int decimals) {
        public AssetInfo {
            if (asset == null || decimals < 0 || decimals > 77) {
                throw new IllegalArgumentException("asset decimals must be 0..77");
            }
        }
    }
}
