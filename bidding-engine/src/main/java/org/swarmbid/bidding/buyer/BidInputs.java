package org.swarmbid.bidding.buyer;

/**
 * What the torrent looks like when a bid is considered.
 *
 * @param remainingBytes bytes still missing
 * @param complete the torrent is complete (no bidding)
 * @param titForTatRate current download rate from unpaid slots, bytes per second
 * @param wantedRate the download rate the user wants, bytes per second; no bidding while tit-for-tat reaches it
 */
public record BidInputs(long remainingBytes, boolean complete, long titForTatRate, long wantedRate) {
    public BidInputs {
        if (remainingBytes < 0 || titForTatRate < 0 || wantedRate < 0) {
            throw new IllegalArgumentException("bytes and rates must not be negative");
        }
    }
}
