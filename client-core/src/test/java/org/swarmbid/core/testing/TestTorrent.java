package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * A .torrent file as the fixtures need it: where it is, its v1 info-hash (SHA-1 of the raw bencoded {@code info}
 * value, BEP 3), its name, total length and piece length. Read with the strict bencode reader only, so fixtures do not
 * depend on the engine's metainfo package.
 */
public final class TestTorrent {
    private final Path file;
    private final byte[] infoHash;
    private final String name;
    private final long totalLength;
    private final long pieceLength;

    private TestTorrent(Path file, byte[] infoHash, String name, long totalLength, long pieceLength) {
        this.file = file;
        this.infoHash = infoHash;
        this.name = name;
        this.totalLength = totalLength;
        this.pieceLength = pieceLength;
    }

    /** Reads and checks a .torrent file (single- or multi-file, BEP 3). */
    public static TestTorrent read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read torrent " + file, e);
        }
        BencodeReader.Decoded decoded = BencodeReader.decodeWithSpans(raw, BencodeLimits.TORRENT_FILE);
        if (!(decoded.value() instanceof BDict top)) {
            throw new IllegalArgumentException(file + ": not a bencoded dictionary");
        }
        BDict info = top.dict("info").orElseThrow(() -> new IllegalArgumentException(file + ": no info dictionary"));
        BencodeReader.Span span = decoded.span("info").orElseThrow();
        byte[] hash = sha1(Arrays.copyOfRange(raw, span.start(), span.end()));
        String name = info.utf8("name").orElseThrow(() -> new IllegalArgumentException(file + ": no name"));
        long pieceLength = info.integer("piece length")
                .orElseThrow(() -> new IllegalArgumentException(file + ": no piece length"));
        long total;
        Optional<BList> files = info.list("files");
        if (files.isPresent()) {
            total = 0;
            for (BValue f : files.get().values()) {
                if (!(f instanceof BDict fd)) {
                    throw new IllegalArgumentException(file + ": a files entry is not a dictionary");
                }
                total += fd.integer("length").orElseThrow(() -> new IllegalArgumentException(file + ": no length"));
            }
        } else {
            total = info.integer("length").orElseThrow(() -> new IllegalArgumentException(file + ": no length"));
        }
        return new TestTorrent(file.toAbsolutePath(), hash, name, total, pieceLength);
    }

    public Path file() {
        return file;
    }

    /** The 20-byte v1 info-hash. */
    public byte[] infoHash() {
        return infoHash.clone();
    }

    /** The info-hash as 40 lower-case hex digits. */
    public String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /** The torrent's {@code name}: the file or top directory inside a save path. */
    public String name() {
        return name;
    }

    public long totalLength() {
        return totalLength;
    }

    public long pieceLength() {
        return pieceLength;
    }

    public long pieceCount() {
        return (totalLength + pieceLength - 1) / pieceLength;
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " " + infoHashHex() + " (" + totalLength + " bytes, " + file + ")";
    }
}
