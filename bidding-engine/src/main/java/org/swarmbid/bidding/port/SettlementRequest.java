package org.swarmbid.bidding.port;

import java.math.BigInteger;
import java.util.Objects;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Pricing;

/**
 * An on-chain transfer the engine asks the wallet to make: {@code amount} base units of {@code account.asset()}
 * from {@code account.payer()} (us) to {@code account.payee()} on {@code account.chain()}.
 *
 * @param settlementId the ledger's id for this settlement; the wallet adapter must treat it as an idempotency
 *     key (asking twice with the same id after a crash must not pay twice)
 */
public record SettlementRequest(long settlementId, Account account, BigInteger amount) {
    public SettlementRequest {
        Objects.requireNonNull(account, "account");
        Pricing.requireAmount(amount, "amount");
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("settlement amount must be positive");
        }
    }
}
