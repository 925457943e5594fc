package org.swarmbid.core.tracker;

/** Byte counts reported in an announce: uploaded and downloaded since {@code started}, and still missing. */
public record TransferTotals(long uploaded, long downloaded, long left) {
    public TransferTotals {
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("transfer totals must not be negative");
        }
    }
}
