package org.swarmbid.wallet.history;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.tx.Transfer;

/**
 * One of the wallet's transactions.
 *
 * @param txid             64 lowercase hex digits
 * @param asset            {@code "TRX"}, {@code "TRC10:<id>"} or {@code "TRC20:<contract hex>"}
 * @param from             21-byte sender
 * @param to               21-byte recipient
 * @param amount           base units
 * @param feeSun           sun burnt (known once in a block)
 * @param state            where it stands
 * @param blockNumber      its block, once in one
 * @param expirationMillis when it expires if never packed
 * @param createdAtMillis  when it was recorded (signed)
 * @param updatedAtMillis  last status change
 * @param detail           why it failed, or empty
 */
public record HistoryEntry(String txid, String asset, ByteString from, ByteString to, BigInteger amount, long feeSun,
        TxState state, OptionalLong blockNumber, long expirationMillis, long createdAtMillis, long updatedAtMillis,
        String detail) {

    public HistoryEntry {
        if (txid == null || !txid.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("txid must be 64 lowercase hex digits");
        }
        if (asset == null || !asset.matches("TRX|TRC10:[0-9]{1,19}|TRC20:41[0-9a-f]{40}")) {
            throw new IllegalArgumentException("unknown asset form: " + asset);
        }
        if (amount == null || amount.signum() < 0 || state == null || blockNumber == null || detail == null
                || from == null || to == null) {
            throw new IllegalArgumentException("incomplete history entry");
        }
    }

    /** The asset label for a transfer. */
    public static String assetOf(Transfer t) {
        if (t instanceof Transfer.Trx) {
            return "TRX";
        }
        if (t instanceof Transfer.Trc10 trc10) {
            return "TRC10:" + trc10.tokenId();
        }
        return "TRC20:" + HexFormat.of().formatHex(((Transfer.Trc20) t).contract().toByteArray());
    }
}
