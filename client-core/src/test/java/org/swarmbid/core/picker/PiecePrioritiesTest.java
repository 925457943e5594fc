package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiecePrioritiesTest {

    /** Files as "length:priority", pieces of 100 bytes. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "150:4 50:0 100:7        ; 4 4 7",
        "100:0 100:3 100:0       ; 0 3 0",
        "99:0 2:5 199:0          ; 5 5 0",
        "100:1 0:7 100:2         ; 1 2",
        "300:0                   ; 0 0 0",
        "1:2 1:6 1:0 297:1       ; 6 1 1",
    })
    void pieceTakesTheHighestPriorityOfTheFilesItTouches(String files, String expected) {
        String[] parts = files.trim().split("\\s+");
        long[] lengths = new long[parts.length];
        int[] prios = new int[parts.length];
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            String[] lp = parts[i].split(":");
            lengths[i] = Long.parseLong(lp[0]);
            prios[i] = Integer.parseInt(lp[1]);
            total += lengths[i];
        }
        int[] out = PiecePriorities.fromFiles(new PieceGeometry(total, 100), lengths, prios);
        assertThat(Arrays.stream(out).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
                .isEqualTo(expected);
    }

    @Test
    void rejectsMismatchedInput() {
        PieceGeometry g = new PieceGeometry(200, 100);
        assertThatThrownBy(() -> PiecePriorities.fromFiles(g, new long[] {100, 50}, new int[] {1, 1}))
                .hasMessage("file lengths sum to 150, torrent has 200");
        assertThatThrownBy(() -> PiecePriorities.fromFiles(g, new long[] {200}, new int[] {8}))
                .hasMessage("priority 8 is outside 0..7");
        assertThatThrownBy(() -> PiecePriorities.fromFiles(g, new long[] {200}, new int[] {1, 2}))
                .hasMessage("1 file lengths but 2 file priorities");
        assertThatThrownBy(() -> PiecePriorities.fromFiles(g, new long[] {-1, 201}, new int[] {1, 2}))
                .hasMessage("file 0 has negative length -1");
    }
}
