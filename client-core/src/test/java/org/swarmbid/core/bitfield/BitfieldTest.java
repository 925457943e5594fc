package org.swarmbid.core.bitfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitfieldTest {

    @Test
    void wireLayoutPutsPieceZeroInTheHighBit() {
        Bitfield b = new Bitfield(10);
        b.set(0);
        b.set(9);
        assertThat(b.toWire()).containsExactly((byte) 0x80, (byte) 0x40);
        assertThat(Bitfield.fromWire(new byte[] {(byte) 0x80, 0x40}, 10)).isEqualTo(b);
    }

    @Test
    void rejectsWrongLengthAndSpareBits() {
        assertThatThrownBy(() -> Bitfield.fromWire(new byte[3], 10)).hasMessageContaining("3 bytes for 10 pieces");
        assertThatThrownBy(() -> Bitfield.fromWire(new byte[] {0, 0x20}, 10)).hasMessageContaining("spare bit");
    }

    @Test
    void fullSetsExactlySizeBits() {
        for (int n : new int[] {0, 1, 63, 64, 65, 130}) {
            Bitfield b = Bitfield.full(n);
            assertThat(b.cardinality()).isEqualTo(n);
            assertThat(b.isComplete()).isTrue();
            assertThat(b.nextClear(0)).isEqualTo(-1);
            assertThat(Bitfield.fromWire(b.toWire(), n)).isEqualTo(b);
        }
    }

    @Test
    void iteratesAndCounts() {
        Bitfield b = new Bitfield(200);
        assertThat(b.set(3)).isTrue();
        assertThat(b.set(3)).isFalse();
        b.set(64);
        b.set(199);
        assertThat(b.cardinality()).isEqualTo(3);
        assertThat(b.nextSet(0)).isEqualTo(3);
        assertThat(b.nextSet(4)).isEqualTo(64);
        assertThat(b.nextSet(65)).isEqualTo(199);
        assertThat(b.nextClear(3)).isEqualTo(4);
        assertThat(b.clear(64)).isTrue();
        assertThat(b.cardinality()).isEqualTo(2);
        Bitfield other = new Bitfield(200);
        other.set(3);
        assertThat(b.lacksAnyOf(other)).isFalse();
        other.set(5);
        assertThat(b.lacksAnyOf(other)).isTrue();
        assertThatThrownBy(() -> b.get(200)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
