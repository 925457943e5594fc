package org.swarmbid.core.picker;

/**
 * Tuning of a {@link PiecePicker}.
 *
 * @param initialRandomPieces     while we have fewer verified pieces than this, new pieces are chosen at random
 *                                instead of rarest first, so a fresh peer quickly has something to trade
 *                                (libtorrent's {@code initial_picker_threshold}, also 4)
 * @param endGameRequestsPerBlock in end game, the most peers a single block may be requested from at once,
 *                                counting the first request; &gt;= 1 (1 disables duplicate requests)
 */
public record PickerConfig(int initialRandomPieces, int endGameRequestsPerBlock) {
    public static final PickerConfig DEFAULT = new PickerConfig(4, 3);

    public PickerConfig {
        if (initialRandomPieces < 0) {
            throw new IllegalArgumentException("initialRandomPieces " + initialRandomPieces + " is negative");
        }
        if (endGameRequestsPerBlock < 1 || endGameRequestsPerBlock > 127) {
            throw new IllegalArgumentException("endGameRequestsPerBlock " + endGameRequestsPerBlock
                    + " is outside 1..127");
        }
    }
}
