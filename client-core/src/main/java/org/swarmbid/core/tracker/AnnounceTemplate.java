package org.swarmbid.core.tracker;

import java.util.HexFormat;

/**
 * What stays the same across a torrent's announces: info-hash, our peer id, listen port, BEP 7 key, numwant.
 * Combined with the current {@link TransferTotals} and an event it yields an {@link AnnounceRequest}.
 */
public record AnnounceTemplate(byte[] infoHash, byte[] peerId, int port, int key, int numWant) {

    public AnnounceTemplate {
        infoHash = AnnounceRequest.checkHash(infoHash, "info-hash");
        peerId = AnnounceRequest.checkHash(peerId, "peer id");
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    public AnnounceRequest request(TransferTotals totals, AnnounceEvent event) {
        return new AnnounceRequest(infoHash, peerId, port, totals.uploaded(), totals.downloaded(), totals.left(),
                event, numWant, key, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnounceTemplate t && java.util.Arrays.equals(infoHash, t.infoHash)
                && java.util.Arrays.equals(peerId, t.peerId) && port == t.port && key == t.key
                && numWant == t.numWant;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(infoHash) * 31 + port;
    }

    @Override
    public String toString() {
        return "AnnounceTemplate[infoHash=" + HexFormat.of().formatHex(infoHash) + ", port=" + port + ", numWant="
                + numWant + "]";
    }
}
