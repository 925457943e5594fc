package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.swarmbid.core.bitfield.Bitfield;

class StorageLayoutTest {

    /** The layout drawn in the class javadoc: a=5, e=0, b=3, c=9; pieces of 4. */
    private final StorageLayout doc = Fixture.of(4, "a.bin", 5, "e", 0, "b", 3, "c.bin", 9).layout;

    @Test
    void piecesCountAndLastPieceIsShorter() {
        assertThat(doc.totalLength()).isEqualTo(17);
        assertThat(doc.pieceCount()).isEqualTo(5);
        assertThat(doc.pieceSize(0)).isEqualTo(4);
        assertThat(doc.pieceSize(4)).isEqualTo(1);
        assertThat(doc.pieceOffset(4)).isEqualTo(16);
        assertThatThrownBy(() -> doc.pieceSize(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pieceSpanningAFileBoundarySkipsTheZeroLengthFile() {
        assertThat(doc.slices(1)).containsExactly(new FileSlice(0, 4, 1), new FileSlice(2, 0, 3));
        assertThat(doc.slices(2)).containsExactly(new FileSlice(3, 0, 4));
        assertThat(doc.slices(4)).containsExactly(new FileSlice(3, 8, 1));
        assertThat(doc.slices(1, 1, 2)).containsExactly(new FileSlice(2, 0, 2));
        assertThat(doc.slices(1, 0, 0)).isEmpty();
        assertThatThrownBy(() -> doc.slices(4, 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> doc.slices(1, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pieceSpanningFourFilesAndZeroLengthFilesEverywhere() {
        StorageLayout l = Fixture.of(8, "z0", 0, "a", 1, "z1", 0, "b", 2, "c", 1, "z2", 0, "d", 7, "z3", 0).layout;
        assertThat(l.slices(0)).containsExactly(new FileSlice(1, 0, 1), new FileSlice(3, 0, 2),
                new FileSlice(4, 0, 1), new FileSlice(6, 0, 4));
        assertThat(l.slices(1)).containsExactly(new FileSlice(6, 4, 3));
        assertThat(l.fileAt(0)).isEqualTo(1);
        assertThat(l.fileAt(1)).isEqualTo(3);
        assertThat(l.fileAt(4)).isEqualTo(6);
        assertThat(l.fileAt(10)).isEqualTo(6);
        assertThatThrownBy(() -> l.fileAt(11)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void piecesOfFiles() {
        assertThat(range(doc, 0)).containsExactly(0, 2); // a: bytes 0..4 -> pieces 0,1
        assertThat(range(doc, 1)).containsExactly(1, 1); // e: empty
        assertThat(range(doc, 2)).containsExactly(1, 2); // b: bytes 5..7 -> piece 1
        assertThat(range(doc, 3)).containsExactly(2, 5); // c: bytes 8..16 -> pieces 2..4
        StorageLayout endsWithEmpty = Fixture.of(4, "a", 8, "e", 0).layout;
        assertThat(range(endsWithEmpty, 1)).containsExactly(2, 2);
    }

    private static int[] range(StorageLayout l, int file) {
        return new int[] {l.firstPieceOf(file), l.endPieceOf(file)};
    }

    @Test
    void fileSmallerThanAPiece() {
        StorageLayout l = Fixture.of(16, "tiny", 3, "big", 40).layout;
        assertThat(l.slices(0)).containsExactly(new FileSlice(0, 0, 3), new FileSlice(1, 0, 13));
        assertThat(range(l, 0)).containsExactly(0, 1);
        assertThat(l.pieceSize(2)).isEqualTo(11);
    }

    @Test
    void wantedPiecesIncludeStraddlingPiecesOfSkippedFiles() {
        // skip a and c: b (piece 1 only) is wanted, and piece 1 also holds a's last byte
        Bitfield wanted = doc.wantedPieces(new boolean[] {true, false, false, true});
        assertThat(wanted.toWire()).containsExactly((byte) 0b0100_0000);
        // skip b only: every piece touches a or c
        assertThat(doc.wantedPieces(new boolean[] {false, false, true, false}).isComplete()).isTrue();
        assertThat(doc.wantedPieces(new boolean[] {true, true, true, true}).isEmpty()).isTrue();
        assertThatThrownBy(() -> doc.wantedPieces(new boolean[2])).hasMessageContaining("2 skip flags for 4 files");
    }

    @Test
    void hashesAreCheckedAndCompared() {
        Fixture f = Fixture.of(4, "a", 6);
        assertThat(f.layout.hashMatches(1, f.layout.pieceHash(1))).isTrue();
        assertThat(f.layout.hashMatches(0, f.layout.pieceHash(1))).isFalse();
        assertThat(f.layout.hashMatches(0, new byte[19])).isFalse();
        assertThatThrownBy(() -> new StorageLayout(List.of(FileEntry.of("a", 6)), 4, new byte[20]))
                .hasMessageContaining("20 bytes of piece hashes for 2 pieces");
    }

    @Test
    void rejectsImpossibleLayouts() {
        assertThatThrownBy(() -> new StorageLayout(List.of(FileEntry.of("a", 0)), 4, new byte[0]))
                .hasMessageContaining("total length is zero");
        assertThatThrownBy(() -> new StorageLayout(List.of(), 4, new byte[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new StorageLayout(List.of(FileEntry.of("a", 1)), 0, new byte[20]))
                .hasMessageContaining("piece length 0");
        assertThatThrownBy(() -> FileEntry.of("a", -1)).hasMessageContaining("negative length -1");
        assertThatThrownBy(() -> FileEntry.of("", 1)).hasMessageContaining("empty file path");
        assertThatThrownBy(() -> new StorageLayout(List.of(FileEntry.of("a", Long.MAX_VALUE),
                FileEntry.of("b", 1)), 1 << 20, new byte[0])).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new StorageLayout(List.of(FileEntry.of("a", 1L << 40)), 16, new byte[0]))
                .hasMessageContaining("too many");
    }

    @Test
    void offsetsBeyondFourGibibytesStayLong() {
        long gib = 1L << 30;
        List<FileEntry> files = List.of(FileEntry.of("small", 1000), FileEntry.of("huge", 5 * gib));
        int pieceLength = 4 << 20;
        long total = 5 * gib + 1000;
        int pieces = (int) ((total + pieceLength - 1) / pieceLength);
        StorageLayout l = new StorageLayout(files, pieceLength, new byte[pieces * 20]);
        int p = 1100; // starts at 4.29 GiB
        assertThat(l.pieceOffset(p)).isEqualTo(1100L * pieceLength).isGreaterThan(4 * gib);
        assertThat(l.slices(p)).containsExactly(new FileSlice(1, 1100L * pieceLength - 1000, pieceLength));
        assertThat(l.pieceSize(pieces - 1)).isEqualTo((int) (total - (long) (pieces - 1) * pieceLength));
        assertThat(l.endPieceOf(1)).isEqualTo(pieces);
    }

    /** Concatenating the slices of all pieces walks every file byte exactly once, in order. */
    @Property(tries = 300)
    void slicesTileTheStream(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 50) Integer> sizes,
                             @ForAll @IntRange(min = 1, max = 40) int pieceLength) {
        if (sizes.stream().mapToInt(Integer::intValue).sum() == 0) {
            sizes = new ArrayList<>(sizes);
            sizes.set(0, 1);
        }
        Object[] spec = new Object[sizes.size() * 2];
        for (int i = 0; i < sizes.size(); i++) {
            spec[2 * i] = "f" + i;
            spec[2 * i + 1] = sizes.get(i);
        }
        StorageLayout l = Fixture.of(pieceLength, spec).layout;
        int file = 0;
        long inFile = 0;
        for (int p = 0; p < l.pieceCount(); p++) {
            int sum = 0;
            for (FileSlice s : l.slices(p)) {
                while (file < sizes.size() && inFile == sizes.get(file)) {
                    file++;
                    inFile = 0;
                }
                assertThat(s.fileIndex()).isEqualTo(file);
                assertThat(s.fileOffset()).isEqualTo(inFile);
                assertThat(s.length()).isPositive();
                assertThat(s.fileOffset() + s.length()).isLessThanOrEqualTo(sizes.get(file));
                assertThat(p).isBetween(l.firstPieceOf(file), l.endPieceOf(file) - 1);
                inFile += s.length();
                sum += s.length();
            }
            assertThat(sum).isEqualTo(l.pieceSize(p));
        }
        while (file < sizes.size() && inFile == sizes.get(file)) {
            file++;
            inFile = 0;
        }
        assertThat(file).isEqualTo(sizes.size());
    }
}
