package org.swarmbid.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files table's choices on the engine's 0..7 scale (libtorrent's convention). */
class FilePriorityTest {

    @Test
    void choicesAreLibtorrentsLevelsInOrder() {
        assertThat(FilePriority.values()).containsExactly(FilePriority.SKIP, FilePriority.LOW, FilePriority.NORMAL,
                FilePriority.HIGH);
        assertThat(FilePriority.SKIP.level()).isZero();
        assertThat(FilePriority.LOW.level()).isEqualTo(1);
        assertThat(FilePriority.NORMAL.level()).isEqualTo(4);
        assertThat(FilePriority.HIGH.level()).isEqualTo(7);
        for (FilePriority p : FilePriority.values()) {
            assertThat(FilePriority.of(p.level())).isEqualTo(p);
        }
    }

    /** Levels the table cannot set are shown by the side of normal they are on (the picker's levels are strict). */
    @ParameterizedTest(name = "level {0} -> {1}")
    @CsvSource({"-1, SKIP", "0, SKIP", "1, LOW", "2, LOW", "3, LOW", "4, NORMAL", "5, HIGH", "6, HIGH", "7, HIGH",
        "8, HIGH"})
    void anyEngineLevelGetsALabel(int level, FilePriority expected) {
        assertThat(FilePriority.of(level)).isEqualTo(expected);
    }
}
