package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.swarmbid.core.bitfield.Bitfield;
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

    /**
     * Files at libtorrent's low (1), normal (4) and top (7) levels, three pieces each, in that torrent order: every
     * block of the top file is requested before any of the normal file, and the low file's come last. Holds with
     * random first pieces (the engine's {@link PickerConfig#DEFAULT}) and rarest first, for any seed, whether the
     * pieces are equally available or the low file's are the rarest (priority outranks rarity).
     */
    @ParameterizedTest(name = "random first pieces {0}, low file rarest {1}")
    @CsvSource({"true, false", "false, false", "true, true", "false, true"})
    void picksTheTopFileFirstAndTheLowFileLast(boolean randomFirst, boolean lowFileRarest) {
        int piece = 32 * Fixtures.K;
        long[] lengths = {3L * piece, 3L * piece, 3L * piece};
        int[] piecePriorities = PiecePriorities.fromFiles(new PieceGeometry(9L * piece, piece), lengths,
                new int[] {1, 4, 7});
        assertThat(piecePriorities).containsExactly(1, 1, 1, 4, 4, 4, 7, 7, 7);
        PickerConfig config = randomFirst ? PickerConfig.DEFAULT : new PickerConfig(0, 2);
        for (long seed = 0; seed < 20; seed++) {
            PiecePicker<String> picker = Fixtures.picker(9, config, seed);
            picker.setPriorities(piecePriorities);
            picker.peerBitfield("A", Fixtures.bits(lowFileRarest ? "000111111" : "111111111"));
            picker.peerHaveAll("S");
            List<BlockRequest> all = picker.pick("S", Bitfield.full(9), 100);
            assertThat(all).hasSize(18);
            assertThat(all.subList(0, 6)).as("seed %d", seed).extracting(BlockRequest::piece)
                    .containsOnly(6, 7, 8);
            assertThat(all.subList(6, 12)).as("seed %d", seed).extracting(BlockRequest::piece)
                    .containsOnly(3, 4, 5);
            assertThat(all.subList(12, 18)).as("seed %d", seed).extracting(BlockRequest::piece)
                    .containsOnly(0, 1, 2);
        }
    }
}
