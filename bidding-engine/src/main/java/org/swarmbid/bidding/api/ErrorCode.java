package org.swarmbid.bidding.api;

/**
 * Why a seller refused a bid or a cheque, or took a paid slot away. protocol-ext maps these to the wire
 * {@code error} message's code (the numeric values are fixed there, not here).
 */
public enum ErrorCode {
    /** The signature does not verify for the claimed payer. */
    BAD_SIGNATURE,
    /** The cheque names another payee than this seller. */
    WRONG_PAYEE,
    /** The cheque or bid is in an asset this seller did not offer. */
    WRONG_ASSET,
    /** The cheque is for another chain. */
    WRONG_CHAIN,
    /** The cumulative amount is not above the last accepted one (an old or replayed cheque). */
    STALE_CHEQUE,
    /** Same sequence number as an accepted cheque but a different amount or signature. */
    SEQUENCE_CONFLICT,
    /** The cumulative amount does not cover the bytes the buyer already verified (beyond the tolerance). */
    UNDERPAID,
    /** Bytes sent but not covered by a cheque exceed the buyer's credit window. */
    OVER_CREDIT,
    /** Cheques accepted but not settled on chain exceed the settlement threshold. */
    OVER_THRESHOLD,
    /** A settlement is due and its deadline passed. */
    SETTLEMENT_OVERDUE,
    /** The payer is on the blocklist for missed settlements. */
    BLOCKLISTED,
    /** The bid is below the reserve price. */
    BELOW_RESERVE,
    /** The bid's expiry has passed. */
    EXPIRED
}
