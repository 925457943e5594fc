package org.swarmbid.wallet.chain;

import com.google.protobuf.ByteString;
import org.swarmbid.wallet.tx.RefBlock;

/**
 * A block as a client needs it to reference it.
 *
 * @param number          block height
 * @param id              32-byte block id (number in the first 8 bytes)
 * @param timestampMillis block time, ms since epoch
 */
public record HeadBlock(long number, ByteString id, long timestampMillis) {

    public HeadBlock {
        if (id == null || id.size() != 32) {
            throw new IllegalArgumentException("block id must be 32 bytes");
        }
    }

    /** The TaPoS reference to this block. */
    public RefBlock refBlock() {
        return RefBlock.ofBlockId(id);
    }
}
