package org.swarmbid.wallet.service;

import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.FeeEstimate;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Transfer;

/**
 * A transfer that is built, signed and priced but not yet sent: show {@link #fee()} to the user, then hand it to
 * {@link WalletService#send(PreparedTransfer)} before {@link #expirationMillis()}.
 *
 * @param transfer    what is sent
 * @param signed      the signed transaction (its txid is final)
 * @param estimate    the node's view of the fees
 * @param feeLimitSun the most a TRC-20 call may burn for energy (0 for TRX and TRC-10)
 */
public record PreparedTransfer(Transfer transfer, SignedTransaction signed, FeeEstimate estimate, long feeLimitSun) {

    /** The expected fee in TRX (bandwidth, energy, account activation). */
    public Amount fee() {
        return Amount.ofUnits(estimate.totalSun(), Asset.TRX);
    }

    /** The fee limit in TRX. */
    public Amount feeLimit() {
        return Amount.ofUnits(feeLimitSun, Asset.TRX);
    }

    /** The transaction id, 64 hex digits. */
    public String txid() {
        return signed.txidHex();
    }

    /** After this the node refuses the transaction. */
    public long expirationMillis() {
        return signed.expirationMillis();
    }
}
