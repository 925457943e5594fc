package org.swarmbid.bidding.port;

import java.math.BigInteger;
import java.util.Objects;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Pricing;

/**
 * A payer's claim (the wire {@code settled} message) that transaction {@code txid} moved {@code amount} of
 * {@code account.asset()} from {@code account.payer()} to {@code account.payee()} on {@code account.chain()}.
 */
public record TransferClaim(String txid, Account account, BigInteger amount) {
    public TransferClaim {
        TxIds.require(txid);
        Objects.requireNonNull(account, "account");
        Pricing.requireAmount(amount, "amount");
    }
}
