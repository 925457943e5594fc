package org.swarmbid.ext.btt;

import java.util.Optional;

/**
 * Error codes of the {@code error} message (docs/btt-extension.md, "Error codes"). A {@linkplain #fatal() fatal}
 * code ends the extension session on that connection: the sender stops sending our messages and treats the peer as
 * a plain BitTorrent peer. Codes not listed here are treated as non-fatal and otherwise ignored.
 */
public enum ErrorCode {
    /** Undecodable bencode, a missing, mistyped or out-of-range field, or an oversize message. */
    MALFORMED(1, true),
    /** The peer's {@code btt.v} is not a version we speak. */
    UNSUPPORTED_VERSION(2, true),
    /** Chain id differs from ours. */
    WRONG_CHAIN(3, true),
    /** Asset not accepted, or not the one in the current offer. */
    WRONG_ASSET(4, false),
    /** Cheque payee is not our address. */
    WRONG_PAYEE(5, true),
    /** Cheque payer is not the address from the peer's handshake. */
    WRONG_PAYER(6, true),
    /** Signature malformed, high-S, or not recovering to the payer. */
    BAD_SIGNATURE(7, true),
    /** Cheque whose cumulative amount or sequence is not above the last accepted one. */
    STALE_CHEQUE(8, false),
    /** Cheque amount inconsistent with its cumulative total, or the total below what is owed. */
    BAD_AMOUNT(9, false),
    /** Unpaid value exceeds the credit window: the paid slot is revoked. */
    OVER_CREDIT(10, false),
    /** Unsettled total exceeds the settlement threshold: settle before new paid slots. */
    SETTLEMENT_DUE(11, false),
    /** A {@code settled} transaction was not found, failed, or does not match. */
    BAD_SETTLEMENT(12, false),
    /** Bid past its expiry or with a non-increasing nonce. */
    BID_EXPIRED(13, false),
    /** Bid below the seller's reserve price. */
    BELOW_RESERVE(14, false),
    /** Bid without an offer, or the seller is not selling now. */
    NOT_SELLING(15, false),
    /** A receipt whose signature does not verify, or whose totals cannot be ours. */
    BAD_RECEIPT(16, true),
    /** Too many messages in too short a time. */
    RATE_LIMITED(17, false),
    /** The sender failed internally (database, wallet); retry later. */
    INTERNAL(18, false);

    private final int code;
    private final boolean fatal;

    ErrorCode(int code, boolean fatal) {
        this.code = code;
        this.fatal = fatal;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** True if the sender ends the extension session after sending this code. */
    public boolean fatal() {
        return fatal;
    }

    /** The name used in the spec and in logs, e.g. {@code stale_cheque}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ErrorCode> fromCode(long code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
