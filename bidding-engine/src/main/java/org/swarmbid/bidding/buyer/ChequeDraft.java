package org.swarmbid.bidding.buyer;

import java.math.BigInteger;
import java.util.Objects;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Pricing;

/**
 * The terms of the next cheque to a payee, before signing: protocol-ext computes the digest, the signer port
 * signs, the ledger records the signed cheque, then {@link ChequeBook#chequeSent} counts it.
 */
public record ChequeDraft(Account account, BigInteger cumulative, long sequence) {
    public ChequeDraft {
        Objects.requireNonNull(account, "account");
        Pricing.requireAmount(cumulative, "cumulative");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
        }
    }
}
