package org.swarmbid.wallet.history;

import java.util.Objects;
import java.util.OptionalLong;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Transfer;

/**
 * One of the wallet's transactions.
 *
 * @param txid             64 lowercase hex digits
 * @param from             sender
 * @param to               recipient
 * @param amount           what was sent, with its asset (never negative)
 * @param feeSun           sun burnt (known once in a block)
 * @param state            where it stands
 * @param blockNumber      its block, once in one
 * @param expirationMillis when it expires if never packed
 * @param createdAtMillis  when it was recorded (signed)
 * @param updatedAtMillis  last status change
 * @param detail           why it failed, or empty
 */
public record HistoryEntry(String txid, TronAddress from, TronAddress to, Amount amount, long feeSun,
        TxState state, OptionalLong blockNumber, long expirationMillis, long createdAtMillis, long updatedAtMillis,
        String detail) {

    public HistoryEntry {
        if (txid == null || !txid.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("txid must be 64 lowercase hex digits");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || state == null || blockNumber == null || detail == null) {
            throw new IllegalArgumentException("incomplete history entry");
        }
    }

    /** The entry for a freshly signed transfer (state SIGNED, recorded at {@code nowMillis}). */
    public static HistoryEntry signed(SignedTransaction signed, Transfer transfer, long nowMillis) {
        return new HistoryEntry(signed.txidHex(), transfer.owner(), transfer.recipient(), transfer.value(), 0,
                TxState.SIGNED, OptionalLong.empty(), signed.expirationMillis(), nowMillis, nowMillis, "");
    }

    /** The asset sent. */
    public Asset asset() {
        return amount.asset();
    }

    /** The fee as an amount of TRX. */
    public Amount fee() {
        return Amount.ofUnits(feeSun, Asset.TRX);
    }
}
