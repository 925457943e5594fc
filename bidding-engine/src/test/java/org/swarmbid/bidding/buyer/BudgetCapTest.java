package org.swarmbid.bidding.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.BuyerConfig;

/**
 * The per-torrent and per-day budgets are hard caps on what the buyer commits: bytes that keep arriving in a paid
 * slot after the budget ran out are never owed beyond it.
 */
class BudgetCapTest {
    static final long MIB = Pricing.MIB;
    static final int BLOCK = 16 * 1024;
    static final int PIECE = 256 * 1024;
    static final BigInteger PRICE = BigInteger.valueOf(1_000);

    /** Delivers {@code bytes} in 16 KiB blocks of consecutive pieces in {@code S1}'s paid slot, passing each piece. */
    static void deliver(TorrentBuyer b, long bytes) {
        int piece = 0;
        for (long off = 0; off < bytes; off += BLOCK) {
            b.paidBytesReceived(TorrentBuyerTest.S1, piece, BLOCK, PRICE);
            if ((off + BLOCK) % PIECE == 0) {
                b.piecePassed(piece++, TorrentBuyerTest.NOON);
            }
        }
    }

    @Test
    void paidBytesBeyondTheTorrentBudgetAreNeverOwed() {
        BuyerConfig c = TorrentBuyerTest.config(1_000, 1_000_000, 1_000);
        ChequeBook book = new ChequeBook();
        TorrentBuyer b = new TorrentBuyer(c, new DailyBudget(c.perDayBudget(), c.zone()), book);

        deliver(b, 2 * MIB); // the seller keeps serving the paid slot for 2 MiB at 1,000 per MiB: 2,000

        assertThat(book.owed(TorrentBuyerTest.S1)).as("owed to the seller").isLessThanOrEqualTo(BigInteger.valueOf(1_000));
        assertThat(b.spent()).isLessThanOrEqualTo(BigInteger.valueOf(1_000));
    }

    @Test
    void paidBytesBeyondTheDailyBudgetAreNeverOwed() {
        BuyerConfig c = TorrentBuyerTest.config(1_000_000, 1_000, 1_000);
        ChequeBook book = new ChequeBook();
        DailyBudget day = new DailyBudget(c.perDayBudget(), c.zone());
        TorrentBuyer b = new TorrentBuyer(c, day, book);

        deliver(b, 2 * MIB);

        assertThat(book.owed(TorrentBuyerTest.S1)).isLessThanOrEqualTo(BigInteger.valueOf(1_000));
        assertThat(day.spentToday(TorrentBuyerTest.NOON)).isLessThanOrEqualTo(BigInteger.valueOf(1_000));
    }

    static final BigInteger EXPOSURE_PRICE = PRICE;

