package org.swarmbid.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;

class TransferTest {

    private final TronAddress a = TestKeys.address(1);
    private final TronAddress b = TestKeys.address(2);
    private final Asset.Trc20 token = new Asset.Trc20(b, "TOK", 18);

    @Test
    void refusesBadAmountsAndAddresses() {
        assertThatThrownBy(() -> new Transfer.Trx(a, b, BigInteger.ZERO)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Transfer.Trx(a, b, BigInteger.ONE.shiftLeft(63))).hasMessageContaining("2^63");
        assertThatThrownBy(() -> new Transfer.Trx(a, a, BigInteger.ONE)).hasMessageContaining("same address");
        assertThatThrownBy(() -> Addresses.fromProto(Addresses.toProto(b).substring(1), "recipient"))
                .hasMessageContaining("recipient").hasMessageContaining("21 bytes");
        assertThatThrownBy(() -> new Asset.Trc10("01002000", "X", 0)).hasMessageContaining("token id");
        assertThatThrownBy(() -> new Asset.Trc10("BTT", "X", 0)).hasMessageContaining("token id");
        assertThatThrownBy(() -> new Transfer.Trc20(a, b, token, BigInteger.ONE.shiftLeft(256)))
                .hasMessageContaining("2^256");
        assertThat(new Transfer.Trc20(a, b, token, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)).amount())
                .hasToString("115792089237316195423570985008687907853269984665640564039457584007913129639935");
    }

    @Test
    void ofPicksTheKindFromTheAsset() {
        assertThat(Transfer.of(a, b, Amount.parse("1.5", Asset.TRX))).isEqualTo(new Transfer.Trx(a, b,
                BigInteger.valueOf(1_500_000)));
        Transfer old = Transfer.of(a, b, Amount.parse("2", Asset.bttOld(6)));
        assertThat(old).isInstanceOf(Transfer.Trc10.class);
        assertThat(((Transfer.Trc10) old).tokenId()).isEqualTo("1002000");
        Transfer btt = Transfer.of(a, b, Amount.parse("0.000000000000000001", Asset.BTT));
        assertThat(btt).isEqualTo(new Transfer.Trc20(a, b, Asset.BTT, BigInteger.ONE));
        assertThat(btt.value()).hasToString("0.000000000000000001 BTT");
        assertThatThrownBy(() -> Transfer.of(a, b, Amount.zero(Asset.TRX))).hasMessageContaining("amount");
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
