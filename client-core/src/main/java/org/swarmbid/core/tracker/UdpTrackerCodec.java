package org.swarmbid.core.tracker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The BEP 15 UDP tracker packets (pure; no I/O). All integers are big-endian.
 *
 * <pre>
 * connect request (16)                   connect response (16)
 *   0  int64 protocol_id 0x41727101980     0  int32 action 0
 *   8  int32 action 0                      4  int32 transaction_id
 *  12  int32 transaction_id                8  int64 connection_id
 *
 * announce request (98)                  announce response (20 + 6n, or 20 + 18n from an IPv6 tracker)
 *   0  int64 connection_id                 0  int32 action 1
 *   8  int32 action 1                      4  int32 transaction_id
 *  12  int32 transaction_id                8  int32 interval
 *  16  20    info_hash                    12  int32 leechers
 *  36  20    peer_id                      16  int32 seeders
 *  56  int64 downloaded                   20  n x (addr, uint16 port)
 *  64  int64 left
 *  72  int64 uploaded                    scrape request (16 + 20n)
 *  80  int32 event 0 none 1 completed      0  int64 connection_id
 *              2 started 3 stopped         8  int32 action 2
 *  84  uint32 ip (0 = sender's)           12  int32 transaction_id
 *  88  uint32 key                         16  20n   info_hash...
 *  92  int32 num_want (-1 = default)
 *  96  uint16 port                       scrape response (8 + 12n)
 *                                          0  int32 action 2, 4 int32 transaction_id
 * error response (8 + text)                8  n x (int32 seeders, int32 completed, int32 leechers)
 *   0  int32 action 3
 *   4  int32 transaction_id
 *   8  message text (to the end)
 * </pre>
 */
public final class UdpTrackerCodec {
    public static final long PROTOCOL_ID = 0x41727101980L;
    public static final int CONNECT = 0;
    public static final int ANNOUNCE = 1;
    public static final int SCRAPE = 2;
    public static final int ERROR = 3;
    static final int MAX_ERROR_TEXT = 512;

    private UdpTrackerCodec() {
    }

    public static byte[] connect(int transactionId) {
        return ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(CONNECT).putInt(transactionId).array();
    }

    public static byte[] announce(long connectionId, int transactionId, AnnounceRequest r) {
        return ByteBuffer.allocate(98).putLong(connectionId).putInt(ANNOUNCE).putInt(transactionId)
                .put(r.infoHash()).put(r.peerId()).putLong(r.downloaded()).putLong(r.left()).putLong(r.uploaded())
                .putInt(r.event().udpCode()).putInt(0).putInt(r.key()).putInt(r.numWant() < 0 ? -1 : r.numWant())
                .putShort((short) r.port()).array();
    }

    public static byte[] scrape(long connectionId, int transactionId, byte[] infoHash) {
        return ByteBuffer.allocate(36).putLong(connectionId).putInt(SCRAPE).putInt(transactionId)
                .put(AnnounceRequest.checkHash(infoHash, "info-hash")).array();
    }

    /** The 8-byte header every response starts with. */
    public record Header(int action, int transactionId) {
    }

    /** Reads the header; empty if the packet is too short to carry one (such packets are ignored). */
    public static Optional<Header> header(ByteBuffer packet) {
        if (packet.remaining() < 8) {
            return Optional.empty();
        }
        return Optional.of(new Header(packet.getInt(packet.position()), packet.getInt(packet.position() + 4)));
    }

    public static long parseConnect(ByteBuffer packet) {
        need(packet, 16, "connect");
        return packet.getLong(packet.position() + 8);
    }

    public static AnnounceResponse parseAnnounce(ByteBuffer packet, boolean ipv6) {
        if (packet.remaining() == 8) {
            // opentracker answers a torrent that is not on its whitelist with a bare header and no error text
            throw new TrackerException(TrackerException.Kind.PROTOCOL,
                    "tracker refused the announce without a reason (empty answer)");
        }
        need(packet, 20, "announce");
        int p = packet.position();
        int interval = packet.getInt(p + 8);
        int leechers = packet.getInt(p + 12);
        int seeders = packet.getInt(p + 16);
        if (interval < 0 || leechers < 0 || seeders < 0) {
            throw new TrackerException(TrackerException.Kind.PROTOCOL, "negative interval or peer count");
        }
        byte[] rest = new byte[packet.remaining() - 20];
        packet.get(p + 20, rest);
        return new AnnounceResponse(Duration.ofSeconds(interval), Optional.empty(),
                PeerLists.compact(rest, 0, rest.length, ipv6, "UDP announce"), OptionalInt.of(seeders),
                OptionalInt.of(leechers), Optional.empty(), Optional.empty());
    }

    /** Counts for the first (only) torrent of a scrape answer. */
    public static ScrapeResponse parseScrape(ByteBuffer packet) {
        need(packet, 20, "scrape");
        int p = packet.position();
        int seeders = packet.getInt(p + 8);
        int completed = packet.getInt(p + 12);
        int leechers = packet.getInt(p + 16);
        if (seeders < 0 || completed < 0 || leechers < 0) {
            throw new TrackerException(TrackerException.Kind.PROTOCOL, "negative count in scrape answer");
        }
        return new ScrapeResponse(seeders, completed, leechers);
    }

    /** The text of an error response, cleaned for display. */
    public static String parseError(ByteBuffer packet) {
        int p = packet.position() + 8;
        int n = Math.max(0, Math.min(packet.limit() - p, 4 * MAX_ERROR_TEXT));
        byte[] text = new byte[n];
        packet.get(p, text);
        String s = TrackerException.printable(new String(text, StandardCharsets.UTF_8), MAX_ERROR_TEXT);
        return s.isEmpty() ? "tracker sent an error without text" : s;
    }

    private static void need(ByteBuffer packet, int n, String what) {
        if (packet.remaining() < n) {
            throw new TrackerException(TrackerException.Kind.PROTOCOL,
                    what + " answer of " + packet.remaining() + " bytes, need at least " + n);
        }
    }
}
