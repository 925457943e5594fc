package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.ext.btt.BttMessage;

/**
 * {@link BttPlugin#updateBidding} on running engines: new buyer caps reach the next bid on a connection that already
 * exists, a per-torrent cap overrides the plugin's, and a seller's new terms go out as a new {@code offer} (slots 0
 * when it stops selling) and decide the next round.
 */
@Tag("slow")
class UpdateBiddingTest {
    private static final BigInteger LOW = Node.RESERVE.divide(BigInteger.TWO);

    private static BiddingConfig buying(BigInteger maxPrice) {
        BuyerConfig b = Node.buyer();
        return new BiddingConfig(Node.seller(0), b.withBudget(b.perTorrentBudget(), b.perDayBudget(), maxPrice));
    }

    private static long bids(Node n) {
        return n.wire.sent.stream().filter(m -> m instanceof BttMessage.Bid).count();
    }

    private static boolean won(Node n) {
        return n.wire.received.stream().anyMatch(m -> m instanceof BttMessage.BidResponse r && r.accepted());
    }

    @Test
    void aRaisedMaximumPriceStartsBiddingOnTheOpenConnection(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "raise", 4 * 1024 * 1024, 2);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 256 * 1024);
             Node bidder = Node.start(Keys.BUYER, tmp.resolve("b"), buying(LOW), chain, 0, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("the offer", Duration.ofSeconds(20),
                    () -> bidder.wire.received.stream().anyMatch(x -> x instanceof BttMessage.Offer));
            Thread.sleep(2500); // two rounds and several ticks: a maximum below the reserve never bids
            assertThat(bids(bidder)).isZero();
            assertThat(hb.status().isComplete()).as("the download is still running").isFalse();

            bidder.plugin.updateBidding(buying(BigInteger.valueOf(5_000_000)));

            Node.await("a bid and a won paid slot", Duration.ofSeconds(20), () -> bids(bidder) > 0 && won(bidder));
            Node.await("a paid piece", Duration.ofSeconds(30),
                    () -> bidder.plugin.stats().snapshot().total().spent().signum() > 0);
            assertThat(bidder.wire.sent.stream().filter(x -> x instanceof BttMessage.Bid).map(x -> (BttMessage.Bid) x)
                    .allMatch(b -> b.pricePerMiB().compareTo(Node.RESERVE) >= 0)).isTrue();
            assertThat(bidder.wire.errorCodes()).isEmpty();
        }
    }

    @Test
    void aPerTorrentCapOfZeroKeepsThatTorrentUnpaidUntilItIsLifted(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "capped", 4 * 1024 * 1024, 3);
        String hex = m.infoHash().hex();
        BiddingConfig all = buying(BigInteger.valueOf(5_000_000));
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 256 * 1024);
             Node bidder = Node.start(Keys.BUYER, tmp.resolve("b"), all, chain, 0, Optional::of)) {
            bidder.plugin.updateBidding(all, Map.of(hex,
                    all.buyer().withBudget(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO)));
            assertThat(bidder.plugin.buyerConfig(hex).spendingEnabled()).isFalse();
            assertThat(bidder.plugin.buyerConfig("00".repeat(20)).spendingEnabled()).isTrue();
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("the offer", Duration.ofSeconds(20),
                    () -> bidder.wire.received.stream().anyMatch(x -> x instanceof BttMessage.Offer));
            Thread.sleep(2500);
            assertThat(bids(bidder)).as("the torrent's own cap is zero").isZero();

            bidder.plugin.updateBidding(all, Map.of());

            Node.await("a bid once the cap is lifted", Duration.ofSeconds(20), () -> bids(bidder) > 0);
        }
    }

    @Test
    void aSellersNewTermsGoOutAsOffersAndStoppingSendsZeroSlots(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "terms", 4 * 1024 * 1024, 4);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 128 * 1024);
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("a won paid slot", Duration.ofSeconds(20), () -> won(bidder));

            BigInteger higher = Node.RESERVE.multiply(BigInteger.valueOf(3));
            seller.plugin.updateBidding(new BiddingConfig(Node.seller(1).withReserve(higher), Node.buyer()));
            Node.await("an offer at the new reserve", Duration.ofSeconds(10), () -> bidder.wire.received.stream()
                    .anyMatch(x -> x instanceof BttMessage.Offer o && o.reservePerMiB().equals(higher)
                            && o.paidSlots() == 1));
            assertThat(seller.plugin.parts().settings().bidding().seller().reservePricePerMiB()).isEqualTo(higher);
            assertThat(seller.plugin.parts().settings().bidding().seller().maxCreditBytes())
                    .as("the credit terms are those saved").isEqualTo(Node.seller(1).maxCreditBytes());

            seller.plugin.updateBidding(new BiddingConfig(Node.seller(0), Node.buyer()));
            Node.await("an offer of zero slots", Duration.ofSeconds(10), () -> bidder.wire.received.stream()
                    .anyMatch(x -> x instanceof BttMessage.Offer o && o.paidSlots() == 0));
            Thread.sleep(2500); // the slot won before runs out at the end of its round
            long wonBefore = bidder.wire.received.stream()
                    .filter(x -> x instanceof BttMessage.BidResponse r && r.accepted()).count();
            Thread.sleep(2500);
            long wonAfter = bidder.wire.received.stream()
                    .filter(x -> x instanceof BttMessage.BidResponse r && r.accepted()).count();
            assertThat(wonAfter).as("no paid slot is sold after selling stopped").isEqualTo(wonBefore);
            assertThat(seller.plugin.parts().settings().sells()).isFalse();
        }
    }
}
