package org.swarmbid.wallet.chain;

import java.util.OptionalLong;

/**
 * A status report for one transaction.
 *
 * @param state       where it stands
 * @param blockNumber the block it is in, if any
 * @param feeSun      sun burnt for it (bandwidth, energy, account activation); 0 until it is in a block
 * @param detail      empty, or why it failed (e.g. {@code "REVERT"}), one line
 */
public record TxStatus(TxState state, OptionalLong blockNumber, long feeSun, String detail) {

    public TxStatus {
        if (state == null || blockNumber == null || detail == null) {
            throw new IllegalArgumentException("state, blockNumber and detail are required");
        }
    }

    static TxStatus of(TxState state) {
        return new TxStatus(state, OptionalLong.empty(), 0, "");
    }
}
