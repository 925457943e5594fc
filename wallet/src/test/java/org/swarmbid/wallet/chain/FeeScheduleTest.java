package org.swarmbid.wallet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tron.trident.proto.Chain;

class FeeScheduleTest {

    private final FeeSchedule fees = FeeSchedule.DEFAULTS;

    @Test
    void bandwidthIsSizeWithoutRetPlus64PerContract() {
        Chain.Transaction tx = Chain.Transaction.newBuilder()
                .setRawData(Chain.Transaction.raw.newBuilder().setTimestamp(1).addContract(
                        Chain.Transaction.Contract.newBuilder().setType(
                                Chain.Transaction.Contract.ContractType.TransferContract)))
                .addSignature(ByteString.copyFrom(new byte[65])).build();
        long bare = tx.getSerializedSize();
        Chain.Transaction withRet = tx.toBuilder().addRet(Chain.Transaction.Result.newBuilder().setFee(123456)).build();
        assertThat(FeeSchedule.bandwidthBytes(tx)).isEqualTo(bare + 64);
        assertThat(FeeSchedule.bandwidthBytes(withRet)).isEqualTo(bare + 64);
    }

    @Test
    void freePointsCoverAWholeTransactionOrNoneOfIt() {
        assertThat(fees.bandwidthBurn(268, 600)).isZero();
        assertThat(fees.bandwidthBurn(268, 268)).isZero();
        assertThat(fees.bandwidthBurn(268, 267)).isEqualTo(268_000);
        assertThat(fees.bandwidthBurn(268, 0)).isEqualTo(268_000);
    }

    @Test
    void usageRecoversLinearlyOverADay() {
        long day = FeeSchedule.WINDOW_MILLIS;
        assertThat(FeeSchedule.recoveredUsage(600, 0, 0)).isEqualTo(600);
        assertThat(FeeSchedule.recoveredUsage(600, 0, day / 2)).isEqualTo(300);
        assertThat(FeeSchedule.recoveredUsage(600, 0, day)).isZero();
        assertThat(FeeSchedule.recoveredUsage(600, 1000, 0)).as("clock behind: no recovery").isEqualTo(600);
        assertThat(fees.freeBandwidthLeft(450, 0, day / 3)).isEqualTo(600 - 300);
    }

    @Test
    void activationAndEnergyAndChainParameters() {
        assertThat(fees.activationFee()).isEqualTo(1_100_000);
        assertThat(fees.energyBurn(29_650)).isEqualTo(29_650L * 210);
        FeeSchedule nile = FeeSchedule.fromChainParameters(Map.of("getEnergyFee", 420L, "getFreeNetLimit", 1500L));
        assertThat(nile.energyFeeSun()).isEqualTo(420);
        assertThat(nile.freeNetLimit()).isEqualTo(1500);
        assertThat(nile.transactionFeeSunPerByte()).isEqualTo(1000);
        assertThat(FeeSchedule.fromChainParameters(fees.asChainParameters())).isEqualTo(fees);
    }
}
