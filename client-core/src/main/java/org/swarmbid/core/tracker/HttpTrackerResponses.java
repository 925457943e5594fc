package org.swarmbid.core.tracker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * Parses HTTP tracker answers (pure; no I/O).
 *
 * <p>Announce (BEP 3, BEP 23, BEP 7): a dictionary with either {@code failure reason} or {@code interval},
 * optional {@code min interval}, {@code complete}, {@code incomplete}, {@code tracker id}, {@code warning message},
 * and {@code peers} as a compact string (6 bytes per IPv4 peer) or as a list of {@code {ip, port, peer id}}
 * dictionaries, plus optional {@code peers6} (18 bytes per IPv6 peer).
 *
 * <p>Scrape (BEP 48): {@code d5:files d20:<info-hash> d8:complete i..e 10:downloaded i..e 10:incomplete i..e e e e}.
 */
public final class HttpTrackerResponses {
    /** Longest tracker text (failure reason, warning) passed on to the user. */
    static final int MAX_TEXT = 512;
    /** Used when a tracker omits {@code interval}. */
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    private HttpTrackerResponses() {
    }

    public static AnnounceResponse parseAnnounce(byte[] body) {
        BDict d = decode(body);
        try {
            failure(d);
            long interval = d.integer("interval").orElse(DEFAULT_INTERVAL.toSeconds());
            if (interval < 0) {
                throw protocol("negative interval " + interval);
            }
            Optional<Duration> minInterval = d.integer("min interval").map(v -> {
                if (v < 0) {
                    throw protocol("negative min interval " + v);
                }
                return Duration.ofSeconds(v);
            });
            List<InetSocketAddress> peers = new ArrayList<>();
            Optional<BValue> p = d.get("peers");
            if (p.isPresent()) {
                if (p.get() instanceof BString s) {
                    byte[] b = s.bytes();
                    peers.addAll(PeerLists.compact(b, 0, b.length, false, "peers"));
                } else if (p.get() instanceof BList l) {
                    peers.addAll(dictionaryPeers(l));
                } else {
                    throw protocol("'peers' is neither a string nor a list");
                }
            }
            Optional<BString> p6 = d.string("peers6");
            if (p6.isPresent()) {
                byte[] b = p6.get().bytes();
                peers.addAll(PeerLists.compact(b, 0, b.length, true, "peers6"));
            }
            return new AnnounceResponse(Duration.ofSeconds(interval), minInterval, peers, count(d, "complete"),
                    count(d, "incomplete"), d.utf8("warning message").map(w -> TrackerException.printable(w, MAX_TEXT)),
                    d.utf8("tracker id").filter(t -> !t.isEmpty() && t.length() <= 256));
        } catch (BencodeException e) {
            throw protocol(e.getMessage());
        }
    }

    public static ScrapeResponse parseScrape(byte[] body, byte[] infoHash) {
        BDict d = decode(body);
        try {
            failure(d);
            BDict files = d.dict("files").orElseThrow(() -> protocol("scrape answer has no 'files'"));
            for (var e : files.entries().entrySet()) {
                byte[] key = e.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                if (Arrays.equals(key, infoHash)) {
                    if (!(e.getValue() instanceof BDict f)) {
                        throw protocol("scrape entry is not a dictionary");
                    }
                    return new ScrapeResponse(count(f, "complete").orElse(0), count(f, "downloaded").orElse(0),
                            count(f, "incomplete").orElse(0));
                }
            }
            throw new TrackerException(TrackerException.Kind.TRACKER_FAILURE,
                    "tracker did not report this torrent in its scrape");
        } catch (BencodeException e) {
            throw protocol(e.getMessage());
        }
    }

    private static BDict decode(byte[] body) {
        BValue v;
        try {
            v = BencodeReader.decode(body, BencodeLimits.TRACKER_RESPONSE);
        } catch (BencodeException e) {
            throw protocol("malformed bencode: " + e.getMessage());
        }
        if (!(v instanceof BDict d)) {
            throw protocol("answer is not a bencoded dictionary");
        }
        return d;
    }

    private static void failure(BDict d) {
        Optional<String> reason = d.utf8("failure reason");
        if (reason.isPresent()) {
            throw new TrackerException(TrackerException.Kind.TRACKER_FAILURE,
                    TrackerException.printable(reason.get(), MAX_TEXT));
        }
    }

    private static OptionalInt count(BDict d, String key) {
        Optional<Long> v = d.integer(key);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        long n = v.get();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw protocol("'" + key + "' out of range: " + n);
        }
        return OptionalInt.of((int) n);
    }

    private static List<InetSocketAddress> dictionaryPeers(BList list) {
        List<InetSocketAddress> peers = new ArrayList<>(list.size());
        for (BValue v : list.values()) {
            if (!(v instanceof BDict peer)) {
                throw protocol("'peers' list entry is not a dictionary");
            }
            Optional<String> ip = peer.utf8("ip");
            Optional<Long> port = peer.integer("port");
            if (ip.isEmpty() || port.isEmpty()) {
                throw protocol("'peers' entry lacks ip or port");
            }
            if (port.get() < 1 || port.get() > 0xffff) {
                continue;
            }
            InetAddress a = PeerLists.ipLiteral(ip.get());
            if (a != null) {
                peers.add(new InetSocketAddress(a, port.get().intValue()));
            }
        }
        return peers;
    }

    private static TrackerException protocol(String message) {
        return new TrackerException(TrackerException.Kind.PROTOCOL, message);
    }
}
