package org.swarmbid.bidding.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.BuyerConfig;

class TorrentBuyerTest {
    static final long MIB = Pricing.MIB;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOON = ZonedDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZONE).toInstant();
    static final Account S1 = new Account(Address.of("TMe"), Address.of("TSeller1"), AssetId.of("trc20:BTT"), ChainId.of("devnet"));
    static final Account S2 = new Account(Address.of("TMe"), Address.of("TSeller2"), AssetId.of("trc20:BTT"), ChainId.of("devnet"));

    static BuyerConfig config(long perTorrent, long perDay, long maxPrice) {
        return BuyerConfig.defaults().withZone(ZONE)
                .withBudget(BigInteger.valueOf(perTorrent), BigInteger.valueOf(perDay), BigInteger.valueOf(maxPrice));
    }

    static TorrentBuyer buyer(BuyerConfig c) {
        return new TorrentBuyer(c, new DailyBudget(c.perDayBudget(), c.zone()), new ChequeBook());
    }

    static String bid(TorrentBuyer b, long remaining, boolean complete, long tft, long wanted) {
        return b.bidPrice(new BidInputs(remaining, complete, tft, wanted), NOON).map(BigInteger::toString).orElse("none");
    }

    @ParameterizedTest(name = "torrent={0} day={1} max={2} remaining={3}MiB complete={4} tft={5} wanted={6} -> {7}")
    @CsvSource(textBlock = """
            0,     0,     0,    100, false, 0,   100, none
            1000,  0,     100,  100, false, 0,   100, none
            1000,  5000,  0,    100, false, 0,   100, none
            1000,  5000,  100,  100, false, 0,   100, 10
            1000,  500,   100,  100, false, 0,   100, 5
            1000,  5000,  7,    100, false, 0,   100, 7
            1000,  5000,  100,  100, true,  0,   100, none
            1000,  5000,  100,  0,   false, 0,   100, none
            1000,  5000,  100,  100, false, 100, 100, none
            1000,  5000,  100,  100, false, 150, 100, none
            1000,  5000,  100,  100, false, 99,  100, 10
            50,    5000,  100,  100, false, 0,   100, none
            """)
    void bidTable(long torrent, long day, long max, long remainingMiB, boolean complete, long tft, long wanted, String expected) {
        assertThat(bid(buyer(config(torrent, day, max)), remainingMiB * MIB, complete, tft, wanted)).isEqualTo(expected);
    }

    @Test
    void defaultsSpendNothing() {
        BuyerConfig d = BuyerConfig.defaults();
        assertThat(d.spendingEnabled()).isFalse();
        TorrentBuyer b = buyer(d);
        assertThat(bid(b, 100 * MIB, false, 0, 1_000_000)).isEqualTo("none");
        assertThat(b.remainingBudget(NOON)).isZero();
        assertThat(b.affordableBytes(BigInteger.ONE, NOON)).isZero();
    }

    @Test
    void onlyVerifiedPiecesAreOwedAndFailedOnesAreNotPaid() {
        BuyerConfig c = config(1_000_000, 1_000_000, 1_000);
        ChequeBook book = new ChequeBook();
        DailyBudget day = new DailyBudget(c.perDayBudget(), ZONE);
        TorrentBuyer b = new TorrentBuyer(c, day, book);
        b.paidBytesReceived(S1, 0, MIB / 2, BigInteger.valueOf(1_000));
        b.paidBytesReceived(S2, 0, MIB / 2, BigInteger.valueOf(2_000));
        b.paidBytesReceived(S1, 1, MIB, BigInteger.valueOf(1_000));
        assertThat(b.remainingBudget(NOON)).as("reserved while unverified").isEqualTo(BigInteger.valueOf(1_000_000 - 2_500));
        b.piecePassed(0, NOON);
        b.pieceFailed(1);
        assertThat(book.owed(S1)).isEqualTo(BigInteger.valueOf(500));
        assertThat(book.owed(S2)).isEqualTo(BigInteger.valueOf(1_000));
        assertThat(b.spent()).isEqualTo(BigInteger.valueOf(1_500));
        assertThat(b.remainingBudget(NOON)).as("failed piece released").isEqualTo(BigInteger.valueOf(1_000_000 - 1_500));
        assertThat(day.spentToday(NOON)).isEqualTo(BigInteger.valueOf(1_500));
        b.piecePassed(1, NOON); // already failed: nothing to pay
        assertThat(book.owed(S1)).isEqualTo(BigInteger.valueOf(500));
    }

    @Test
    void owedIsRoundedOnceOnTheTotalNotPerBlock() {
        ChequeBook book = new ChequeBook();
        BuyerConfig c = config(1_000_000, 1_000_000, 1_000);
        TorrentBuyer b = new TorrentBuyer(c, new DailyBudget(c.perDayBudget(), ZONE), book);
        // 64 blocks of 16 KiB at 3 units/MiB: per block 0.046875 -> per-block flooring would give 0
        for (int i = 0; i < 64; i++) {
            b.paidBytesReceived(S1, 0, 16 * 1024, BigInteger.valueOf(3));
        }
        b.piecePassed(0, NOON);
        assertThat(book.owed(S1)).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void dailyCapSpansTorrentsAndResetsAtMidnightInTheZone() {
        BuyerConfig c = config(10_000, 3_000, 1_000);
        DailyBudget day = new DailyBudget(c.perDayBudget(), ZONE);
        ChequeBook book = new ChequeBook();
        TorrentBuyer t1 = new TorrentBuyer(c, day, book);
        TorrentBuyer t2 = new TorrentBuyer(c, day, book);
        t1.paidBytesReceived(S1, 0, 2 * MIB, BigInteger.valueOf(1_000));
        t1.piecePassed(0, NOON);
        assertThat(t2.remainingBudget(NOON)).isEqualTo(BigInteger.valueOf(1_000));
        assertThat(t2.affordableBytes(BigInteger.valueOf(1_000), NOON)).isEqualTo(MIB);
        Instant beforeMidnight = ZonedDateTime.of(2026, 3, 1, 23, 59, 59, 0, ZONE).toInstant();
        Instant afterMidnight = ZonedDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZONE).toInstant();
        assertThat(t2.remainingBudget(beforeMidnight)).isEqualTo(BigInteger.valueOf(1_000));
        assertThat(t2.remainingBudget(afterMidnight)).isEqualTo(BigInteger.valueOf(3_000));
        assertThat(t1.remainingBudget(afterMidnight)).as("torrent cap still counts yesterday").isEqualTo(BigInteger.valueOf(3_000));
        assertThat(t1.paidBytesReceived(S1, 1, 3 * MIB, BigInteger.valueOf(1_000))).as("exactly today's cap").isTrue();
        assertThat(t1.remainingBudget(afterMidnight)).isZero();
        assertThat(t1.bidPrice(new BidInputs(100 * MIB, false, 0, 1), afterMidnight)).isEmpty();
    }

    @Test
    void bidFallsAsBudgetIsSpent() {
        TorrentBuyer b = buyer(config(10_000, 100_000, 1_000_000));
        assertThat(bid(b, 10 * MIB, false, 0, 1)).isEqualTo("1000");
        b.paidBytesReceived(S1, 0, 5 * MIB, BigInteger.valueOf(1_000));
        b.piecePassed(0, NOON);
        assertThat(bid(b, 5 * MIB, false, 0, 1)).isEqualTo("1000");
        assertThat(bid(b, 10 * MIB, false, 0, 1)).isEqualTo("500");
    }
}
