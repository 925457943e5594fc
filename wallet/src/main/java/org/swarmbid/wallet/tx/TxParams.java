package org.swarmbid.wallet.tx;

import java.time.Duration;

/**
 * The non-contract fields of {@code raw_data}.
 *
 * @param refBlock          TaPoS reference to a recent block
 * @param timestampMillis   creation time, ms since epoch
 * @param expirationMillis  expiry, ms since epoch; a node rejects it once its head passes this, or if it lies more
 *                          than 24 h beyond the head
 * @param feeLimitSun       the most sun a smart-contract call may burn for energy; 0 for plain transfers
 */
public record TxParams(RefBlock refBlock, long timestampMillis, long expirationMillis, long feeLimitSun) {

    /** TRON's upper bound on {@code expiration - headBlockTime}. */
    public static final Duration MAX_EXPIRATION = Duration.ofHours(24);

    public TxParams {
        if (refBlock == null) {
            throw new IllegalArgumentException("refBlock is missing");
        }
        if (timestampMillis <= 0) {
            throw new IllegalArgumentException("timestamp must be positive");
        }
        if (expirationMillis <= timestampMillis) {
            throw new IllegalArgumentException("expiration must be after the timestamp");
        }
        if (feeLimitSun < 0) {
            throw new IllegalArgumentException("fee limit must not be negative");
        }
    }

    /** Parameters for a transaction created at {@code headBlockTime} that lives {@code ttl}. */
    public static TxParams of(RefBlock refBlock, long headBlockTimeMillis, Duration ttl, long feeLimitSun) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_EXPIRATION) > 0) {
            throw new IllegalArgumentException("ttl must be in (0, 24 h], got " + ttl);
        }
        return new TxParams(refBlock, headBlockTimeMillis, headBlockTimeMillis + ttl.toMillis(), feeLimitSun);
    }
}
