package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    @TempDir
    Path tmp;

    private final FilePool pool = new FilePool(8);

    @AfterEach
    void closePool() {
        pool.close();
    }

    /** Odd sizes, a file smaller than a piece, pieces spanning 3+ files, zero-length files in between. */
    private static Fixture oddLayout() {
        return Fixture.of(16, "t/a.bin", 5, "t/empty", 0, "t/sub/b", 3, "t/sub/c", 2, "t/d", 37, "t/sub/deep/e", 1,
                "t/z", 0);
    }

    @Test
    void blocksWrittenInRandomOrderReadBackAndLandInTheRightFiles() throws IOException {
        Fixture f = oddLayout();
        Path root = tmp.resolve("dl");
        try (FileStorage s = f.storage(root, pool)) {
            // blocks of 3 bytes (and shorter at piece ends) in shuffled order
            List<int[]> blocks = new ArrayList<>();
            for (int p = 0; p < f.layout.pieceCount(); p++) {
                for (int b = 0; b < f.layout.pieceSize(p); b += 3) {
                    blocks.add(new int[] {p, b, Math.min(3, f.layout.pieceSize(p) - b)});
                }
            }
            Collections.shuffle(blocks, new Random(7));
            for (int[] blk : blocks) {
                ByteBuffer src = ByteBuffer.wrap(f.content, blk[0] * 16 + blk[1], blk[2]);
                s.write(blk[0], blk[1], src);
                assertThat(src.hasRemaining()).isFalse();
            }
            for (int p = 0; p < f.layout.pieceCount(); p++) {
                ByteBuffer dst = ByteBuffer.allocate(f.layout.pieceSize(p));
                s.read(p, 0, dst);
                assertThat(dst.array()).isEqualTo(f.piece(p));
            }
            ByteBuffer block = s.readBlock(0, 4, 9); // a[4] + b[0..3) + c[0..2) + d[0..3)
            assertThat(block.remaining()).isEqualTo(9);
            assertThat(toArray(block)).isEqualTo(Arrays.copyOfRange(f.content, 4, 13));
            for (int i = 0; i < f.layout.fileCount(); i++) {
                Path p = s.path(i);
                if (f.layout.file(i).length() == 0) {
                    assertThat(p).doesNotExist();
                } else {
                    assertThat(Files.readAllBytes(p)).isEqualTo(f.file(i));
                }
            }
            s.createEmptyFiles();
            assertThat(s.path(1)).exists().hasSize(0);
            assertThat(s.path(6)).exists().hasSize(0);
        }
    }

    @Test
    void readAndWriteKeepTheCallersBufferLimitAndAdvancePosition() throws IOException {
        Fixture f = oddLayout();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            ByteBuffer dst = ByteBuffer.allocateDirect(32).position(2).limit(14);
            s.read(0, 3, dst);
            assertThat(dst.position()).isEqualTo(14);
            assertThat(dst.limit()).isEqualTo(14);
            dst.position(2);
            byte[] got = new byte[12];
            dst.get(got);
            assertThat(got).isEqualTo(Arrays.copyOfRange(f.content, 3, 15));
            assertThatThrownBy(() -> s.read(3, 0, ByteBuffer.allocate(1))).isInstanceOf(
                    IndexOutOfBoundsException.class); // 48 bytes: pieces 0..2
            assertThatThrownBy(() -> s.read(2, 10, ByteBuffer.allocate(7)))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("outside piece 2");
        }
    }

    @Test
    void missingAndShortFilesAreReportedPrecisely() throws IOException {
        Fixture f = oddLayout();
        try (FileStorage s = f.storage(tmp, pool)) {
            assertThatThrownBy(() -> s.read(0, 0, ByteBuffer.allocate(16))).isInstanceOf(NoSuchFileException.class);
            f.writeAll(s);
        }
        Files.write(tmp.resolve("t/d"), new byte[10]); // 37 expected
        try (FileStorage s = f.storage(tmp, pool)) {
            assertThatThrownBy(() -> s.read(1, 0, ByteBuffer.allocate(16))).isInstanceOf(EOFException.class)
                    .hasMessageContaining("t/d").hasMessageContaining("expected 37 bytes");
            assertThat(s.fileStates().get(4).size()).isEqualTo(10);
            assertThat(s.fileStates().get(1)).isEqualTo(FileState.MISSING);
        }
    }

    @Test
    void filesAreSparseAndCreatedOnlyWhenWritten() throws IOException {
        Fixture f = Fixture.of(16, "x/first", 16, "x/second", 1 << 20);
        try (FileStorage s = f.storage(tmp, pool)) {
            int last = f.layout.pieceCount() - 1;
            s.write(last, 0, ByteBuffer.wrap(f.piece(last)));
            assertThat(tmp.resolve("x/first")).doesNotExist();
            assertThat(tmp.resolve("x/second")).hasSize(1 << 20);
            ByteBuffer hole = ByteBuffer.allocate(16);
            s.read(1, 0, hole);
            assertThat(hole.array()).containsOnly(0);
        }
    }

    @Test
    void closedStorageRefusesIo() throws IOException {
        Fixture f = oddLayout();
        FileStorage s = f.storage(tmp, pool);
        f.writeAll(s);
        s.close();
        s.close();
        assertThatThrownBy(() -> s.read(0, 0, ByteBuffer.allocate(4))).hasMessageContaining("closed");
        assertThat(pool.openCount()).isZero();
    }

    @Test
    void pinnedBlockTransfersTheRightBytesAndOutlivesClose() throws IOException {
        Fixture f = oddLayout();
        FileStorage s = f.storage(tmp, pool);
        f.writeAll(s);
        PinnedBlock block = s.pin(0, 2, 14); // a[2..5) b c d[0..6)
        assertThat(block.ranges()).hasSize(4);
        assertThat(block.length()).isEqualTo(14);
        s.close(); // the torrent stops while the block is still being sent
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WritableByteChannel sink = Channels.newChannel(out);
        for (ChannelRange r : block.ranges()) {
            long sent = 0;
            while (sent < r.length()) {
                sent += r.channel().transferTo(r.position() + sent, r.length() - sent, sink);
            }
        }
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(f.content, 2, 16));
        ChannelRange first = block.ranges().get(0);
        block.close();
        block.close();
        assertThat(first.channel().isOpen()).isFalse();
    }

    @Test
    void pinningBeyondTheEndOfAShortFileFails() throws IOException {
        Fixture f = oddLayout();
        try (FileStorage s = f.storage(tmp, pool)) {
            s.write(0, 0, ByteBuffer.wrap(f.piece(0))); // d gets only its first 6 bytes
            assertThatThrownBy(() -> s.pin(1, 0, 4)).isInstanceOf(EOFException.class);
            assertThat(pool.openCount()).isPositive(); // channels stay pooled, but no lease leaked:
        }
        assertThat(pool.openCount()).isZero();
    }

    @Test
    void flushAndFileStatesReflectWrites() throws IOException {
        Fixture f = oddLayout();
        try (FileStorage s = f.storage(tmp, pool)) {
            assertThat(s.fileStates()).allMatch(st -> !st.exists());
            f.writeAll(s);
            s.flush();
            List<FileState> states = s.fileStates();
            for (int i = 0; i < states.size(); i++) {
                long len = f.layout.file(i).length();
                assertThat(states.get(i).exists()).isEqualTo(len > 0);
                if (len > 0) {
                    assertThat(states.get(i).size()).isEqualTo(len);
                    assertThat(states.get(i).lastModifiedNanos()).isPositive();
                }
            }
        }
    }

    @Test
    void deleteDataRemovesOnlyOurFilesAndEmptiedDirectories() throws IOException {
        Fixture f = oddLayout();
        Path root = tmp.resolve("downloads");
        FileStorage s = f.storage(root, pool);
        f.writeAll(s);
        s.createEmptyFiles();
        Path foreign = root.resolve("t/sub/notes.txt"); // a user's file inside the torrent's folder
        Files.writeString(foreign, "keep me");
        Path neighbour = root.resolve("other-torrent/file");
        Files.createDirectories(neighbour.getParent());
        Files.writeString(neighbour, "keep me too");

        s.deleteData();

        assertThat(root.resolve("t/a.bin")).doesNotExist();
        assertThat(root.resolve("t/sub/b")).doesNotExist();
        assertThat(root.resolve("t/sub/deep")).doesNotExist(); // became empty
        assertThat(foreign).hasContent("keep me");
        assertThat(root.resolve("t/sub")).isDirectory();
        assertThat(neighbour).hasContent("keep me too");
        assertThat(root).isDirectory();
        assertThatThrownBy(() -> s.read(0, 0, ByteBuffer.allocate(1))).hasMessageContaining("closed");

        Files.delete(foreign);
        FileStorage again = f.storage(root, pool);
        f.writeAll(again);
        again.deleteData();
        assertThat(root.resolve("t")).doesNotExist();
        assertThat(root).isDirectory();
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheSharedChannelForOthers() throws Exception {
        Fixture f = oddLayout();
        try (FileStorage s = f.storage(tmp, pool)) {
            f.writeAll(s);
            Throwable[] seen = new Throwable[1];
            Thread t = new Thread(() -> {
                Thread.currentThread().interrupt(); // FileChannel closes itself when used by an interrupted thread
                try {
                    s.read(0, 0, ByteBuffer.allocate(16));
                } catch (Throwable e) {
                    seen[0] = e;
                }
            });
            t.start();
            t.join(10_000);
            assertThat(seen[0]).isInstanceOf(java.nio.channels.ClosedByInterruptException.class);
            // the pooled channels of piece 0's files are now closed; other callers must not inherit that
            for (int p = 0; p < f.layout.pieceCount(); p++) {
                assertThat(s.readBlock(p, 0, f.layout.pieceSize(p)).array()).isEqualTo(f.piece(p));
            }
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}
