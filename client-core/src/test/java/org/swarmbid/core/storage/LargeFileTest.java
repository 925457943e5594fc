package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * A 5 GiB torrent on sparse files: pieces beyond 4 GiB (and one spanning the boundary between two files, the
 * second of which itself crosses 4 GiB) are written, read, hashed and rechecked while only a few MiB touch disk.
 */
class LargeFileTest {
    private static final long GIB = 1L << 30;
    private static final int PIECE = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void piecesBeyondFourGibibytesRoundTripAndHashOnSparseFiles() throws Exception {
        List<FileEntry> files = List.of(FileEntry.of("big/first.bin", GIB / 2 + 12_345),
                FileEntry.of("big/empty", 0), FileEntry.of("big/huge.bin", 4 * GIB + 7), FileEntry.of("big/tail",
                        GIB / 2 - 12_352 + 999));
        long total = files.stream().mapToLong(FileEntry::length).sum();
        assertThat(total).isGreaterThan(5 * GIB - 1);
        int pieces = (int) ((total + PIECE - 1) / PIECE);

        // real hashes for the pieces we write, zeros (never matching) elsewhere
        int beyond4g = (int) ((4 * GIB + 3 * PIECE) / PIECE); // in huge.bin, file offset > 3.5 GiB
        int spanning = (int) ((GIB / 2 + 12_345) / PIECE); // first.bin -> huge.bin
        int crossing = (int) ((GIB / 2 + 12_345 + 4 * GIB + 7) / PIECE); // huge.bin -> tail, at 4.5 GiB
        int last = pieces - 1;
        int[] written = {spanning, beyond4g, crossing, last};
        byte[] hashes = new byte[pieces * 20];
        byte[][] data = new byte[pieces][];
        Random r = new Random(42);
        for (int p : written) {
            int size = (int) Math.min(PIECE, total - (long) p * PIECE);
            data[p] = new byte[size];
            r.nextBytes(data[p]);
            MessageDigest md = PieceHasher.sha1();
            System.arraycopy(md.digest(data[p]), 0, hashes, p * 20, 20);
        }
        StorageLayout layout = new StorageLayout(files, PIECE, hashes);
        assertThat(layout.slices(crossing)).hasSize(2);
        assertThat(layout.slices(crossing).get(0).fileOffset()).isGreaterThan(4 * GIB - PIECE);

        try (FilePool pool = new FilePool(4); PieceHasher hasher = new PieceHasher(2);
             FileStorage s = new FileStorage(tmp, layout, pool)) {
            for (int p : written) {
                s.write(p, 0, ByteBuffer.wrap(data[p]));
            }
            for (int p : written) {
                ByteBuffer back = ByteBuffer.allocateDirect(data[p].length);
                s.read(p, 0, back);
                back.flip();
                byte[] got = new byte[back.remaining()];
                back.get(got);
                assertThat(got).as("piece %d", p).isEqualTo(data[p]);
                assertThat(hasher.verify(s, p).get(30, TimeUnit.SECONDS)).as("hash of piece %d", p).isTrue();
            }
            // a block at a file offset beyond 4 GiB, read on its own
            ByteBuffer block = ByteBuffer.allocate(16384);
            s.read(crossing, 0, block);
            assertThat(block.array()).isEqualTo(java.util.Arrays.copyOf(data[crossing], 16384));

            assertThat(Files.size(s.path(2))).isEqualTo(4 * GIB + 7); // the last byte of huge.bin was written
            assertThat(allocatedBytes(s.path(2))).isLessThan(64L << 20);

            // recheck: the size pass skips pieces of short/missing files, the rest are read from holes (zeros)
            // and fail; a 5 GiB full recheck would read 4.5 GiB of holes, so check a sample plus the written ones
            Bitfield sample = new Bitfield(pieces);
            for (int p : written) {
                sample.set(p);
            }
            sample.set(beyond4g + 1); // a hole inside huge.bin
            sample.set(0); // a hole at the start of first.bin (sparse: only its tail was written)
            Bitfield present = Recheck.of(s, hasher, sample, new Bitfield(pieces), Recheck.Listener.NONE)
                    .result().get(60, TimeUnit.SECONDS);
            assertThat(present.cardinality()).isEqualTo(written.length);
            for (int p : written) {
                assertThat(present.get(p)).isTrue();
            }
        }
    }

    /** Disk blocks actually allocated, via coreutils {@code stat} (Linux). */
    private static long allocatedBytes(Path p) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("stat", "-c", "%b %B", p.toString()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(proc.waitFor()).as("stat output: %s", out).isZero();
        String[] parts = out.split(" ");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }
}
