package org.swarmbid.core.picker;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.swarmbid.core.bitfield.Bitfield;

/** Small helpers that let picker tests read as tables of strings. */
final class Fixtures {
    static final int K = 1024;
    static final int BLOCK = PieceGeometry.BLOCK_SIZE;

    private Fixtures() {
    }

    /** "1101" -&gt; pieces 0, 1 and 3 set (spaces ignored). */
    static Bitfield bits(String pattern) {
        String s = pattern.replace(" ", "");
        Bitfield b = new Bitfield(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '1') {
                b.set(i);
            } else if (c != '0') {
                throw new IllegalArgumentException("bad bit '" + c + "' in " + pattern);
            }
        }
        return b;
    }

    /** "piece.block" for each request, space separated: "3.0 3.1". */
    static String fmt(List<BlockRequest> requests) {
        return requests.stream().map(r -> r.piece() + "." + (r.begin() / BLOCK)).collect(Collectors.joining(" "));
    }

    /** Pieces of two blocks each (32 KiB), {@code pieces} of them. */
    static PiecePicker<String> picker(int pieces, PickerConfig config, long seed) {
        PieceGeometry g = new PieceGeometry((long) pieces * 32 * K, 32 * K);
        return new PiecePicker<>(g, new Bitfield(pieces), config, new Random(seed));
    }

    /** Rarest first from the start (no random first pieces), end game allowing 2 requesters per block. */
    static PiecePicker<String> rarestPicker(int pieces, long seed) {
        return picker(pieces, new PickerConfig(0, 2), seed);
    }
}
