package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;

/**
 * A TaPoS reference to a recent block (TRON's {@code ref_block_bytes} / {@code ref_block_hash}).
 *
 * <pre>
 *   block id (32 bytes):  [ number, 8 bytes big-endian ][ SHA-256(BlockHeader.raw)[8..32) ]
 *   ref_block_bytes    =  id[6..8)    (the low 16 bits of the number)
 *   ref_block_hash     =  id[8..16)
 * </pre>
 * A node accepts the transaction only if its own block with those low 16 bits has that hash.
 *
 * @param bytes the 2 reference bytes
 * @param hash  the 8 reference hash bytes
 */
public record RefBlock(ByteString bytes, ByteString hash) {

    public RefBlock {
        if (bytes == null || bytes.size() != 2) {
            throw new IllegalArgumentException("ref_block_bytes must be 2 bytes");
        }
        if (hash == null || hash.size() != 8) {
            throw new IllegalArgumentException("ref_block_hash must be 8 bytes");
        }
    }

    /** The reference for a block given its 32-byte id (the number is read from the id's first 8 bytes). */
    public static RefBlock ofBlockId(ByteString blockId) {
        if (blockId == null || blockId.size() != 32) {
            throw new IllegalArgumentException("block id must be 32 bytes");
        }
        return new RefBlock(blockId.substring(6, 8), blockId.substring(8, 16));
    }

    /** The reference for a block given its number and the 32-byte SHA-256 of its header's raw data. */
    public static RefBlock ofHeaderHash(long number, ByteString headerHash) {
        if (headerHash == null || headerHash.size() != 32) {
            throw new IllegalArgumentException("header hash must be 32 bytes");
        }
        byte[] low = {(byte) (number >>> 8), (byte) number};
        return new RefBlock(ByteString.copyFrom(low), headerHash.substring(8, 16));
    }
}
