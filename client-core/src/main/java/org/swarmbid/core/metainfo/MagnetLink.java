package org.swarmbid.core.metainfo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A BitTorrent magnet link (BEP 9):
 * <pre>
 *   magnet:?xt=urn:btih:&lt;info-hash&gt;&amp;dn=&lt;display name&gt;&amp;tr=&lt;tracker url&gt;&amp;tr=...
 * </pre>
 * The info-hash is 40 hex digits or 32 base32 characters. {@code tr} may repeat (also written {@code tr.1},
 * {@code tr.2}, ...); {@code ws} (BEP 19 web seeds) may repeat. Values are percent-decoded as UTF-8; {@code +}
 * means a space only in {@code dn}. Other parameters ({@code xl}, {@code x.pe}, {@code so}, ...) are ignored.
 * Parsing only: fetching the info dictionary from peers is future work.
 *
 * @param infoHash    the torrent's v1 info-hash
 * @param displayName the {@code dn} parameter, if any (only a hint: it is not checked against the torrent)
 * @param trackers    the {@code tr} URLs in the order given, duplicates removed
 * @param webSeeds    the {@code ws} URLs in the order given
 */
public record MagnetLink(InfoHash infoHash, Optional<String> displayName, List<String> trackers,
        List<String> webSeeds) {
    /** Longest magnet link accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Most {@code tr} parameters accepted. */
    public static final int MAX_TRACKERS = 200;

    public MagnetLink {
        trackers = List.copyOf(trackers);
        webSeeds = List.copyOf(webSeeds);
    }

    /** A magnet link for a torrent: its info-hash, name and first tracker of each tier. */
    public static MagnetLink of(Metainfo m) {
        List<String> trackers = new ArrayList<>();
        for (List<String> tier : m.trackerTiers()) {
            trackers.add(tier.get(0));
        }
        return new MagnetLink(m.infoHash(), Optional.of(m.info().name()), trackers, m.urlList());
    }

    /**
     * Parses a magnet link.
     *
     * @throws MetainfoException with a one-line message, e.g. {@code magnet link has no xt=urn:btih: parameter}
     */
    public static MagnetLink parse(String uri) {
        if (uri.length() > MAX_LENGTH) {
            throw new MetainfoException("magnet link is " + uri.length() + " characters, more than " + MAX_LENGTH);
        }
        String prefix = "magnet:?";
        if (!uri.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new MetainfoException("not a magnet link: it must start with 'magnet:?'");
        }
        InfoHash hash = null;
        boolean sawV2 = false;
        String name = null;
        List<String> trackers = new ArrayList<>();
        List<String> webSeeds = new ArrayList<>();
        for (String param : uri.substring(prefix.length()).split("&", -1)) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new MetainfoException("magnet parameter " + PathSanitizer.quote(param) + " has no name=value");
            }
            String key = param.substring(0, eq).toLowerCase(Locale.ROOT);
            String raw = param.substring(eq + 1);
            if (key.equals("xt")) {
                String xt = decode(raw, key, false);
                String lower = xt.toLowerCase(Locale.ROOT);
                if (lower.startsWith("urn:btih:")) {
                    InfoHash h = btih(xt.substring("urn:btih:".length()));
                    if (hash != null && !hash.equals(h)) {
                        throw new MetainfoException("magnet link has two different urn:btih: info-hashes");
                    }
                    hash = h;
                } else if (lower.startsWith("urn:btmh:")) {
                    sawV2 = true;
                }
            } else if (key.equals("dn")) {
                name = decode(raw, key, true);
            } else if (key.equals("tr") || key.matches("tr\\.[0-9]{1,4}")) {
                String tr = decode(raw, key, false);
                if (!tr.isEmpty() && !trackers.contains(tr)) {
                    if (trackers.size() == MAX_TRACKERS) {
                        throw new MetainfoException("magnet link has more than " + MAX_TRACKERS + " trackers");
                    }
                    trackers.add(tr);
                }
            } else if (key.equals("ws")) {
                String ws = decode(raw, key, false);
                if (!ws.isEmpty() && webSeeds.size() < MAX_TRACKERS) {
                    webSeeds.add(ws);
                }
            }
        }
        if (hash == null) {
            throw new MetainfoException(sawV2
                    ? "magnet link has only a v2 urn:btmh: hash (BEP 52), which is not supported"
                    : "magnet link has no xt=urn:btih: parameter");
        }
        return new MagnetLink(hash, Optional.ofNullable(name), trackers, webSeeds);
    }

    private static InfoHash btih(String text) {
        if (text.length() == 40) {
            return InfoHash.fromHex(text);
        }
        if (text.length() == 32) {
            return InfoHash.fromBase32(text);
        }
        throw new MetainfoException("urn:btih: info-hash must be 40 hex or 32 base32 characters, not "
                + text.length());
    }

    /** Percent-decodes {@code s} as UTF-8, rejecting bad escapes and invalid UTF-8. */
    private static String decode(String s, String key, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MetainfoException("magnet parameter " + key + " has a bad percent-escape at "
                            + "character " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
            for (int i = 0; i < text.length(); i++) {
                if (Character.isISOControl(text.charAt(i))) {
                    throw new MetainfoException("magnet parameter " + key + " contains a control character");
                }
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new MetainfoException("magnet parameter " + key + " is not valid UTF-8");
        }
    }

    /** The magnet link as text: {@code xt} with hex, then {@code dn}, {@code tr} and {@code ws}, percent-encoded. */
    public String toUri() {
        StringBuilder sb = new StringBuilder("magnet:?xt=urn:btih:").append(infoHash.hex());
        displayName.ifPresent(n -> sb.append("&dn=").append(encode(n)));
        trackers.forEach(t -> sb.append("&tr=").append(encode(t)));
        webSeeds.forEach(w -> sb.append("&ws=").append(encode(w)));
        return sb.toString();
    }

    private static String encode(String s) {
        return PercentEncoding.encode(s.getBytes(StandardCharsets.UTF_8));
    }
}
