package org.swarmbid.bidding.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.bidding.buyer.TorrentBuyerTest.MIB;
import static org.swarmbid.bidding.buyer.TorrentBuyerTest.NOON;
import static org.swarmbid.bidding.buyer.TorrentBuyerTest.S1;
import static org.swarmbid.bidding.buyer.TorrentBuyerTest.ZONE;
import static org.swarmbid.bidding.buyer.TorrentBuyerTest.config;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.config.BuyerConfig;

/** New caps take effect at the next bid; what was spent or reserved under the old caps is kept. */
class ReconfigureTest {
    private static Optional<BigInteger> bid(TorrentBuyer b) {
        return b.bidPrice(new BidInputs(100 * MIB, false, 0, Long.MAX_VALUE), NOON);
    }

    @Test
    void aRaisedPriceAndBudgetApplyToTheNextBidAndSpendingIsKept() {
        BuyerConfig low = config(10_000, 10_000, 5);
        DailyBudget day = new DailyBudget(low.perDayBudget(), ZONE);
        ChequeBook book = new ChequeBook();
        TorrentBuyer b = new TorrentBuyer(low, day, book);
        assertThat(bid(b)).contains(BigInteger.valueOf(5));
        b.paidBytesReceived(S1, 0, 2 * MIB, BigInteger.valueOf(1_000));
        b.piecePassed(0, NOON);
        b.paidBytesReceived(S1, 1, MIB, BigInteger.valueOf(1_000)); // reserved, not yet verified

        b.reconfigure(config(100_000, 100_000, 700));
        day.perDay(BigInteger.valueOf(100_000));
        assertThat(b.config().maxPricePerMiB()).isEqualTo(BigInteger.valueOf(700));
        assertThat(bid(b)).as("capped by the new maximum price").contains(BigInteger.valueOf(700));
        assertThat(b.remainingBudget(NOON)).as("2 spent + 1 reserved under the old caps still count")
                .isEqualTo(BigInteger.valueOf(100_000 - 3_000));
        b.piecePassed(1, NOON);
        assertThat(b.spent()).isEqualTo(BigInteger.valueOf(3_000));
        assertThat(book.owed(S1)).isEqualTo(BigInteger.valueOf(3_000));
    }

    @Test
    void switchingSpendingOffStopsBiddingAndALowerDailyCapBinds() {
        BuyerConfig on = config(10_000, 10_000, 100);
        DailyBudget day = new DailyBudget(on.perDayBudget(), ZONE);
        TorrentBuyer b = new TorrentBuyer(on, day, new ChequeBook());
        b.paidBytesReceived(S1, 0, MIB, BigInteger.valueOf(1_000));
        b.piecePassed(0, NOON);
        day.perDay(BigInteger.valueOf(1_500));
        assertThat(b.remainingBudget(NOON)).isEqualTo(BigInteger.valueOf(500));
        b.reconfigure(on.withBudget(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
        assertThat(bid(b)).isEmpty();
        assertThat(b.remainingBudget(NOON)).isZero();
    }
}
