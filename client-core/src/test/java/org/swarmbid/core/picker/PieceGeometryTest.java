package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmbid.core.picker.Fixtures.K;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PieceGeometryTest {

    @ParameterizedTest(name = "{0} bytes in {1}-byte pieces -> {2}")
    @CsvSource(delimiter = ';', value = {
        // total    ; piece   ; piece sizes (blocks)
        "102400     ; 32768   ; 32768(2) 32768(2) 32768(2) 4096(1)",
        "65536      ; 32768   ; 32768(2) 32768(2)",
        "1          ; 16384   ; 1(1)",
        "40000      ; 20000   ; 20000(2) 20000(2)",
        "16385      ; 16385   ; 16385(2)",
    })
    void cutsPiecesAndBlocks(long total, int pieceLength, String expected) {
        PieceGeometry g = new PieceGeometry(total, pieceLength);
        List<String> out = new ArrayList<>();
        long sum = 0;
        for (int p = 0; p < g.pieceCount(); p++) {
            out.add(g.pieceSize(p) + "(" + g.blockCount(p) + ")");
            int inPiece = 0;
            for (int b = 0; b < g.blockCount(p); b++) {
                inPiece += g.blockLength(p, b);
            }
            assertThat(inPiece).isEqualTo(g.pieceSize(p));
            sum += inPiece;
        }
        assertThat(String.join(" ", out)).isEqualTo(expected);
        assertThat(sum).isEqualTo(total);
    }

    @Test
    void lastBlockOfAPieceIsShort() {
        PieceGeometry g = new PieceGeometry(40000, 20000);
        assertThat(g.blockLength(0, 0)).isEqualTo(16 * K);
        assertThat(g.blockLength(0, 1)).isEqualTo(20000 - 16 * K);
        assertThatThrownBy(() -> g.blockLength(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> g.pieceSize(2)).hasMessage("piece 2 of 2");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new PieceGeometry(0, 16)).hasMessage("total length 0 is not positive");
        assertThatThrownBy(() -> new PieceGeometry(10, -1)).hasMessage("piece length -1 is not positive");
        assertThatThrownBy(() -> new PieceGeometry(Long.MAX_VALUE, 1)).hasMessageStartingWith("too many pieces");
    }
}
