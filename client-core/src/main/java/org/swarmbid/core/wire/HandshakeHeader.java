package org.swarmbid.core.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The first 48 bytes of a handshake (BEP 3): protocol name, reserved bits and info-hash, without the peer id.
 * <pre>
 *  0    1                     20         28                48
 *  +----+---------------------+----------+-----------------+
 *  | 19 | "BitTorrent protocol" | reserved | info_hash (20)  |
 *  +----+---------------------+----------+-----------------+
 * </pre>
 * An incoming connection's {@link HandshakeDecoder} emits this as soon as byte 48 arrives, so the acceptor can look
 * up the torrent and send its own handshake before the initiator's peer id comes in (BEP 3: the recipient may wait
 * for the initiator's handshake when it serves several torrents).
 *
 * @param reserved the eight reserved bytes
 * @param infoHash the 20-byte info-hash the initiator wants
 */
public record HandshakeHeader(ReservedBits reserved, byte[] infoHash) {

    public HandshakeHeader {
        if (reserved == null) {
            throw new NullPointerException("reserved");
        }
        infoHash = Handshake.checkInfoHash(infoHash);
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeHeader h && reserved.equals(h.reserved) && Arrays.equals(infoHash, h.infoHash);
    }

    @Override
    public int hashCode() {
        return reserved.hashCode() * 31 + Arrays.hashCode(infoHash);
    }

    @Override
    public String toString() {
        return "HandshakeHeader[" + reserved + ", infoHash=" + HexFormat.of().formatHex(infoHash) + "]";
    }
}
