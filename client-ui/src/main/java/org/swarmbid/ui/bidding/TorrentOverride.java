package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A per-torrent exception to the buyer's defaults. Amounts are base units of the bidding asset (10^-18 BTT).
 *
 * @param infoHash       lower-case hex info-hash (40 or 64 digits)
 * @param maxPricePerMiB the most paid per MiB for this torrent; 0 never pays for it
 * @param budget         the most spent on this torrent in total
 */
public record TorrentOverride(String infoHash, BigInteger maxPricePerMiB, BigInteger budget) {

    public TorrentOverride {
        requireInfoHash(infoHash);
        Objects.requireNonNull(maxPricePerMiB, "maxPricePerMiB");
        Objects.requireNonNull(budget, "budget");
        if (maxPricePerMiB.signum() < 0 || budget.signum() < 0) {
            throw new IllegalArgumentException("override amounts must not be negative");
        }
    }

    static void requireInfoHash(String infoHash) {
        if (infoHash == null || !(infoHash.length() == 40 || infoHash.length() == 64)
                || !infoHash.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("info-hash must be 40 or 64 lower-case hex digits");
        }
    }
}