    @Test
    void anOpenSlotHoldsItsExposureAndIsWithdrawnBeforeTheNextBlockWouldEatIntoIt() {
        // budget 1,000 at 1,000 per MiB: 1 MiB; the slot's exposure is 256 KiB (250 base units)
        BuyerConfig c = TorrentBuyerTest.config(1_000, 1_000_000, 1_000);
        ChequeBook book = new ChequeBook();
        TorrentBuyer b = new TorrentBuyer(c, new DailyBudget(c.perDayBudget(), c.zone()), book);
        long exposure = PIECE;
        assertThat(b.affordsPaidSlot(TorrentBuyerTest.S1, PRICE, exposure, TorrentBuyerTest.NOON)).isTrue();
        b.paidSlotOpened(TorrentBuyerTest.S1, PRICE, exposure);
        assertThat(b.remainingBudget(TorrentBuyerTest.NOON)).as("the exposure is held").isEqualTo(BigInteger.valueOf(750));

        long counted = 0;
        int piece = 0;
        while (!b.mustWithdraw(TorrentBuyerTest.S1, PRICE, TorrentBuyerTest.NOON)) {
            assertThat(b.paidBytesReceived(TorrentBuyerTest.S1, piece, BLOCK, PRICE)).isTrue();
            counted += BLOCK;
            if (counted % PIECE == 0) {
                b.piecePassed(piece++, TorrentBuyerTest.NOON);
            }
        }
        assertThat(counted).as("bought before withdrawing: the budget less the exposure (and a block of rounding)")
                .isBetween(MIB - exposure - BLOCK, MIB - exposure);
        b.withdrawing(TorrentBuyerTest.S1);
        assertThat(b.affordsPaidSlot(TorrentBuyerTest.S1, PRICE, exposure, TorrentBuyerTest.NOON))
                .as("no new bid while withdrawing").isFalse();
        // the seller acts on the withdrawal only after the whole exposure arrived: every byte of it is paid
        for (long off = 0; off < exposure; off += BLOCK) {
            assertThat(b.paidBytesReceived(TorrentBuyerTest.S1, piece, BLOCK, PRICE)).isTrue();
        }
        b.piecePassed(piece++, TorrentBuyerTest.NOON);
        // a seller that keeps charging beyond the exposure it announced is paid only up to the cap
        int beyond = 0;
        while (b.paidBytesReceived(TorrentBuyerTest.S1, piece, BLOCK, PRICE)) {
            beyond++;
        }
        assertThat(beyond).as("blocks counted beyond the exposure: the rounding margin at most").isLessThanOrEqualTo(1);
        b.piecePassed(piece, TorrentBuyerTest.NOON);
        b.paidSlotClosed(TorrentBuyerTest.S1);
        assertThat(b.remainingBudget(TorrentBuyerTest.NOON)).isZero();
        assertThat(book.owed(TorrentBuyerTest.S1)).isBetween(BigInteger.valueOf(984), BigInteger.valueOf(1_000));
        assertThat(b.bidPrice(new BidInputs(MIB, false, 0, 1), TorrentBuyerTest.NOON)).isEmpty();
    }

    @Test
    void holdsOfOneTorrentAreSeenByTheOthersThroughTheDailyBudget() {
        BuyerConfig c = TorrentBuyerTest.config(1_000_000, 1_000, 1_000);
        DailyBudget day = new DailyBudget(c.perDayBudget(), c.zone());
        ChequeBook book = new ChequeBook();
        TorrentBuyer t1 = new TorrentBuyer(c, day, book);
        TorrentBuyer t2 = new TorrentBuyer(c, day, book);
        t1.paidSlotOpened(TorrentBuyerTest.S1, PRICE, 600 * 1024);
        assertThat(t2.remainingBudget(TorrentBuyerTest.NOON)).isEqualTo(BigInteger.valueOf(1_000 - 586));
        assertThat(t2.affordsPaidSlot(TorrentBuyerTest.S2, PRICE, 600 * 1024, TorrentBuyerTest.NOON))
                .as("two exposures of 600 KiB do not fit 1 MiB").isFalse();
        t1.paidSlotClosed(TorrentBuyerTest.S1);
        assertThat(t2.affordsPaidSlot(TorrentBuyerTest.S2, PRICE, 600 * 1024, TorrentBuyerTest.NOON)).isTrue();
        assertThat(day.remaining(TorrentBuyerTest.NOON)).isEqualTo(BigInteger.valueOf(1_000));
    }

    @Test
    void whatWasSpentBeforeARestartStillCountsAgainstTheCaps() {
        BuyerConfig c = TorrentBuyerTest.config(1_000_000, 1_000, 1_000);
        DailyBudget day = new DailyBudget(c.perDayBudget(), c.zone());
        // as LedgerRestore does: today's paid pieces from the ledger, 900 base units
        day.restore(java.time.LocalDate.ofInstant(TorrentBuyerTest.NOON, c.zone()), BigInteger.valueOf(900).shiftLeft(20));
        ChequeBook book = new ChequeBook();
        TorrentBuyer b = new TorrentBuyer(c, day, book);
        assertThat(b.remainingBudget(TorrentBuyerTest.NOON)).isEqualTo(BigInteger.valueOf(100));
        assertThat(b.affordsPaidSlot(TorrentBuyerTest.S1, PRICE, PIECE, TorrentBuyerTest.NOON)).isFalse();
        deliver(b, MIB);
        assertThat(book.owed(TorrentBuyerTest.S1)).isLessThanOrEqualTo(BigInteger.valueOf(100));
        assertThat(day.spentToday(TorrentBuyerTest.NOON)).isLessThanOrEqualTo(BigInteger.valueOf(1_000));
    }
}
