package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;

/** "earned …, spent …, settled …" from ledger totals, exact, in human units. */
class EarningsSummaryTest {
    private static final ChainId CHAIN = ChainId.of("728126428");
    private static final Address ME = Address.of("TMe");
    private static final AssetId BTT = SettlementAsset.BTT.biddingId();
    private static final AssetId TRX = SettlementAsset.TRX.biddingId();

    private static Totals totals(String cumulative, String settled) {
        return new Totals(new BigInteger(cumulative), 1, 1, new BigInteger(settled), BigInteger.ZERO, BigInteger.ZERO);
    }

    @Test
    void sumsEachDirectionPerAsset() {
        List<EarningsSummary.Entry> entries = List.of(
                new EarningsSummary.Entry(Direction.RECEIVED, new Account(Address.of("TA"), ME, BTT, CHAIN),
                        totals("400000000000000000", "0")),
                new EarningsSummary.Entry(Direction.RECEIVED, new Account(Address.of("TB"), ME, BTT, CHAIN),
                        totals("20000000000000000", "0")),
                new EarningsSummary.Entry(Direction.SENT, new Account(ME, Address.of("TC"), BTT, CHAIN),
                        totals("1300000000000000000", "1000000000000000000")));
        assertThat(EarningsSummary.format(entries, SettlementAsset.BTT))
                .isEqualTo("earned 0.42 BTT, spent 1.3 BTT, settled 1 BTT");
    }

    @Test
    void collectedAppearsOnlyWhenPayersSettledAndAssetsStaySeparate() {
        List<EarningsSummary.Entry> entries = List.of(
                new EarningsSummary.Entry(Direction.RECEIVED, new Account(Address.of("TA"), ME, BTT, CHAIN),
                        totals("1", "1")),
                new EarningsSummary.Entry(Direction.SENT, new Account(ME, Address.of("TC"), TRX, CHAIN),
                        totals("2500000", "0")));
        assertThat(EarningsSummary.format(entries, SettlementAsset.BTT)).isEqualTo(
                "earned 0.000000000000000001 BTT, spent 0 BTT, settled 0 BTT, collected 0.000000000000000001 BTT;"
                        + " earned 0 TRX, spent 2.5 TRX, settled 0 TRX");
        assertThat(EarningsSummary.format(List.of(), SettlementAsset.TRX)).isEqualTo("earned 0 TRX, spent 0 TRX, settled 0 TRX");
        List<EarningsSummary.Entry> unknown = List.of(new EarningsSummary.Entry(Direction.SENT,
                new Account(ME, Address.of("TC"), AssetId.of("trc20:" + "11".repeat(20)), CHAIN), totals("7", "0")));
        assertThat(EarningsSummary.format(unknown, SettlementAsset.BTT)).contains("spent 7 base units of trc20:1111");
    }

    @Test
    void readsALiveLedger(@TempDir Path dir) {
        try (Ledger l = Ledger.open(dir.resolve("ledger.sqlite"))) {
            Account pay = new Account(ME, Address.of("TSeller"), BTT, CHAIN);
            l.recordChequeSent(new Cheque(pay, new BigInteger("1300000000000000000"), 1, new byte[65]),
                    Digest32.of(new byte[32]), 1);
            long id = l.recordSettlementRequested(pay, BigInteger.TEN.pow(18), 2);
            l.recordSettlementTxid(id, "aa".repeat(32), ChainStatus.SOLID, 3);
            l.recordChequeReceived(new Cheque(new Account(Address.of("TBuyer"), ME, BTT, CHAIN),
                    new BigInteger("420000000000000000"), 1, new byte[65]), Digest32.of(new byte[32]), 4);
            assertThat(EarningsSummary.of(l, SettlementAsset.BTT)).isEqualTo("earned 0.42 BTT, spent 1.3 BTT, settled 1 BTT");
        }
    }
}
