package org.swarmbid.bidding.port;

/** TRON transaction ids: 64 lower-case hex characters (SHA-256 of the raw transaction). */
public final class TxIds {
    private TxIds() {}

    /** @throws IllegalArgumentException unless 64 lower-case hex characters */
    public static String require(String txid) {
        if (txid == null || txid.length() != 64) {
            throw new IllegalArgumentException("txid must be 64 hex characters");
        }
        for (int i = 0; i < 64; i++) {
            char c = txid.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("txid must be lower-case hex, bad character at index " + i);
            }
        }
        return txid;
    }
}
