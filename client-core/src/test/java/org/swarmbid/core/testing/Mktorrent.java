package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes .torrent files with the real {@code mktorrent} (Debian package mktorrent, 1.1), so interop tests do not
 * depend on Swarmbid's own torrent creator. Always {@code -d} (no creation date), so the same payload, piece size
 * and announce list give the same info-hash every time.
 */
public final class Mktorrent {
    private Mktorrent() {
    }

    /**
     * Creates {@code torrentFile} for {@code target} (a file or directory; its name becomes the torrent's name).
     *
     * @param pieceLengthLog2 piece length as a power of two, 15 (32 KiB) to 24 (16 MiB)
     * @param announceUrls    one URL per tier, in order; at least one
     */
    public static TestTorrent create(Path target, Path torrentFile, int pieceLengthLog2, List<String> announceUrls) {
        DebianPackage.MKTORRENT.require();
        if (pieceLengthLog2 < 15 || pieceLengthLog2 > 24) {
            throw new IllegalArgumentException("piece length 2^" + pieceLengthLog2 + " outside 2^15..2^24");
        }
        if (announceUrls.isEmpty()) {
            throw new IllegalArgumentException("mktorrent needs at least one announce URL");
        }
        if (!Files.exists(target)) {
            throw new IllegalArgumentException("no such file or directory: " + target);
        }
        try {
            Files.createDirectories(torrentFile.toAbsolutePath().getParent());
            Files.deleteIfExists(torrentFile); // mktorrent refuses to overwrite
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(DebianPackage.MKTORRENT.executable(), "-d",
                "-l", Integer.toString(pieceLengthLog2), "-o", torrentFile.toAbsolutePath().toString()));
        for (String url : announceUrls) {
            cmd.add("-a");
            cmd.add(url);
        }
        cmd.add(target.toAbsolutePath().toString());
        Command.run(cmd, Duration.ofSeconds(60)).requireSuccess();
        return TestTorrent.read(torrentFile);
    }
}
