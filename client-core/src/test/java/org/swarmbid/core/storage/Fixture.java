package org.swarmbid.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A torrent for tests: files, piece length and deterministic content, with the right piece hashes. */
final class Fixture {
    final StorageLayout layout;
    final byte[] content;

    private Fixture(StorageLayout layout, byte[] content) {
        this.layout = layout;
        this.content = content;
    }

    /** Files as alternating name and length: {@code of(4, "a", 5, "b", 0)}. */
    static Fixture of(int pieceLength, Object... nameLength) {
        List<FileEntry> files = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < nameLength.length; i += 2) {
            long len = ((Number) nameLength[i + 1]).longValue();
            files.add(FileEntry.of((String) nameLength[i], len));
            total += len;
        }
        byte[] content = new byte[Math.toIntExact(total)];
        new Random(total * 31 + pieceLength).nextBytes(content);
        return new Fixture(new StorageLayout(files, pieceLength, hashes(content, pieceLength)), content);
    }

    static byte[] hashes(byte[] content, int pieceLength) {
        int pieces = (content.length + pieceLength - 1) / pieceLength;
        byte[] out = new byte[pieces * 20];
        for (int p = 0; p < pieces; p++) {
            MessageDigest md = PieceHasher.sha1();
            md.update(content, p * pieceLength, Math.min(pieceLength, content.length - p * pieceLength));
            System.arraycopy(md.digest(), 0, out, p * 20, 20);
        }
        return out;
    }

    byte[] piece(int p) {
        int off = p * layout.pieceLength();
        byte[] b = new byte[layout.pieceSize(p)];
        System.arraycopy(content, off, b, 0, b.length);
        return b;
    }

    /** The bytes of file {@code i} as the torrent defines them. */
    byte[] file(int i) {
        int off = (int) layout.fileOffset(i);
        byte[] b = new byte[(int) layout.file(i).length()];
        System.arraycopy(content, off, b, 0, b.length);
        return b;
    }

    /** Writes every piece, in order, through the storage. */
    void writeAll(TorrentStorage s) throws IOException {
        for (int p = 0; p < layout.pieceCount(); p++) {
            s.write(p, 0, ByteBuffer.wrap(piece(p)));
        }
    }

    FileStorage storage(Path root, FilePool pool) throws IOException {
        return new FileStorage(root, layout, pool);
    }
}
