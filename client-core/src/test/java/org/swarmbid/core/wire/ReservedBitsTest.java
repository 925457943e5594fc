package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReservedBitsTest {

    @Test
    void eachExtensionBitSitsWhereItsBepPutsIt() {
        assertThat(ReservedBits.NONE.withExtensionProtocol().toBytes()).isEqualTo(Hex.bytes("0000000000100000"));
        assertThat(ReservedBits.NONE.withFastExtension().toBytes()).isEqualTo(Hex.bytes("0000000000000004"));
        assertThat(ReservedBits.NONE.withDht().toBytes()).isEqualTo(Hex.bytes("0000000000000001"));
    }

    @Test
    void readsBitsFromWireBytes() {
        ReservedBits r = ReservedBits.fromBytes(Hex.bytes("0000000000100005"));
        assertThat(r.extensionProtocol()).isTrue();
        assertThat(r.fastExtension()).isTrue();
        assertThat(r.dht()).isTrue();
        ReservedBits other = ReservedBits.fromBytes(Hex.bytes("ffffffffffef fffa"));
        assertThat(other.extensionProtocol()).isFalse();
        assertThat(other.fastExtension()).isFalse();
        assertThat(other.dht()).isFalse();
        assertThat(ReservedBits.fromBytes(r.toBytes())).isEqualTo(r);
    }

    @Test
    void otherBitsCanBeSetAndTested() {
        ReservedBits r = ReservedBits.NONE.with(0, 0x80);
        assertThat(r.isSet(0, 0x80)).isTrue();
        assertThat(r.toBytes()[0]).isEqualTo((byte) 0x80);
        assertThat(r.isSet(7, 0x80)).isFalse();
        assertThatThrownBy(() -> r.with(8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservedBits.fromBytes(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
