package org.swarmbid.core.wire;

import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every message with its exact bytes, length prefix included, written by hand from the layouts in BEP 3 (ids 0-8),
 * BEP 5 (port), BEP 6 (13-17) and BEP 10 (20). Used in both directions: decode the bytes, encode the message.
 */
final class WireVectors {
    record Vector(String name, Supplier<PeerMessage> message, String hex) {
        @Override
        public String toString() {
            return name;
        }
    }

    private WireVectors() {
    }

    static List<Vector> all() {
        return List.of(
                new Vector("keep-alive", () -> PeerMessage.KeepAlive.INSTANCE, "00000000"),
                new Vector("choke", () -> PeerMessage.Choke.INSTANCE, "00000001 00"),
                new Vector("unchoke", () -> PeerMessage.Unchoke.INSTANCE, "00000001 01"),
                new Vector("interested", () -> PeerMessage.Interested.INSTANCE, "00000001 02"),
                new Vector("not interested", () -> PeerMessage.NotInterested.INSTANCE, "00000001 03"),
                new Vector("have", () -> new PeerMessage.Have(0x01020304), "00000005 04 01020304"),
                new Vector("bitfield", () -> new PeerMessage.Bitfield(new byte[] {(byte) 0xff, (byte) 0x80}),
                        "00000003 05 ff80"),
                new Vector("request", () -> new PeerMessage.Request(1, 0x4000, 0x4000),
                        "0000000d 06 00000001 00004000 00004000"),
                new Vector("piece", () -> new PeerMessage.Piece(2, 0x8000, Unpooled.wrappedBuffer(new byte[] {9, 8, 7})),
                        "0000000c 07 00000002 00008000 090807"),
                new Vector("empty piece", () -> new PeerMessage.Piece(0, 0, Unpooled.EMPTY_BUFFER),
                        "00000009 07 00000000 00000000"),
                new Vector("cancel", () -> new PeerMessage.Cancel(3, 0, 0x4000),
                        "0000000d 08 00000003 00000000 00004000"),
                new Vector("port", () -> new PeerMessage.Port(6881), "00000003 09 1ae1"),
                new Vector("suggest piece", () -> new PeerMessage.SuggestPiece(7), "00000005 0d 00000007"),
                new Vector("have all", () -> PeerMessage.HaveAll.INSTANCE, "00000001 0e"),
                new Vector("have none", () -> PeerMessage.HaveNone.INSTANCE, "00000001 0f"),
                new Vector("reject request", () -> new PeerMessage.RejectRequest(5, 0x4000, 0x2000),
                        "0000000d 10 00000005 00004000 00002000"),
                new Vector("allowed fast", () -> new PeerMessage.AllowedFast(1313), "00000005 11 00000521"),
                new Vector("extended", () -> new PeerMessage.Extended(3, Unpooled.wrappedBuffer("de".getBytes())),
                        "00000004 14 03 6465"),
                new Vector("extended handshake", () -> new PeerMessage.Extended(0, Unpooled.wrappedBuffer("de".getBytes())),
                        "00000004 14 00 6465"),
                new Vector("unknown id 21", () -> new PeerMessage.Unknown(21, new byte[] {1, 2}), "00000003 15 0102"),
                new Vector("unknown id 255, empty", () -> new PeerMessage.Unknown(255, new byte[0]), "00000001 ff"));
    }
}
