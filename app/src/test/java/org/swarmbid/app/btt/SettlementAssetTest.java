package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The three names of an asset (CLI name, wire id, wallet asset) and human formatting. */
class SettlementAssetTest {
    @Test
    void namesAndWireIdsMapToTheWalletsAssets() {
        assertThat(SettlementAsset.byName("btt")).isSameAs(SettlementAsset.BTT);
        assertThat(SettlementAsset.byName(" TRX ")).isSameAs(SettlementAsset.TRX);
        assertThat(SettlementAsset.byName("btt-old")).isSameAs(SettlementAsset.BTT_OLD);
        assertThat(SettlementAsset.parse("trc20:032017411f4663b317fe77c257d28d5cd1b26e3d")).isSameAs(SettlementAsset.BTT);
        assertThat(SettlementAsset.parse("trc20:TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4")).isSameAs(SettlementAsset.BTT);
        assertThat(SettlementAsset.parse("trx")).isSameAs(SettlementAsset.TRX);
        assertThat(SettlementAsset.parse("trc10:1002000")).isSameAs(SettlementAsset.BTT_OLD);
        assertThat(SettlementAsset.BTT.biddingId().value()).isEqualTo("trc20:032017411f4663b317fe77c257d28d5cd1b26e3d");
        assertThatThrownBy(() -> SettlementAsset.parse("trc10:1")).hasMessageContaining("not one the wallet can pay");
        assertThatThrownBy(() -> SettlementAsset.parse("TRX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementAsset.byName("eth")).hasMessage("unknown asset 'eth' (expected btt, trx or btt-old)");
        assertThat(SettlementAsset.find("trc20:" + "00".repeat(20))).isEmpty();
    }

    @Test
    void formatsExactlyWithoutTrailingZeros() {
        assertThat(SettlementAsset.BTT.format(new BigInteger("420000000000000000"))).isEqualTo("0.42 BTT");
        assertThat(SettlementAsset.BTT.format(BigInteger.ONE)).isEqualTo("0.000000000000000001 BTT");
        assertThat(SettlementAsset.TRX.format(BigInteger.valueOf(1_000_000))).isEqualTo("1 TRX");
        assertThat(SettlementAsset.BTT_OLD.format(BigInteger.valueOf(1_500_000))).isEqualTo("1.5 BTTOLD");
        assertThat(SettlementAsset.formatAny("trc10:5", BigInteger.TEN)).isEqualTo("10 base units of trc10:5");
    }
}
