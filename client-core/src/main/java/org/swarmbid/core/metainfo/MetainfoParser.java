package org.swarmbid.core.metainfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * Strict parser for torrent files (BEP 3, BEP 12 {@code announce-list}, BEP 19 {@code url-list}, BEP 27
 * {@code private}). Input is bounded by {@link BencodeLimits#TORRENT_FILE}; the info-hash is the SHA-1 of the
 * {@code info} value's raw bytes as they appear in the file.
 *
 * <p>Info dictionary, single-file and multi-file forms:
 * <pre>
 *   d 6:length i&lt;bytes&gt;e  4:name &lt;name&gt;  12:piece length i&lt;n&gt;e
 *     6:pieces &lt;20 x count bytes&gt;  [7:private i1e] e
 *   d 5:files l d 6:length i&lt;bytes&gt;e 4:path l &lt;dir&gt;... &lt;file&gt; e e ... e  4:name &lt;dir&gt; ... e
 * </pre>
 * {@code name.utf-8} and {@code path.utf-8} are preferred when present. Everything that decides which bytes go
 * where, and the tracker lists, must be present with the right type or the file is rejected; the informational
 * keys ({@code comment}, {@code created by}, {@code creation date}) are ignored when malformed.
 *
 * <p>Stateless and thread-safe.
 */
public final class MetainfoParser {
    /** Largest accepted piece length: 256 MiB. */
    public static final int MAX_PIECE_LENGTH = 256 << 20;
    /** Most files in one torrent. */
    public static final int MAX_FILES = 500_000;
    /** Most tracker URLs over all announce-list tiers. */
    public static final int MAX_TRACKERS = 1_000;
    /** Most web seed URLs. */
    public static final int MAX_WEB_SEEDS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(MetainfoParser.class);

    private MetainfoParser() {
    }

    /** Reads and parses a torrent file, refusing files larger than the torrent-file limit before reading. */
    public static Metainfo read(Path torrentFile) throws IOException {
        int max = BencodeLimits.TORRENT_FILE.maxInput();
        try (InputStream in = Files.newInputStream(torrentFile)) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                throw new MetainfoException("torrent file is larger than " + max + " bytes");
            }
            return parse(data);
        }
    }

    /**
     * Parses a whole torrent file.
     *
     * @throws MetainfoException with a one-line message naming the problem and where it is
     */
    public static Metainfo parse(byte[] torrent) {
        BencodeReader.Decoded decoded = decode(torrent);
        if (!(decoded.value() instanceof BDict root)) {
            throw new MetainfoException("torrent file is not a bencoded dictionary");
        }
        BValue infoValue = root.get("info").orElseThrow(() -> new MetainfoException("info dictionary is missing"));
        if (!(infoValue instanceof BDict infoDict)) {
            throw new MetainfoException("info must be a dictionary");
        }
        BencodeReader.Span span = decoded.span("info").orElseThrow();
        byte[] infoBytes = Arrays.copyOfRange(torrent, span.start(), span.end());
        InfoDictionary info = info(infoDict);

        Optional<String> announce = optionalString(root, "announce").filter(s -> !s.isEmpty());
        List<List<String>> announceList = announceList(root);
        List<String> urlList = urlList(root);
        Optional<String> comment = informational(root, "comment.utf-8").or(() -> informational(root, "comment"));
        Optional<String> createdBy = informational(root, "created by");
        Optional<Instant> created = creationDate(root);
        return new Metainfo(announce, announceList, comment, createdBy, created, urlList, info, infoBytes);
    }

    /**
     * Parses a bare info dictionary, as received through BEP 9 {@code ut_metadata}; the caller compares
     * {@link Metainfo#infoHash()} with the hash it asked for.
     *
     * @param trackerTiers trackers known from elsewhere (a magnet link), stored as the announce-list
     */
    public static Metainfo fromInfoBytes(byte[] infoBytes, List<List<String>> trackerTiers) {
        BValue v = decode(infoBytes).value();
        if (!(v instanceof BDict infoDict)) {
            throw new MetainfoException("info must be a dictionary");
        }
        InfoDictionary info = info(infoDict);
        List<List<String>> tiers = trackerTiers.stream().filter(t -> !t.isEmpty()).toList();
        return new Metainfo(Optional.empty(), tiers, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), info, infoBytes.clone());
    }

    private static BencodeReader.Decoded decode(byte[] data) {
        try {
            return BencodeReader.decodeWithSpans(data, BencodeLimits.TORRENT_FILE);
        } catch (BencodeException e) {
            throw new MetainfoException("not valid bencode: " + e.getMessage(), e);
        }
    }

    static InfoDictionary info(BDict info) {
        Optional<Long> metaVersion = optionalInteger(info, "meta version", "info.meta version");
        if (metaVersion.isPresent() && metaVersion.get() >= 2 && !info.containsKey("pieces")) {
            throw new MetainfoException("BitTorrent v2-only torrents (BEP 52) are not supported");
        }
        long pieceLength = requiredInteger(info, "piece length", "info.piece length");
        if (pieceLength <= 0) {
            throw new MetainfoException("info.piece length is " + pieceLength + ", must be positive");
        }
        if (pieceLength > MAX_PIECE_LENGTH) {
            throw new MetainfoException("info.piece length is " + pieceLength + ", more than the limit of "
                    + MAX_PIECE_LENGTH);
        }
        byte[] pieces = requiredBytes(info, "pieces", "info.pieces").bytes();
        if (pieces.length % InfoHash.LENGTH != 0) {
            throw new MetainfoException("info.pieces is " + pieces.length + " bytes, not a multiple of 20");
        }

        String rawName = preferUtf8(info, "name", "info.name");
        String name = PathSanitizer.element(rawName, "info.name");

        boolean hasLength = info.containsKey("length");
        boolean hasFiles = info.containsKey("files");
        if (hasLength && hasFiles) {
            throw new MetainfoException("info has both length and files");
        }
        if (!hasLength && !hasFiles) {
            throw new MetainfoException("info has neither length nor files");
        }
        List<FileEntry> files;
        long total;
        if (hasLength) {
            total = requiredInteger(info, "length", "info.length");
            if (total < 0) {
                throw new MetainfoException("info.length is negative");
            }
            files = List.of(new FileEntry(List.of(name), total, 0));
        } else {
            files = new ArrayList<>();
            total = files(info, name, files);
        }
        if (total == 0) {
            throw new MetainfoException("total length is 0: the torrent has no data");
        }
        long expected = total / pieceLength + (total % pieceLength == 0 ? 0 : 1);
        int count = pieces.length / InfoHash.LENGTH;
        if (count != expected) {
            throw new MetainfoException(count + " piece hashes for " + expected + " pieces");
        }
        boolean isPrivate = optionalInteger(info, "private", "info.private").orElse(0L) != 0;
        return new InfoDictionary(name, (int) pieceLength, pieces, files, total, isPrivate, hasLength);
    }

    /** Parses info.files into {@code out} and returns the total length. */
    private static long files(BDict info, String name, List<FileEntry> out) {
        BValue filesValue = info.get("files").orElseThrow();
        if (!(filesValue instanceof BList list)) {
            throw new MetainfoException("info.files must be a list");
        }
        if (list.size() == 0) {
            throw new MetainfoException("info.files is empty");
        }
        if (list.size() > MAX_FILES) {
            throw new MetainfoException("info.files has " + list.size() + " entries, more than " + MAX_FILES);
        }
        PathNode tree = new PathNode();
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            String where = "file " + i + ": ";
            if (!(list.get(i) instanceof BDict entry)) {
                throw new MetainfoException(where + "entry must be a dictionary");
            }
            long length = requiredInteger(entry, "length", where + "length");
            if (length < 0) {
                throw new MetainfoException(where + "length is negative");
            }
            List<String> path = path(entry, where);
            tree.addFile(path, where);
            List<String> key = new ArrayList<>(path.size() + 1);
            key.add(name);
            key.addAll(path);
            long offset = total;
            try {
                total = Math.addExact(total, length);
            } catch (ArithmeticException e) {
                throw new MetainfoException(where + "total length overflows a 64-bit integer");
            }
            out.add(new FileEntry(key, length, offset));
        }
        return total;
    }

    /**
     * The directory tree of a multi-file torrent, to reject two files with one path and a file used as a
     * directory. Memory and time are linear in the number of path elements (a set of path prefixes would be
     * quadratic in the depth).
     */
    private static final class PathNode {
        private final Map<String, PathNode> children = new HashMap<>();
        private boolean file;

        void addFile(List<String> path, String where) {
            PathNode node = this;
            for (int d = 0; d < path.size() - 1; d++) {
                node = node.children.computeIfAbsent(path.get(d), k -> new PathNode());
                if (node.file) {
                    throw new MetainfoException(where + "path " + PathSanitizer.quote(String.join("/", path))
                            + " uses file " + PathSanitizer.quote(String.join("/", path.subList(0, d + 1)))
                            + " as a directory");
                }
            }
            PathNode leaf = node.children.get(path.get(path.size() - 1));
            if (leaf != null) {
                throw new MetainfoException(where + "path " + PathSanitizer.quote(String.join("/", path))
                        + (leaf.file ? " is used twice" : " is also a directory"));
            }
            PathNode f = new PathNode();
            f.file = true;
            node.children.put(path.get(path.size() - 1), f);
        }
    }

    private static List<String> path(BDict entry, String where) {
        String key = entry.containsKey("path.utf-8") ? "path.utf-8" : "path";
        BValue v = entry.get(key).orElseThrow(() -> new MetainfoException(where + "path is missing"));
        if (!(v instanceof BList list)) {
            throw new MetainfoException(where + key + " must be a list");
        }
        if (list.size() == 0) {
            throw new MetainfoException(where + key + " is empty");
        }
        if (list.size() > PathSanitizer.MAX_DEPTH) {
            throw new MetainfoException(where + key + " has " + list.size() + " elements, more than "
                    + PathSanitizer.MAX_DEPTH);
        }
        List<String> out = new ArrayList<>(list.size());
        for (int j = 0; j < list.size(); j++) {
            if (!(list.get(j) instanceof BString s)) {
                throw new MetainfoException(where + key + " element " + j + " must be a byte string");
            }
            out.add(PathSanitizer.element(s.utf8(), where + "path element"));
        }
        return out;
    }

    private static List<List<String>> announceList(BDict root) {
        Optional<BValue> v = root.get("announce-list");
        if (v.isEmpty()) {
            return List.of();
        }
        if (!(v.get() instanceof BList tiers)) {
            throw new MetainfoException("announce-list must be a list");
        }
        List<List<String>> out = new ArrayList<>();
        int urls = 0;
        for (int t = 0; t < tiers.size(); t++) {
            if (!(tiers.get(t) instanceof BList tier)) {
                throw new MetainfoException("announce-list tier " + t + " must be a list");
            }
            List<String> tierUrls = new ArrayList<>();
            for (int u = 0; u < tier.size(); u++) {
                if (!(tier.get(u) instanceof BString s)) {
                    throw new MetainfoException("announce-list tier " + t + " entry " + u + " must be a byte string");
                }
                if (s.length() > 0) {
                    if (++urls > MAX_TRACKERS) {
                        throw new MetainfoException("announce-list has more than " + MAX_TRACKERS + " URLs");
                    }
                    tierUrls.add(s.utf8());
                }
            }
            if (!tierUrls.isEmpty()) {
                out.add(tierUrls);
            }
        }
        return out;
    }

    private static List<String> urlList(BDict root) {
        Optional<BValue> v = root.get("url-list");
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof BString s) {
            return s.length() == 0 ? List.of() : List.of(s.utf8());
        }
        if (!(v.get() instanceof BList list)) {
            throw new MetainfoException("url-list must be a byte string or a list");
        }
        if (list.size() > MAX_WEB_SEEDS) {
            throw new MetainfoException("url-list has " + list.size() + " entries, more than " + MAX_WEB_SEEDS);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof BString s)) {
                throw new MetainfoException("url-list entry " + i + " must be a byte string");
            }
            if (s.length() > 0) {
                out.add(s.utf8());
            }
        }
        return out;
    }

    private static Optional<Instant> creationDate(BDict root) {
        Optional<BValue> v = root.get("creation date");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof BInteger i) {
            try {
                return Optional.of(Instant.ofEpochSecond(i.value()));
            } catch (DateTimeException e) {
                LOG.debug("ignoring creation date {}: out of range", i.value());
                return Optional.empty();
            }
        }
        LOG.debug("ignoring creation date: not an integer");
        return Optional.empty();
    }

    private static Optional<String> informational(BDict root, String key) {
        Optional<BValue> v = root.get(key);
        if (v.isPresent() && !(v.get() instanceof BString)) {
            LOG.debug("ignoring {}: not a byte string", key);
            return Optional.empty();
        }
        return v.map(s -> ((BString) s).utf8());
    }

    private static String preferUtf8(BDict d, String key, String what) {
        if (d.containsKey(key + ".utf-8")) {
            return requiredBytes(d, key + ".utf-8", what + ".utf-8").utf8();
        }
        return requiredBytes(d, key, what).utf8();
    }

    private static Optional<String> optionalString(BDict d, String key) {
        Optional<BValue> v = d.get(key);
        if (v.isPresent() && !(v.get() instanceof BString)) {
            throw new MetainfoException(key + " must be a byte string");
        }
        return v.map(s -> ((BString) s).utf8());
    }

    private static long requiredInteger(BDict d, String key, String what) {
        BValue v = d.get(key).orElseThrow(() -> new MetainfoException(what + " is missing"));
        if (!(v instanceof BInteger i)) {
            throw new MetainfoException(what + " must be an integer");
        }
        return i.value();
    }

    private static Optional<Long> optionalInteger(BDict d, String key, String what) {
        Optional<BValue> v = d.get(key);
        if (v.isPresent() && !(v.get() instanceof BInteger)) {
            throw new MetainfoException(what + " must be an integer");
        }
        return v.map(i -> ((BInteger) i).value());
    }

    private static BString requiredBytes(BDict d, String key, String what) {
        BValue v = d.get(key).orElseThrow(() -> new MetainfoException(what + " is missing"));
        if (!(v instanceof BString s)) {
            throw new MetainfoException(what + " must be a byte string");
        }
        return s;
    }
}
