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
}
