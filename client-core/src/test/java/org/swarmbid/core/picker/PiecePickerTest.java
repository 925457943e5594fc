package org.swarmbid.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmbid.core.picker.Fixtures.BLOCK;
import static org.swarmbid.core.picker.Fixtures.bits;
import static org.swarmbid.core.picker.Fixtures.fmt;
import static org.swarmbid.core.picker.Fixtures.picker;
import static org.swarmbid.core.picker.Fixtures.rarestPicker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.core.bitfield.Bitfield;
import org.swarmbid.core.picker.BlockReceipt.Status;

class PiecePickerTest {

    private static final Bitfield ALL8 = Bitfield.full(8);

    /**
     * Each row: peers' bitfields (8 pieces), then the piece a seed's first pick must start. Availability counts
     * the listed peers; the picking seed adds one to every piece alike.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "A=11111110 B=11111100 C=11111000                 ; 7",
        "A=01111111 B=00111111                            ; 0",
        "A=11111111 B=11110111 C=11111111 D=11111111      ; 4",
        "A=11011111 B=11011111 C=11111111                 ; 2",
    })
    void rarestPieceFirst(String peers, int expected) {
        PiecePicker<String> picker = rarestPicker(8, 1);
        for (String spec : peers.trim().split("\\s+")) {
            String[] kv = spec.split("=");
            picker.peerBitfield(kv[0], bits(kv[1]));
        }
        picker.peerHaveAll("S");
        assertThat(fmt(picker.pick("S", ALL8, 2))).isEqualTo(expected + ".0 " + expected + ".1");
    }

    @Test
    void tiesAmongTheRarestAreBrokenRandomlyBySeed() {
        // pieces 4..7 are held by nobody but the picking seed: all equally rare, and rarer than 0..3
        Set<Integer> firstPieces = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            PiecePicker<String> picker = rarestPicker(8, seed);
            picker.peerBitfield("A", bits("11110000"));
            picker.peerHaveAll("S");
            int piece = picker.pick("S", ALL8, 1).get(0).piece();
            assertThat(piece).isBetween(4, 7);
            firstPieces.add(piece);
            // same seed, same choice
            PiecePicker<String> again = rarestPicker(8, seed);
            again.peerBitfield("A", bits("11110000"));
            again.peerHaveAll("S");
            assertThat(again.pick("S", ALL8, 1).get(0).piece()).isEqualTo(piece);
        }
        assertThat(firstPieces).containsExactlyInAnyOrder(4, 5, 6, 7);
    }

    @Test
    void availabilityFollowsHavesAndDepartures() {
        PiecePicker<String> picker = rarestPicker(8, 3);
        picker.peerBitfield("A", bits("11111110"));
        picker.peerHaveNone("B");
        picker.peerHave("B", 7);
        picker.peerHave("B", 6);
        picker.peerHaveAll("C");
        assertThat(picker.availability(7)).isEqualTo(2);
        assertThat(picker.availability(6)).isEqualTo(3);
        // pieces 0..5 have availability 2 (A, C); 7 too; 6 has 3
        assertThat(fmt(picker.pick("C", ALL8, 2))).doesNotStartWith("6.");
        picker.peerLeft("A", bits("11111110"));
        assertThat(picker.availability(0)).isEqualTo(1);
        assertThat(picker.availability(6)).isEqualTo(2);
        picker.peerLeft("C", ALL8);
        assertThat(picker.availability(0)).isZero();
        assertThat(picker.availability(7)).isEqualTo(1);
    }

    @Test
    void higherPriorityFirstAndSkippedPiecesNever() {
        PiecePicker<String> picker = rarestPicker(8, 5);
        picker.setPriorities(new int[] {1, 0, 7, 4, 4, 4, 4, 0});
        picker.peerBitfield("A", bits("11100000")); // 0 and 2 are rarer in nobody's favour
        picker.peerHaveAll("S");
        List<BlockRequest> all = picker.pick("S", ALL8, 100);
        // priority 7 first, then the 4s (rarest first: 3..6 equally rare), then priority 1; never 1 or 7
        assertThat(all.get(0).piece()).isEqualTo(2);
        assertThat(all.subList(2, 10)).extracting(BlockRequest::piece).containsOnly(3, 4, 5, 6);
        assertThat(fmt(all.subList(10, 12))).isEqualTo("0.0 0.1");
        assertThat(all).hasSize(12);
        assertThat(picker.wantedRemaining()).isEqualTo(6);
        assertThat(picker.isInteresting(bits("01000001"))).isFalse();
        assertThat(picker.isInteresting(bits("01000010"))).isTrue();
    }

    @Test
    void finishesStartedPiecesFirstPreferringTheSamePeers() {
        PiecePicker<String> picker = picker(8, new PickerConfig(0, 2), 9);
        picker.peerBitfield("A", bits("11111111"));
        picker.peerBitfield("B", bits("11111111"));
        picker.peerBitfield("C", bits("00000001"));
        // C starts piece 7 (all it has); A, not yet knowing about 7, starts another piece x
        assertThat(fmt(picker.pick("C", bits("00000001"), 1))).isEqualTo("7.0");
        String a1 = fmt(picker.pick("A", bits("11111110"), 1));
        String x = a1.split("\\.")[0];
        assertThat(a1).isEqualTo(x + ".0").isNotEqualTo("7.0");
        // now A could finish 7 (started earlier) or its own x: it keeps to its own piece
        assertThat(fmt(picker.pick("A", ALL8, 1))).isEqualTo(x + ".1");
        // B finishes C's piece before starting a fresh one
        assertThat(fmt(picker.pick("B", ALL8, 1))).isEqualTo("7.1");
        assertThat(picker.partialCount()).isEqualTo(2);
        // then, with nothing started left to finish, a fresh piece
        assertThat(fmt(picker.pick("B", ALL8, 1))).doesNotStartWith("7.").doesNotStartWith(x + ".").endsWith(".0");
    }

    @Test
    void firstPiecesAreRandomNotRarest() {
        // piece 0 is by far the rarest; in random mode the first pick must still spread over all pieces
        Set<Integer> rarestMode = new HashSet<>();
        Set<Integer> randomMode = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            for (boolean random : new boolean[] {true, false}) {
                PiecePicker<String> picker = picker(8, new PickerConfig(random ? 4 : 0, 2), seed);
                picker.peerBitfield("A", bits("01111111"));
                picker.peerBitfield("B", bits("01111111"));
                picker.peerHaveAll("S");
                int first = picker.pick("S", ALL8, 1).get(0).piece();
                (random ? randomMode : rarestMode).add(first);
            }
        }
        assertThat(rarestMode).containsExactly(0);
        assertThat(randomMode).hasSize(8);
    }

    @Test
    void randomModeEndsAfterTheFirstFewVerifiedPieces() {
        PiecePicker<String> picker = picker(8, new PickerConfig(2, 2), 4);
        picker.peerBitfield("A", bits("01111111"));
        picker.peerHaveAll("S");
        picker.piecePassed(5);
        picker.piecePassed(6);
        assertThat(fmt(picker.pick("S", ALL8, 1))).isEqualTo("0.0");
    }

    @Test
    void neverHandsOneBlockToTwoPeersOutsideEndGame() {
        PiecePicker<String> picker = rarestPicker(8, 11);
        picker.peerHaveAll("A");
        picker.peerHaveAll("B");
        List<BlockRequest> a = picker.pick("A", ALL8, 9);
        assertThat(picker.isEndGame()).isFalse();
        List<BlockRequest> b = picker.pick("B", ALL8, 7);
        assertThat(a).hasSize(9).doesNotHaveDuplicates();
        assertThat(b).hasSize(7).doesNotHaveDuplicates().doesNotContainAnyElementsOf(a);
        // every block is now requested: end game, and B may double up on A's blocks (2 per block)
        assertThat(picker.isEndGame()).isTrue();
        assertThat(picker.pick("B", ALL8, 20)).containsExactlyInAnyOrderElementsOf(a);
        assertThat(picker.requestCount("A")).isEqualTo(9);
        assertThat(picker.requestCount("B")).isEqualTo(16);
    }

    @Test
    void endGameDuplicatesBoundedAndCancelsTheOthers() {
        PiecePicker<String> picker = rarestPicker(1, 2);
        Bitfield one = Bitfield.full(1);
        for (String p : List.of("A", "B", "C")) {
            picker.peerHaveAll(p);
        }
        assertThat(fmt(picker.pick("A", one, 5))).isEqualTo("0.0 0.1");
        assertThat(picker.isEndGame()).isTrue();
        // limit 2 requesters per block: B may duplicate both, C gets nothing
        assertThat(fmt(picker.pick("B", one, 5))).isEqualTo("0.0 0.1");
        assertThat(picker.pick("C", one, 5)).isEmpty();
        assertThat(picker.pick("A", one, 5)).isEmpty();

        BlockReceipt<String> r = picker.blockReceived("B", 0, 0, BLOCK);
        assertThat(r.status()).isEqualTo(Status.ACCEPTED);
        assertThat(r.cancel()).containsExactly("A");
        assertThat(picker.requestCount("A")).isEqualTo(1);
        // the cancelled copy crosses our cancel on the wire
        assertThat(picker.blockReceived("A", 0, 0, BLOCK).status()).isEqualTo(Status.DUPLICATE);

        BlockReceipt<String> last = picker.blockReceived("A", 0, BLOCK, BLOCK);
        assertThat(last.status()).isEqualTo(Status.PIECE_COMPLETE);
        assertThat(last.cancel()).containsExactly("B");
        assertThat(picker.requestCount("A") + picker.requestCount("B")).isZero();
    }

    @Test
    void endGameWaitsForPiecesOthersCouldStillSupply() {
        PiecePicker<String> picker = rarestPicker(4, 2);
        picker.peerBitfield("A", bits("1100"));
        picker.peerBitfield("B", bits("0011"));
        picker.pick("A", bits("1100"), 10);
        assertThat(picker.isEndGame()).isFalse(); // B's pieces are not requested yet
        assertThat(picker.pick("A", bits("1100"), 10)).isEmpty();
        picker.peerLeft("B", bits("0011"));
        assertThat(picker.isEndGame()).isTrue(); // nobody left to supply 2 and 3
    }

    @Test
    void endGameIsOffWithOneRequesterPerBlock() {
        PiecePicker<String> picker = picker(1, new PickerConfig(0, 1), 1);
        picker.peerHaveAll("A");
        picker.peerHaveAll("B");
        picker.pick("A", Bitfield.full(1), 5);
        assertThat(picker.pick("B", Bitfield.full(1), 5)).isEmpty();
    }

    @Test
    void chokeRejectAndTimeoutReturnBlocks() {
        PiecePicker<String> picker = rarestPicker(2, 7);
        Bitfield all = Bitfield.full(2);
        picker.peerHaveAll("A");
        picker.peerHaveAll("B");
        List<BlockRequest> a = picker.pick("A", all, 3);
        assertThat(a).hasSize(3);
        // reject (BEP 6) of one block: it goes to B
        assertThat(picker.returnRequest("A", a.get(2))).isTrue();
        assertThat(picker.returnRequest("A", a.get(2))).isFalse();
        List<BlockRequest> b = picker.pick("B", all, 2);
        assertThat(b).contains(a.get(2)).hasSize(2).doesNotContainAnyElementsOf(a.subList(0, 2));
        // A chokes us: its other two return
        assertThat(picker.peerChoked("A")).isEqualTo(2);
        assertThat(picker.pick("B", all, 5)).containsExactlyInAnyOrderElementsOf(a.subList(0, 2));
        // a late block from A after its request was returned is still good data
        assertThat(picker.blockReceived("A", a.get(0).piece(), a.get(0).begin(), a.get(0).length()).status())
                .isEqualTo(Status.ACCEPTED);
        assertThat(picker.requestCount("B")).isEqualTo(3);
        assertThat(picker.peerLeft("B", all)).isEqualTo(3);
        assertThat(picker.pick("A", all, 10)).hasSize(3);
    }

    @Test
    void returningEveryBlockForgetsTheStartedPiece() {
        PiecePicker<String> picker = rarestPicker(4, 7);
        picker.peerHaveAll("A");
        List<BlockRequest> a = picker.pick("A", Bitfield.full(4), 2);
        assertThat(picker.partialCount()).isEqualTo(1);
        picker.peerChoked("A");
        assertThat(picker.partialCount()).isZero();
        assertThat(a).hasSize(2);
    }

    @Test
    void failedPieceNamesItsContributorsAndIsDownloadedAgain() {
        PiecePicker<String> picker = rarestPicker(1, 1);
        Bitfield one = Bitfield.full(1);
        picker.peerHaveAll("A");
        picker.peerHaveAll("B");
        assertThat(fmt(picker.pick("A", one, 1))).isEqualTo("0.0");
        assertThat(fmt(picker.pick("B", one, 1))).isEqualTo("0.1");
        assertThat(picker.blockReceived("B", 0, BLOCK, BLOCK).status()).isEqualTo(Status.ACCEPTED);
        assertThat(picker.blockReceived("A", 0, 0, BLOCK).status()).isEqualTo(Status.PIECE_COMPLETE);
        assertThat(picker.pick("A", one, 5)).isEmpty();
        assertThat(picker.pieceFailed(0)).containsExactly("B", "A");
        assertThat(fmt(picker.pick("A", one, 5))).isEqualTo("0.0 0.1");
        picker.blockReceived("A", 0, 0, BLOCK);
        picker.blockReceived("A", 0, BLOCK, BLOCK);
        picker.piecePassed(0);
        assertThat(picker.hasPiece(0)).isTrue();
        assertThat(picker.wantedRemaining()).isZero();
        assertThat(picker.pick("B", one, 5)).isEmpty();
        assertThat(picker.blockReceived("B", 0, 0, BLOCK).status()).isEqualTo(Status.DUPLICATE);
        assertThat(picker.pieceFailed(0)).isEmpty();
    }

    @Test
    void allowedFastPiecesWhileChoked() {
        PiecePicker<String> picker = rarestPicker(8, 1);
        picker.peerHaveAll("A");
        List<BlockRequest> out = new ArrayList<>();
        int n = picker.pickAllowedFast("A", ALL8, bits("00100100"), 10, out);
        assertThat(n).isEqualTo(4);
        assertThat(out).extracting(BlockRequest::piece).containsOnly(2, 5);
    }

    @ParameterizedTest(name = "piece {0} begin {1} length {2} -> {3}")
    @CsvSource({
        "0, 0, 16384, ACCEPTED",
        "0, 1, 16384, INVALID",     // not block aligned
        "0, 16384, 100, INVALID",   // wrong length
        "0, 32768, 16384, INVALID", // past the piece
        "2, 0, 4096, INVALID",      // piece out of range
        "-1, 0, 16384, INVALID",
        "1, 0, 4096, UNEXPECTED",   // valid last (short) block, never requested
    })
    void checksIncomingBlocks(int piece, int begin, int length, Status expected) {
        PieceGeometry g = new PieceGeometry(32 * 1024 + 4096, 32 * 1024);
        PiecePicker<String> picker = new PiecePicker<>(g, new Bitfield(2), new PickerConfig(0, 2), new Random(1));
        picker.peerHaveAll("A");
        assertThat(fmt(picker.pick("A", bits("10"), 1))).isEqualTo("0.0");
        assertThat(picker.blockReceived("A", piece, begin, length).status()).isEqualTo(expected);
    }

    @Test
    void lastPieceBlocksAreShort() {
        PieceGeometry g = new PieceGeometry(32 * 1024 + 20000, 32 * 1024);
        PiecePicker<String> picker = new PiecePicker<>(g, new Bitfield(2), new PickerConfig(0, 2), new Random(1));
        picker.peerBitfield("A", bits("01"));
        assertThat(picker.pick("A", bits("01"), 5))
                .containsExactly(new BlockRequest(1, 0, BLOCK), new BlockRequest(1, BLOCK, 20000 - BLOCK));
    }

    @Test
    void resumedPiecesAreNeverPicked() {
        PieceGeometry g = new PieceGeometry(4 * 32 * 1024, 32 * 1024);
        PiecePicker<String> picker = new PiecePicker<>(g, bits("1011"), PickerConfig.DEFAULT, new Random(1));
        picker.peerHaveAll("A");
        assertThat(fmt(picker.pick("A", Bitfield.full(4), 10))).isEqualTo("1.0 1.1");
        assertThat(picker.isInteresting(bits("1011"))).isFalse();
    }

    @Test
    void misuseFailsLoudly() {
        PiecePicker<String> picker = rarestPicker(8, 1);
        picker.peerBitfield("A", bits("10000000"));
        assertThatThrownBy(() -> picker.peerBitfield("A", bits("10000000")))
                .hasMessage("peer A already announced its pieces");
        assertThatThrownBy(() -> picker.peerHaveAll("A")).hasMessage("peer A already announced its pieces");
        assertThatThrownBy(() -> picker.peerBitfield("B", bits("1"))).hasMessage("bitfield of 1 pieces for 8");
        assertThatThrownBy(() -> picker.setPriority(0, 9)).hasMessage("priority 9 is outside 0..7");
        assertThatThrownBy(() -> picker.peerLeft("A", bits("01000000")))
                .hasMessageContaining("availability of piece 1 would go negative");
    }
}
