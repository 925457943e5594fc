package org.swarmbid.bidding.api;

import java.util.Objects;

/**
 * The key under which cumulative totals are kept: one running total per (payer, payee, asset, chain), as in
 * Swarm's cumulative cheques. A cheque for one key never pays anything owed under another.
 */
public record Account(Address payer, Address payee, AssetId asset, ChainId chain) {
    public Account {
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(chain, "chain");
    }
}
