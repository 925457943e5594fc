package org.swarmbid.core.tracker;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One announce to one tracker (BEP 3 parameters; BEP 15 carries the same fields in binary).
 *
 * @param infoHash   the 20-byte SHA-1 info-hash of the torrent (copied in and out)
 * @param peerId     our 20-byte peer id (copied in and out)
 * @param port       the TCP port we accept peers on, 1..65535
 * @param uploaded   bytes uploaded since the {@code started} event
 * @param downloaded bytes downloaded since the {@code started} event
 * @param left       bytes still missing
 * @param event      started / completed / stopped, or none for a periodic announce
 * @param numWant    peers wanted; negative means "tracker's default" (omitted over HTTP, -1 over UDP)
 * @param key        BEP 7 key: a random per-session value that lets the tracker recognise us across IP changes
 * @param compact    ask an HTTP tracker for the compact (BEP 23) peer list; ignored by UDP, which is always compact
 */
public record AnnounceRequest(byte[] infoHash, byte[] peerId, int port, long uploaded, long downloaded, long left,
                              AnnounceEvent event, int numWant, int key, boolean compact) {

    public static final int HASH_LENGTH = 20;

    public AnnounceRequest {
        infoHash = checkHash(infoHash, "info-hash");
        peerId = checkHash(peerId, "peer id");
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("uploaded, downloaded and left must not be negative");
        }
        if (event == null) {
            throw new IllegalArgumentException("event must not be null (use NONE)");
        }
    }

    static byte[] checkHash(byte[] b, String what) {
        if (b == null || b.length != HASH_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + HASH_LENGTH + " bytes, got "
                    + (b == null ? "null" : b.length));
        }
        return b.clone();
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** The same request with another event (e.g. to send {@code stopped} on shutdown). */
    public AnnounceRequest withEvent(AnnounceEvent e) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, e, numWant, key, compact);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnounceRequest r && Arrays.equals(infoHash, r.infoHash)
                && Arrays.equals(peerId, r.peerId) && port == r.port && uploaded == r.uploaded
                && downloaded == r.downloaded && left == r.left && event == r.event && numWant == r.numWant
                && key == r.key && compact == r.compact;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(infoHash) * 31 + Arrays.hashCode(peerId) * 17 + port;
    }

    @Override
    public String toString() {
        // peer id and key are left out: they identify us to the tracker and need not reach logs
        return "AnnounceRequest[infoHash=" + HexFormat.of().formatHex(infoHash) + ", port=" + port + ", uploaded="
                + uploaded + ", downloaded=" + downloaded + ", left=" + left + ", event=" + event + ", numWant="
                + numWant + ", compact=" + compact + "]";
    }
}
