package org.swarmbid.core.picker;

import java.util.List;

/**
 * What the picker made of an incoming block ({@link PiecePicker#blockReceived}).
 *
 * @param status what to do with the data
 * @param cancel peers that had also been asked for this block (end game) and must now be sent a BEP 3
 *               {@code cancel}; empty outside end game. The picker has already forgotten those requests.
 * @param <P> peer key type
 */
public record BlockReceipt<P>(Status status, List<P> cancel) {
    /** What to do with the block's data. */
    public enum Status {
        /** New data: write it. */
        ACCEPTED,
        /** New data that completes its piece: write it, then hash the piece and report pass or fail. */
        PIECE_COMPLETE,
        /** We already have this block (end-game race or a repeat): drop the data. */
        DUPLICATE,
        /** A block of a piece we do not want or never started: drop the data. */
        UNEXPECTED,
        /** Offset or length does not match a block of this torrent: drop it; the peer is misbehaving. */
        INVALID;

        /** True if the data should be written. */
        public boolean isNew() {
            return this == ACCEPTED || this == PIECE_COMPLETE;
        }
    }

    private static final BlockReceipt<?> ACCEPTED = new BlockReceipt<>(Status.ACCEPTED, List.of());
    private static final BlockReceipt<?> PIECE_COMPLETE = new BlockReceipt<>(Status.PIECE_COMPLETE, List.of());
    private static final BlockReceipt<?> DUPLICATE = new BlockReceipt<>(Status.DUPLICATE, List.of());
    private static final BlockReceipt<?> UNEXPECTED = new BlockReceipt<>(Status.UNEXPECTED, List.of());
    private static final BlockReceipt<?> INVALID = new BlockReceipt<>(Status.INVALID, List.of());

    public BlockReceipt {
        cancel = List.copyOf(cancel);
    }

    /** Shared instance for a status with nothing to cancel (no allocation on the hot path). */
    @SuppressWarnings("unchecked")
    static <P> BlockReceipt<P> of(Status status) {
        switch (status) {
            case ACCEPTED:
                return (BlockReceipt<P>) ACCEPTED;
            case PIECE_COMPLETE:
                return (BlockReceipt<P>) PIECE_COMPLETE;
            case DUPLICATE:
                return (BlockReceipt<P>) DUPLICATE;
            case UNEXPECTED:
                return (BlockReceipt<P>) UNEXPECTED;
            default:
                return (BlockReceipt<P>) INVALID;
        }
    }
}
