package org.swarmbid.bidding.seller;

import java.util.Objects;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;

/** What this seller is paid to: its own address, the asset of its offer and the chain. */
public record SellerTerms(Address payee, AssetId asset, ChainId chain) {
    public SellerTerms {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(chain, "chain");
    }

    /** The account a payer's cheques to us are kept under. */
    public Account accountOf(Address payer) {
        return new Account(payer, payee, asset, chain);
    }
}
