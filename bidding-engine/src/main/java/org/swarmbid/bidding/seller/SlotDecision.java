package org.swarmbid.bidding.seller;

import java.util.Optional;
import org.swarmbid.bidding.api.ErrorCode;

/**
 * Whether a payer may hold a paid slot now. {@link #KEEP} keeps the slot; any other decision means choke at once
 * and refuse new bids, with the reason for the wire {@code error} message.
 */
public record SlotDecision(Optional<ErrorCode> chokeReason) {
    /** The payer is within its limits. */
    public static final SlotDecision KEEP = new SlotDecision(Optional.empty());

    /** Choke for {@code reason}. */
    public static SlotDecision choke(ErrorCode reason) {
        return new SlotDecision(Optional.of(reason));
    }

    /** True if the paid slot may be kept (and a new bid admitted). */
    public boolean keep() {
        return chokeReason.isEmpty();
    }
}
