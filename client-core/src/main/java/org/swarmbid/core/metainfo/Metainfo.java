package org.swarmbid.core.metainfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeWriter;

/**
 * A parsed torrent file (BEP 3), with BEP 12 tracker tiers and BEP 19 web seeds. Immutable and thread-safe.
 *
 * <pre>
 *   d
 *     8:announce      &lt;url&gt;                       optional when announce-list or DHT is used
 *     13:announce-list l l&lt;url&gt;...e ... e          BEP 12 tiers, tried in order
 *     7:comment       &lt;text&gt;
 *     10:created by   &lt;text&gt;
 *     13:creation date i&lt;unix seconds&gt;e
 *     4:info          d ... e                      hashed as raw bytes: the info-hash
 *     8:url-list      &lt;url&gt; | l&lt;url&gt;...e          BEP 19
 *   e
 * </pre>
 */
public final class Metainfo {
    private final Optional<String> announce;
    private final List<List<String>> announceList;
    private final Optional<String> comment;
    private final Optional<String> createdBy;
    private final Optional<Instant> creationDate;
    private final List<String> urlList;
    private final InfoDictionary info;
    private final InfoHash infoHash;
    private final byte[] infoBytes;

    Metainfo(Optional<String> announce, List<List<String>> announceList, Optional<String> comment,
            Optional<String> createdBy, Optional<Instant> creationDate, List<String> urlList, InfoDictionary info,
            byte[] infoBytes) {
        this.announce = announce;
        this.announceList = announceList.stream().map(List::copyOf).toList();
        this.comment = comment;
        this.createdBy = createdBy;
        this.creationDate = creationDate;
        this.urlList = List.copyOf(urlList);
        this.info = info;
        this.infoBytes = infoBytes;
        this.infoHash = InfoHash.sha1(infoBytes, 0, infoBytes.length);
    }

    /** The {@code announce} URL, if present and non-empty. */
    public Optional<String> announce() {
        return announce;
    }

    /** BEP 12 {@code announce-list} tiers as given (empty tiers and empty URLs dropped); empty if absent. */
    public List<List<String>> announceList() {
        return announceList;
    }

    /**
     * The trackers to use, in tiers: BEP 12 says a client that supports {@code announce-list} ignores
     * {@code announce} when the list is present; otherwise the single {@code announce} URL forms one tier.
     */
    public List<List<String>> trackerTiers() {
        if (!announceList.isEmpty()) {
            return announceList;
        }
        return announce.map(a -> List.of(List.of(a))).orElse(List.of());
    }

    public Optional<String> comment() {
        return comment;
    }

    public Optional<String> createdBy() {
        return createdBy;
    }

    public Optional<Instant> creationDate() {
        return creationDate;
    }

    /** BEP 19 web seed URLs; empty if absent. */
    public List<String> urlList() {
        return urlList;
    }

    public InfoDictionary info() {
        return info;
    }

    /** SHA-1 of {@link #infoBytes()}. */
    public InfoHash infoHash() {
        return infoHash;
    }

    /** A copy of the info dictionary exactly as it was encoded in the file (what BEP 9 serves to peers). */
    public byte[] infoBytes() {
        return infoBytes.clone();
    }

    /** Size of the raw info dictionary, for BEP 9 {@code metadata_size}. */
    public int infoSize() {
        return infoBytes.length;
    }

    /**
     * A torrent file for this metainfo: the keys above in canonical order, with the info dictionary copied
     * byte for byte (so the info-hash is kept even if the original info bytes were not canonical). Unknown
     * top-level keys of a parsed file are not kept.
     */
    public byte[] toTorrentBytes() {
        Map<String, Object> top = new TreeMap<>(); // ASCII keys: String order is byte order
        announce.ifPresent(a -> top.put("announce", BString.of(a)));
        if (!announceList.isEmpty()) {
            List<BValue> tiers = new ArrayList<>();
            for (List<String> tier : announceList) {
                tiers.add(new BList(tier.stream().<BValue>map(BString::of).toList()));
            }
            top.put("announce-list", new BList(tiers));
        }
        comment.ifPresent(c -> top.put("comment", BString.of(c)));
        createdBy.ifPresent(c -> top.put("created by", BString.of(c)));
        creationDate.ifPresent(d -> top.put("creation date", BInteger.of(d.getEpochSecond())));
        top.put("info", infoBytes);
        if (!urlList.isEmpty()) {
            top.put("url-list", new BList(urlList.stream().<BValue>map(BString::of).toList()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(infoBytes.length + 512);
        out.write('d');
        for (Map.Entry<String, Object> e : top.entrySet()) {
            BencodeWriter.write(BString.of(e.getKey().getBytes(StandardCharsets.US_ASCII)), out);
            if (e.getValue() instanceof byte[] raw) {
                out.write(raw, 0, raw.length);
            } else {
                BencodeWriter.write((BValue) e.getValue(), out);
            }
        }
        out.write('e');
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metainfo m && announce.equals(m.announce) && announceList.equals(m.announceList)
                && comment.equals(m.comment) && createdBy.equals(m.createdBy)
                && creationDate.equals(m.creationDate) && urlList.equals(m.urlList) && info.equals(m.info)
                && Arrays.equals(infoBytes, m.infoBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, announce, announceList, comment, createdBy, creationDate, urlList);
    }

    @Override
    public String toString() {
        return "Metainfo[" + infoHash.hex() + ", " + info + "]";
    }
}
