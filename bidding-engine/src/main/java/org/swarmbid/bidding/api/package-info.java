/**
 * Value types shared by every part of the bidding engine and by its callers (protocol-ext, app): addresses,
 * asset and chain identifiers, the pricing arithmetic and the error codes a seller answers with.
 *
 * <p>All amounts are {@link java.math.BigInteger} base units of the asset (BTT TRC-20 has 18 decimals); all
 * prices are base units per MiB (2^20 bytes); all byte counts are {@code long}. No floating point anywhere.
 *
 * <p>Threading: every type here is an immutable value and may be shared freely between threads.
 */
package org.swarmbid.bidding.api;
