package org.swarmbid.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TransferTest {

    private final ByteString a = TestSigner.fromSeed(1).address();
    private final ByteString b = TestSigner.fromSeed(2).address();

    @Test
    void refusesBadAmountsAndAddresses() {
        assertThatThrownBy(() -> new Transfer.Trx(a, b, BigInteger.ZERO)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Transfer.Trx(a, b, BigInteger.ONE.shiftLeft(63))).hasMessageContaining("2^63");
        assertThatThrownBy(() -> new Transfer.Trx(a, a, BigInteger.ONE)).hasMessageContaining("same address");
        assertThatThrownBy(() -> new Transfer.Trx(a, b.substring(1), BigInteger.ONE)).hasMessageContaining("21 bytes");
        assertThatThrownBy(() -> new Transfer.Trc10(a, b, "01002000", BigInteger.ONE)).hasMessageContaining("token id");
        assertThatThrownBy(() -> new Transfer.Trc10(a, b, "BTT", BigInteger.ONE)).hasMessageContaining("token id");
        assertThatThrownBy(() -> new Transfer.Trc20(a, b, b, BigInteger.ONE.shiftLeft(256)))
                .hasMessageContaining("2^256");
        assertThat(new Transfer.Trc20(a, b, b, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)).amount())
                .hasToString("115792089237316195423570985008687907853269984665640564039457584007913129639935");
    }

    @Test
    void uint256WordsRoundTripAndAreBounded() {
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN.pow(30),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            assertThat(Trc20Abi.decodeUint256(Trc20Abi.uint256Word(v))).isEqualTo(v);
        }
        assertThatThrownBy(() -> Trc20Abi.uint256Word(BigInteger.ONE.negate())).hasMessageContaining("range");
        assertThat(Trc20Abi.decodeAddressWord(ByteString.copyFrom(new byte[32]).substring(0, 31))).isEmpty();
        byte[] dirty = new byte[32];
        dirty[0] = 1;
        assertThat(Trc20Abi.decodeAddressWord(ByteString.copyFrom(dirty))).isEmpty();
    }

    @Test
    void expirationWindowIsEnforcedWhenBuildingParameters() {
        RefBlock ref = new RefBlock(ByteString.copyFrom(new byte[2]), ByteString.copyFrom(new byte[8]));
        assertThatThrownBy(() -> TxParams.of(ref, 1000, java.time.Duration.ofHours(25), 0))
                .hasMessageContaining("24 h");
        assertThatThrownBy(() -> new TxParams(ref, 1000, 1000, 0)).hasMessageContaining("after the timestamp");
        assertThatThrownBy(() -> new RefBlock(ByteString.copyFrom(new byte[3]), ref.hash()))
                .hasMessageContaining("2 bytes");
    }
}
