package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The BitTorrent handshake (BEP 3), 68 bytes, sent once by each side before any {@link PeerMessage}.
 * <pre>
 *  0    1                     20         28                48                68
 *  +----+---------------------+----------+-----------------+-----------------+
 *  | 19 | "BitTorrent protocol" | reserved | info_hash (20)  | peer_id (20)    |
 *  +----+---------------------+----------+-----------------+-----------------+
 *  \________________ HandshakeHeader (48 bytes) _________/
 * </pre>
 * The first 48 bytes are enough for an acceptor to find the torrent (see {@link HandshakeHeader}); the peer id
 * follows, and an initiator that is only checking reachability may never send it.
 *
 * @param reserved the eight reserved bytes: extension bits, see {@link ReservedBits}
 * @param infoHash the 20-byte info-hash (for a BEP 52 v2 torrent: its SHA-256 truncated to 20 bytes)
 * @param peerId   the sender's peer id
 */
public record Handshake(ReservedBits reserved, byte[] infoHash, PeerId peerId) {
    /** Protocol name as it appears on the wire, after its length byte. */
    public static final String PROTOCOL = "BitTorrent protocol";
    /** Length of the complete handshake. */
    public static final int LENGTH = 68;
    /** Length of the part before the peer id. */
    public static final int HEADER_LENGTH = 48;

    static final byte[] PROTOCOL_PREFIX;

    static {
        byte[] name = PROTOCOL.getBytes(StandardCharsets.US_ASCII);
        PROTOCOL_PREFIX = new byte[1 + name.length];
        PROTOCOL_PREFIX[0] = (byte) name.length;
        System.arraycopy(name, 0, PROTOCOL_PREFIX, 1, name.length);
    }

    public Handshake {
        if (reserved == null || peerId == null) {
            throw new NullPointerException("reserved and peerId");
        }
        infoHash = checkInfoHash(infoHash);
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    public boolean supportsExtensionProtocol() {
        return reserved.extensionProtocol();
    }

    public boolean supportsFastExtension() {
        return reserved.fastExtension();
    }

    public boolean supportsDht() {
        return reserved.dht();
    }

    /** The first 48 bytes' worth: reserved bits and info-hash. */
    public HandshakeHeader header() {
        return new HandshakeHeader(reserved, infoHash);
    }

    /** Writes the 68 bytes to {@code out}. */
    public void writeTo(ByteBuf out) {
        out.writeBytes(PROTOCOL_PREFIX);
        out.writeLong(reserved.bits());
        out.writeBytes(infoHash);
        out.writeBytes(peerId.bytes());
    }

    static byte[] checkInfoHash(byte[] infoHash) {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("info-hash must be 20 bytes, got " + infoHash.length);
        }
        return infoHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handshake h && reserved.equals(h.reserved) && Arrays.equals(infoHash, h.infoHash)
                && peerId.equals(h.peerId);
    }

    @Override
    public int hashCode() {
        return (reserved.hashCode() * 31 + Arrays.hashCode(infoHash)) * 31 + peerId.hashCode();
    }

    @Override
    public String toString() {
        return "Handshake[" + reserved + ", infoHash=" + HexFormat.of().formatHex(infoHash) + ", peerId=" + peerId
                + "]";
    }
}
