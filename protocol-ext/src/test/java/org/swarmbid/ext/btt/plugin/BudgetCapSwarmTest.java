package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;

/**
 * The buyer's daily budget is a hard cap on the cheques it signs, with real engines: two torrents bought from one
 * seller share a daily budget worth about two thirds of their data at the reserve price. Each torrent's paid slot
 * keeps delivering after the budget is used up unless the buyer withdraws in time; once it has, both downloads
 * still finish in the seller's free (optimistic) slot, and the seller sees an honest buyer: every paid byte paid
 * for, no refusal, no blocklisting.
 */
@Tag("slow")
class BudgetCapSwarmTest {
    private static final int SIZE = 3 * 1024 * 1024;
    /** About 4 MiB at the reserve price, of 6 MiB wanted. */
    private static final BigInteger PER_DAY = BigInteger.valueOf(4_000_000);

    @Test
    void theDailyBudgetCapsTheChequesAndTheDownloadsFinishInFreeSlots(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m1 = Node.payload(tmp.resolve("seed"), "one", SIZE, 11);
        Metainfo m2 = Node.payload(tmp.resolve("seed"), "two", SIZE, 12);
        BuyerConfig b = Node.buyer();
        BiddingConfig capped = new BiddingConfig(Node.seller(0),
                b.withBudget(BigInteger.TEN.pow(12), PER_DAY, BigInteger.valueOf(5_000_000)));
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 512 * 1024, BigInteger.TEN.pow(12));
             Node bidder = Node.start(Keys.BUYER, tmp.resolve("b"), capped, chain, 0, Optional::of)) {
            TorrentHandle s1 = seller.add(m1, tmp.resolve("seed"));
            TorrentHandle s2 = seller.add(m2, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s1.status().isComplete() && s2.status().isComplete());
            TorrentHandle h1 = bidder.add(m1, tmp.resolve("out"));
            TorrentHandle h2 = bidder.add(m2, tmp.resolve("out"));
            h1.connect(seller.address());
            h2.connect(seller.address());
            Node.await("both downloads", Duration.ofSeconds(120),
                    () -> h1.status().isComplete() && h2.status().isComplete());
            for (String name : new String[] {"one", "two"}) {
                assertThat(Files.mismatch(tmp.resolve("seed/" + name + "/data.bin"),
                        tmp.resolve("out/" + name + "/data.bin"))).isEqualTo(-1L);
            }
            // within far less than the 30 s a buyer holds a connection it believes unacknowledged: a receipt for the
            // last cheque, carried by the other torrent's connection, acknowledges this one too (cumulative per
            // account); it used to keep the first torrent's connection open for the whole 30 s
            Node.await("every paid piece paid and acknowledged", Duration.ofSeconds(15),
                    () -> bidder.plugin.awaitSettledUp(Duration.ofSeconds(1))
                            && seller.standing(bidder).accepted().equals(
                                    bidder.totals(Direction.SENT, bidder, seller).lastCumulative()));
            BigInteger signed = bidder.totals(Direction.SENT, bidder, seller).lastCumulative();
            SellerDesk.Standing st = seller.standing(bidder);
            org.slf4j.LoggerFactory.getLogger(BudgetCapSwarmTest.class).info(
                    "daily budget {}, cheques signed {}, paid bytes {}, seller's value sent {}", PER_DAY, signed,
                    st.paidBytes(), st.sentValue());
            assertThat(st.paidBytes()).as("some data was bought").isPositive();
            assertThat(signed).as("cheques signed against a daily budget of " + PER_DAY)
                    .isLessThanOrEqualTo(PER_DAY);
            assertThat(bidder.plugin.stats().snapshot().total().spent()).isLessThanOrEqualTo(PER_DAY);
            // an honest buyer to the seller: everything it sent in the paid slot is paid, nothing refused
            assertThat(st.accepted()).as("the seller's value sent is paid in full").isEqualTo(st.sentValue());
            assertThat(bidder.wire.errorCodes()).as("errors the seller sent the buyer").isEmpty();
            assertThat(seller.plugin.parts().seller().isBlocklisted(Ids.address(bidder.account()))).isFalse();
            assertThat(seller.plugin.parts().seller().revocation(Ids.address(bidder.account()))).isEmpty();
        }
    }
}
