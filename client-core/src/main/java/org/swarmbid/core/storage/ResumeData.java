package org.swarmbid.core.storage;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * What fast resume saves for a torrent: which pieces were verified, and the size and modification time of each
 * file at that moment. Immutable: arrays and the bitfield are copied in and out.
 *
 * <p>Encoded as a bencoded dictionary (BEP 3 encoding, our own keys):
 * <pre>
 *   d
 *     6:format      15:swarmbid-resume
 *     7:version     i1e
 *     9:info-hash   &lt;bytes as given by the caller, e.g. 20 bytes of SHA-1&gt;
 *     11:piece-count i&lt;n&gt;e
 *     6:pieces      &lt;ceil(n/8) bytes, BEP 3 bitfield wire form: piece 0 = high bit of byte 0&gt;
 *     5:files       l l i&lt;size, -1 if missing&gt;e i&lt;mtime in ns, 0 if missing&gt;e e ... e   (layout order)
 *   e
 * </pre>
 *
 * @param infoHash the torrent's identity as the caller gives it (v1 info-hash, or a v2 one)
 * @param pieces   pieces verified when the data was captured
 * @param files    one state per file, in layout order
 */
public record ResumeData(byte[] infoHash, Bitfield pieces, List<FileState> files) {
    public static final String FORMAT = "swarmbid-resume";
    public static final int VERSION = 1;
    /** Largest resume file read: 64 MiB is far beyond any real torrent (a 10-million-piece bitfield is 1.25 MB). */
    public static final int MAX_BYTES = 64 << 20;
    private static final BencodeLimits LIMITS = new BencodeLimits(MAX_BYTES, 4, 8_000_000, 16 << 20, false);

    public ResumeData {
        infoHash = infoHash.clone();
        pieces = pieces.copy();
        files = List.copyOf(files);
        if (infoHash.length == 0 || infoHash.length > 64) {
            throw new IllegalArgumentException("info-hash of " + infoHash.length + " bytes");
        }
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public Bitfield pieces() {
        return pieces.copy();
    }

    /** True if this resume data was saved for {@code hash}. */
    public boolean isFor(byte[] hash) {
        return MessageDigest.isEqual(infoHash, hash);
    }

    public byte[] encode() {
        List<BValue> fileList = new ArrayList<>(files.size());
        for (FileState f : files) {
            fileList.add(BList.of(BInteger.of(f.size()), BInteger.of(f.lastModifiedNanos())));
        }
        return BDict.builder()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("info-hash", infoHash)
                .put("piece-count", pieces.size())
                .put("pieces", pieces.toWire())
                .put("files", new BList(fileList))
                .build()
                .encode();
    }

    /**
     * Decodes and validates resume data for the torrent with {@code expectedInfoHash} and {@code layout}.
     *
     * @throws IllegalArgumentException with a one-line reason if the bytes are malformed, of another format or
     *                                  version, for another torrent, or do not fit the layout
     */
    public static ResumeData decode(byte[] bytes, byte[] expectedInfoHash, StorageLayout layout) {
        BDict d;
        try {
            BValue v = BencodeReader.decode(bytes, LIMITS);
            if (!(v instanceof BDict)) {
                throw new IllegalArgumentException("resume data is not a dictionary");
            }
            d = (BDict) v;
            String format = d.utf8("format").orElse("");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("not a swarmbid resume file");
            }
            long version = d.integer("version").orElse(-1L);
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported resume version " + version);
            }
            byte[] hash = require(d.string("info-hash").map(s -> s.bytes()).orElse(null), "info-hash");
            if (!MessageDigest.isEqual(hash, expectedInfoHash)) {
                throw new IllegalArgumentException("resume data belongs to another torrent (info-hash "
                        + HexFormat.of().formatHex(hash, 0, Math.min(hash.length, 20)) + ")");
            }
            long count = require(d.integer("piece-count").orElse(null), "piece-count");
            if (count != layout.pieceCount()) {
                throw new IllegalArgumentException("resume data has " + count + " pieces, torrent has "
                        + layout.pieceCount());
            }
            byte[] wire = require(d.string("pieces").map(s -> s.bytes()).orElse(null), "pieces");
            Bitfield pieces;
            try {
                pieces = Bitfield.fromWire(wire, layout.pieceCount());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("resume pieces: " + e.getMessage(), e);
            }
            BList list = require(d.list("files").orElse(null), "files");
            if (list.size() != layout.fileCount()) {
                throw new IllegalArgumentException("resume data has " + list.size() + " files, torrent has "
                        + layout.fileCount());
            }
            List<FileState> files = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                files.add(fileState(list.get(i), i));
            }
            return new ResumeData(hash, pieces, files);
        } catch (BencodeException e) {
            throw new IllegalArgumentException("malformed resume data: " + e.getMessage(), e);
        }
    }

    private static FileState fileState(BValue v, int index) {
        if (v instanceof BList l && l.size() == 2 && l.get(0) instanceof BInteger size
                && l.get(1) instanceof BInteger mtime) {
            if (size.value() < -1) {
                throw new IllegalArgumentException("file " + index + " has size " + size.value());
            }
            return new FileState(size.value(), mtime.value());
        }
        throw new IllegalArgumentException("file entry " + index + " is not [size, mtime]");
    }

    private static <T> T require(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("resume data lacks '" + key + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResumeData r && Arrays.equals(r.infoHash, infoHash) && r.pieces.equals(pieces)
                && r.files.equals(files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(infoHash), pieces, files);
    }

    @Override
    public String toString() {
        return "ResumeData[" + HexFormat.of().formatHex(infoHash) + ", " + pieces + ", " + files.size() + " files]";
    }
}
