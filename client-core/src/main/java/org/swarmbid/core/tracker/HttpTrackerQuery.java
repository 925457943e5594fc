package org.swarmbid.core.tracker;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Builds the query string of an HTTP announce (BEP 3, BEP 7 {@code key}, BEP 23 {@code compact}) and of a scrape.
 * Binary values ({@code info_hash}, {@code peer_id}) are percent-encoded byte by byte: the RFC 3986 unreserved
 * characters {@code A-Z a-z 0-9 - . _ ~} stay as they are, every other byte becomes {@code %XX}.
 */
public final class HttpTrackerQuery {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpTrackerQuery() {
    }

    /** Percent-encodes raw bytes (not text) for a URL query. */
    public static String percentEncode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** The announce parameters, without a leading {@code ?} or {@code &}. */
    public static String announce(AnnounceRequest r, Optional<String> trackerId) {
        StringBuilder q = new StringBuilder(256);
        q.append("info_hash=").append(percentEncode(r.infoHash()));
        q.append("&peer_id=").append(percentEncode(r.peerId()));
        q.append("&port=").append(r.port());
        q.append("&uploaded=").append(r.uploaded());
        q.append("&downloaded=").append(r.downloaded());
        q.append("&left=").append(r.left());
        q.append("&compact=").append(r.compact() ? 1 : 0);
        r.event().httpValue().ifPresent(e -> q.append("&event=").append(e));
        if (r.numWant() >= 0) {
            q.append("&numwant=").append(r.numWant());
        }
        q.append("&key=").append(HexFormat.of().withUpperCase().toHexDigits(r.key()));
        trackerId.ifPresent(id -> q.append("&trackerid=").append(percentEncode(id.getBytes(StandardCharsets.UTF_8))));
        return q.toString();
    }

    /** The scrape parameters for one torrent. */
    public static String scrape(byte[] infoHash) {
        return "info_hash=" + percentEncode(infoHash);
    }

    /** Appends parameters to a URL that may already carry a query (e.g. a passkey). */
    static String append(String url, String params) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        return base + (base.indexOf('?') < 0 ? '?' : (base.endsWith("?") || base.endsWith("&") ? "" : "&")) + params;
    }
}
