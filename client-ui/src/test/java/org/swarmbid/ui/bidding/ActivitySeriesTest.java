package org.swarmbid.ui.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmbid.ui.bidding.LedgerEntry.Kind;
import org.swarmbid.wallet.asset.Asset;

class ActivitySeriesTest {

    private static final String BTT = new Units(Asset.BTT).assetId();

    private static LedgerEntry e(long t, Kind k, String asset, String amount) {
        return new LedgerEntry(t, k, "T", "", asset, new BigInteger(amount), "");
    }

    @Test
    void cumulativeExactSumsPerBucketIgnoringOtherAssetsAndOutOfRange() {
        List<LedgerEntry> rows = List.of(
                e(999, Kind.CHEQUE_RECEIVED, BTT, "5"),                         // before the range
                e(1000, Kind.CHEQUE_RECEIVED, BTT, "1000000000000000000000000001"),
                e(1099, Kind.CHEQUE_SENT, BTT, "7"),
                e(1100, Kind.CHEQUE_RECEIVED, "trx", "100"),                   // another asset
                e(1250, Kind.CHEQUE_RECEIVED, BTT, "2"),
                e(1250, Kind.BID_SENT, BTT, "999"),                            // not a cheque
                e(1300, Kind.CHEQUE_SENT, BTT, "1"));                          // after the last bucket
        List<ActivitySeries.Point> p = ActivitySeries.cumulative(rows, BTT, 1000, 100, 3);
        assertThat(p).extracting(ActivitySeries.Point::startMillis).containsExactly(1000L, 1100L, 1200L);
        assertThat(p).extracting(ActivitySeries.Point::earned).containsExactly(
                new BigInteger("1000000000000000000000000001"), new BigInteger("1000000000000000000000000001"),
                new BigInteger("1000000000000000000000000003"));
        assertThat(p).extracting(ActivitySeries.Point::spent).containsExactly(
                BigInteger.valueOf(7), BigInteger.valueOf(7), BigInteger.valueOf(7));
    }

    @Test
    void assetIdsAreSpelledAsOnTheWire() {
        assertThat(new Units(Asset.BTT).assetId()).isEqualTo("trc20:032017411f4663b317fe77c257d28d5cd1b26e3d");
        assertThat(new Units(Asset.bttOld(6)).assetId()).isEqualTo("trc10:1002000");
        assertThat(new Units(Asset.TRX).assetId()).isEqualTo("trx");
        Units btt = new Units(Asset.BTT);
        assertThat(btt.parse("0.001")).isEqualTo(BigInteger.TEN.pow(15));
        assertThat(btt.format(new BigInteger("1500000000000000001"))).isEqualTo("1.500000000000000001");
        assertThat(btt.parse(" ")).isZero();
    }
}
