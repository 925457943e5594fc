package org.swarmbid.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import org.swarmbid.core.metainfo.FileEntry;
import org.swarmbid.core.metainfo.InfoDictionary;
import org.swarmbid.core.metainfo.Metainfo;

/**
 * Independent of the engine: which pieces of a torrent are on disk with the right SHA-1, read straight from the
 * files under {@code saveDir} (a missing or short file reads as zeros).
 */
final class PieceCheck {
    private PieceCheck() {
    }

    static BitSet verifiedPieces(Metainfo m, Path saveDir) throws IOException {
        InfoDictionary info = m.info();
        BitSet ok = new BitSet(info.pieceCount());
        for (int i = 0; i < info.pieceCount(); i++) {
            byte[] piece = new byte[info.pieceSize(i)];
            long start = info.pieceOffset(i);
            for (FileEntry f : info.files()) {
                long from = Math.max(start, f.offset());
                long to = Math.min(start + piece.length, f.end());
                if (from >= to) {
                    continue;
                }
                Path p = saveDir;
                for (String e : f.path()) {
                    p = p.resolve(e);
                }
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                try (FileChannel ch = FileChannel.open(p)) {
                    ByteBuffer dst = ByteBuffer.wrap(piece, (int) (from - start), (int) (to - from));
                    long pos = from - f.offset();
                    while (dst.hasRemaining()) {
                        int n = ch.read(dst, pos);
                        if (n < 0) {
                            break;
                        }
                        pos += n;
                    }
                }
            }
            if (info.pieceHashEquals(i, sha1(piece))) {
                ok.set(i);
            }
        }
        return ok;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
