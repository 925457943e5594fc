package org.swarmbid.core.tracker;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes compact peer lists. Entries with port 0 are dropped (nobody listens there).
 *
 * <pre>
 * IPv4, BEP 23 "peers" and BEP 15 (6 bytes each):      IPv6, BEP 7 "peers6" and BEP 15 over IPv6 (18 bytes each):
 *   0       4      6                                     0                16     18
 *   +-------+------+                                     +----------------+------+
 *   | addr  | port |  big-endian                         |      addr      | port |
 *   +-------+------+                                     +----------------+------+
 * </pre>
 */
public final class PeerLists {
    public static final int IPV4_ENTRY = 6;
    public static final int IPV6_ENTRY = 18;

    private PeerLists() {
    }

    /** Decodes {@code length} bytes of 6- or 18-byte entries; a length that is not a multiple is rejected. */
    public static List<InetSocketAddress> compact(byte[] data, int offset, int length, boolean ipv6, String field) {
        int entry = ipv6 ? IPV6_ENTRY : IPV4_ENTRY;
        if (length % entry != 0) {
            throw new TrackerException(TrackerException.Kind.PROTOCOL, "truncated peer list: " + field + " has "
                    + length + " bytes, not a multiple of " + entry);
        }
        List<InetSocketAddress> peers = new ArrayList<>(length / entry);
        byte[] addr = new byte[entry - 2];
        for (int p = offset; p < offset + length; p += entry) {
            System.arraycopy(data, p, addr, 0, addr.length);
            int port = ((data[p + entry - 2] & 0xff) << 8) | (data[p + entry - 1] & 0xff);
            if (port == 0) {
                continue;
            }
            try {
                InetAddress a = ipv6 ? Inet6Address.getByAddress(null, addr, null) : InetAddress.getByAddress(addr);
                peers.add(new InetSocketAddress(a, port));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("address of fixed length rejected", e); // cannot happen
            }
        }
        return peers;
    }

    /**
     * Parses an IP literal from a dictionary-model peer list without any DNS lookup: dotted-quad IPv4 or an IPv6
     * literal. Returns null for anything else (BEP 3 allows DNS names; resolving names handed out by a tracker would
     * let it point us at arbitrary hosts' resolvers, so they are skipped).
     */
    static InetAddress ipLiteral(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return null;
                }
            }
            try {
                return InetAddress.getByName(s.startsWith("[") ? s : "[" + s + "]"); // a literal: no lookup
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
