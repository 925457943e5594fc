package org.swarmbid.core.wire;

import java.util.Map;
import java.util.Optional;

/**
 * The client name and version a peer id announces, for display only (a peer id proves nothing).
 *
 * <p>Recognised conventions (BEP 20 and the clients' own sources of habit):
 * <pre>
 *  Azureus style   -XXabcd-rrrrrrrrrrrr   XX = client code from the table below, abcd = version characters,
 *                                         each 0-9, then A-Z = 10..35 (libtorrent: 2.0.10 is "-LT20A0-")
 *                  -TR3000-               Transmission: "3.00" for major &lt;= 3, "4.0.5" from 4 on;
 *                                         a trailing Z means a development build, X or B a beta
 *  dashed style    A2-1-36-0-rrrrrrrrrr   aria2 1.36.0
 *                  M7-4-3--rrrrrrrrrrrr   BitTorrent mainline 7.4.3
 * </pre>
 *
 * @param name    the client's name, e.g. {@code "libtorrent"}
 * @param version the version as the client writes it, e.g. {@code "2.0.8"}; empty if it could not be read
 */
public record ClientIdentity(String name, String version) {

    private enum Style { DIGITS, TRANSMISSION }

    private record Known(String name, Style style) {
    }

    /** Azureus-style two-letter codes. Case matters: LT and lt are different projects. */
    private static final Map<String, Known> AZUREUS_STYLE = Map.ofEntries(
            Map.entry("AZ", new Known("Vuze", Style.DIGITS)),
            Map.entry("BI", new Known("BiglyBT", Style.DIGITS)),
            Map.entry("BT", new Known("BitTorrent", Style.DIGITS)),
            Map.entry("DE", new Known("Deluge", Style.DIGITS)),
            Map.entry("KT", new Known("KTorrent", Style.DIGITS)),
            Map.entry("LT", new Known("libtorrent", Style.DIGITS)),
            Map.entry("lt", new Known("libTorrent (rakshasa)", Style.DIGITS)),
            Map.entry("qB", new Known("qBittorrent", Style.DIGITS)),
            Map.entry("SB", new Known("Swarmbid", Style.DIGITS)),
            Map.entry("TR", new Known("Transmission", Style.TRANSMISSION)),
            Map.entry("UM", new Known("µTorrent Mac", Style.DIGITS)),
            Map.entry("UT", new Known("µTorrent", Style.DIGITS)),
            Map.entry("UW", new Known("µTorrent Web", Style.DIGITS)));

    public ClientIdentity {
        if (name == null || version == null) {
            throw new NullPointerException("name and version");
        }
    }

    /** Reads a 20-byte peer id; empty if it follows no convention we know. */
    public static Optional<ClientIdentity> of(byte[] peerId) {
        if (peerId.length != PeerId.LENGTH) {
            return Optional.empty();
        }
        if (peerId[0] == '-' && peerId[7] == '-') {
            String code = new String(new char[] {(char) (peerId[1] & 0xff), (char) (peerId[2] & 0xff)});
            Known known = AZUREUS_STYLE.get(code);
            if (known == null) {
                return Optional.empty();
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                v[i] = versionChar(peerId[3 + i]);
                if (v[i] < 0) {
                    return Optional.of(new ClientIdentity(known.name(), ""));
                }
            }
            return Optional.of(new ClientIdentity(known.name(),
                    known.style() == Style.TRANSMISSION ? transmission(v, peerId[6]) : digits(v, peerId[6])));
        }
        if (startsWith(peerId, "A2-")) {
            return dashed(peerId, 3, "aria2");
        }
        if (peerId[0] == 'M' && peerId[1] >= '0' && peerId[1] <= '9') {
            return dashed(peerId, 1, "BitTorrent (mainline)");
        }
        return Optional.empty();
    }

    private static String digits(int[] v, byte tag) {
        String s = v[0] + "." + v[1] + "." + v[2];
        if (tag >= '1' && tag <= '9') {
            s += "." + v[3];
        } else if (tag == 'B') {
            s += " beta";
        }
        return s;
    }

    private static String transmission(int[] v, byte tag) {
        String s = v[0] <= 3 ? v[0] + "." + v[1] + v[2] : v[0] + "." + v[1] + "." + v[2];
        if (tag == 'Z') {
            s += "+";
        } else if (tag == 'X' || tag == 'B') {
            s += " beta";
        }
        return s;
    }

    /** Up to three decimal groups each ended by '-', starting at {@code from}. */
    private static Optional<ClientIdentity> dashed(byte[] id, int from, String name) {
        StringBuilder version = new StringBuilder();
        int pos = from;
        for (int group = 0; group < 3 && pos < id.length; group++) {
            int start = pos;
            while (pos < id.length && id[pos] >= '0' && id[pos] <= '9' && pos - start < 4) {
                pos++;
            }
            if (pos == start || pos >= id.length || id[pos] != '-') {
                break;
            }
            if (version.length() > 0) {
                version.append('.');
            }
            version.append(Integer.parseInt(new String(id, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII)));
            pos++;
        }
        if (version.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ClientIdentity(name, version.toString()));
    }

    private static int versionChar(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'Z') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 36;
        }
        return -1;
    }

    private static boolean startsWith(byte[] id, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (id[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return version.isEmpty() ? name : name + " " + version;
    }
}
