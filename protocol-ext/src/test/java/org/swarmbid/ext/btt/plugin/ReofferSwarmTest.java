package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.ext.btt.BttMessage;

/**
 * A seller re-sends its {@code offer} whenever a term of it changes for that buyer (docs/btt-extension.md 4.1), and
 * the buyer takes the new terms mid-session: its margin for a paid slot ({@link BuyerRole#exposureBytes}) follows
 * the seller's credit window when it grows after a settlement confirmed on chain, and when the seller's settings
 * change through {@link BttPlugin#updateBidding}; unchanged terms are never re-sent.
 */
@Tag("slow")
class ReofferSwarmTest {
    private static final long BLOCK = 16 * 1024;

    private static List<BttMessage.Offer> offers(Node n) {
        return n.wire.received.stream().filter(m -> m instanceof BttMessage.Offer)
                .map(m -> (BttMessage.Offer) m).toList();
    }

    /** The bidder's margin for its paid slot from the seller on torrent {@code m}, read on the loop; -1 if none. */
    private static long exposure(Node bidder, Metainfo m) throws Exception {
        Optional<BttTorrent> t = bidder.plugin.torrent(m.infoHash().hex());
        if (t.isEmpty()) {
            return -1;
        }
        CompletableFuture<Long> out = new CompletableFuture<>();
        t.get().context().execute(() -> out.complete(
                t.get().activePeers().stream().findFirst().map(bp -> bp.buyer.exposureBytes()).orElse(-1L)));
        return out.get(10, TimeUnit.SECONDS);
    }

    private static boolean exposureIs(Node bidder, Metainfo m, long expected) {
        try {
            return exposure(bidder, m) == expected;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void noRepeatedOffer(Node bidder) {
        List<BttMessage.Offer> o = offers(bidder);
        for (int i = 1; i < o.size(); i++) {
            assertThat(o.get(i)).as("offer %d repeats offer %d unchanged", i, i - 1).isNotEqualTo(o.get(i - 1));
        }
    }

    @Test
    void aCreditWindowGrownBySettlementIsReofferedAndTheBuyersMarginFollows(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "grow", 6 * 1024 * 1024, 21);
        // threshold 2,000,000: the buyer settles after about 1 MiB of paid data; each confirmed settlement grows
        // its credit window by 1 MiB (Node.seller: 1 MiB initial, +1 MiB, at most 8 MiB)
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 256 * 1024, BigInteger.valueOf(2_000_000));
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("the first offer", Duration.ofSeconds(20), () -> !offers(bidder).isEmpty());
            assertThat(offers(bidder).get(0).creditWindow()).isEqualTo(Pricing.amountCeil(Node.CREDIT, Node.RESERVE));
            Node.await("a margin of the initial window", Duration.ofSeconds(10),
                    () -> exposureIs(bidder, m, Node.CREDIT + BLOCK));

            Node.await("a settlement confirmed by the seller", Duration.ofSeconds(60),
                    () -> seller.totals(Direction.RECEIVED, bidder, seller).settled().signum() > 0);
            BigInteger grown = Pricing.amountCeil(2 * Node.CREDIT, Node.RESERVE);
            Node.await("an offer of the grown credit window", Duration.ofSeconds(10),
                    () -> offers(bidder).stream().anyMatch(o -> o.creditWindow().compareTo(grown) >= 0));
            Node.await("the buyer's margin grown with it", Duration.ofSeconds(10),
                    () -> hb.status().isComplete() || exposureIs(bidder, m, offered(offers(bidder))));
            assertThat(offered(offers(bidder))).isGreaterThanOrEqualTo(2 * Node.CREDIT + BLOCK);

            Node.await("the download", Duration.ofSeconds(90), () -> hb.status().isComplete());
            Node.await("every paid piece paid", Duration.ofSeconds(30),
                    () -> bidder.plugin.awaitSettledUp(Duration.ofSeconds(1)));
            noRepeatedOffer(bidder);
            assertThat(bidder.wire.errorCodes()).as("errors the seller sent the buyer").isEmpty();
            assertThat(seller.plugin.parts().seller().isBlocklisted(Ids.address(bidder.account()))).isFalse();
        }
    }

    /** The margin the last offer implies: its credit at its reserve price, in bytes (rounded up), plus one block. */
    private static long offered(List<BttMessage.Offer> o) {
        BttMessage.Offer last = o.get(o.size() - 1);
        BigInteger[] qr = last.creditWindow().shiftLeft(20).divideAndRemainder(last.reservePerMiB());
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0) + BLOCK;
    }

    @Test
    void newSellerSettingsAreReofferedOnceAndUnchangedOnesNever(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "terms", 8 * 1024 * 1024, 22);
        BigInteger noSettling = BigInteger.TEN.pow(12); // no settlement, so the window moves only by settings
        SellerConfig started = Node.seller(1, Node.CREDIT, noSettling);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 192 * 1024, noSettling);
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("a won paid slot", Duration.ofSeconds(20), () -> bidder.wire.received.stream()
                    .anyMatch(x -> x instanceof BttMessage.BidResponse r && r.accepted()));
            int before = offers(bidder).size();

            seller.plugin.updateBidding(new BiddingConfig(started, Node.buyer()));
            Thread.sleep(2500); // several ticks and rounds: nothing changed, nothing is offered
            assertThat(offers(bidder)).as("offers after saving unchanged settings").hasSize(before);

            SellerConfig wider = new SellerConfig(1, 1, Node.RESERVE, 3 * Node.CREDIT, Node.CREDIT,
                    8 * Node.CREDIT, noSettling, 60_000, 2, 8 * Node.CREDIT);
            seller.plugin.updateBidding(new BiddingConfig(wider, Node.buyer()));
            BigInteger credit = Pricing.amountCeil(3 * Node.CREDIT, Node.RESERVE);
            Node.await("an offer of the wider credit window", Duration.ofSeconds(10),
                    () -> offers(bidder).stream().anyMatch(o -> o.creditWindow().equals(credit)));
            Node.await("the buyer's margin of the wider window", Duration.ofSeconds(10),
                    () -> exposureIs(bidder, m, 3 * Node.CREDIT + BLOCK));
            Thread.sleep(2500);
            assertThat(offers(bidder)).as("one offer for one change").hasSize(before + 1);
            assertThat(hb.status().isComplete()).as("still downloading: the test saw a live session").isFalse();
            noRepeatedOffer(bidder);
            assertThat(bidder.wire.errorCodes()).as("errors the seller sent the buyer").isEmpty();
        }
    }

    @Test
    void aWindowTheBudgetCannotHoldMakesTheBuyerWithdrawAndTheSellerIsPaidInFull(@TempDir Path tmp)
            throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "withdraw", 4 * 1024 * 1024, 23);
        BigInteger noSettling = BigInteger.TEN.pow(12);
        // about 8 MiB at the reserve: the whole torrent plus the 1 MiB window fit, an 8 MiB window no longer does
        BigInteger perDay = BigInteger.valueOf(8_000_000);
        var b = Node.buyer();
        BiddingConfig capped = new BiddingConfig(Node.seller(0),
                b.withBudget(BigInteger.TEN.pow(12), perDay, BigInteger.valueOf(5_000_000)));
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 256 * 1024, noSettling);
             Node bidder = Node.start(Keys.BUYER, tmp.resolve("b"), capped, chain, 0, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out"));
            hb.connect(seller.address());
            Node.await("half a MiB bought", Duration.ofSeconds(30),
                    () -> seller.standing(bidder).paidBytes() >= 512 * 1024);
            assertThat(bidder.wire.sent.stream().anyMatch(x -> x instanceof BttMessage.Bid bid && bid.withdrawal()))
                    .as("no withdrawal while the 1 MiB window fits the budget").isFalse();

            SellerConfig wide = new SellerConfig(1, 1, Node.RESERVE, 8 * Node.CREDIT, Node.CREDIT,
                    8 * Node.CREDIT, noSettling, 60_000, 2, 8 * Node.CREDIT);
            seller.plugin.updateBidding(new BiddingConfig(wide, Node.buyer()));
            Node.await("a withdrawal once the wide window is offered", Duration.ofSeconds(15),
                    () -> bidder.wire.sent.stream().anyMatch(x -> x instanceof BttMessage.Bid bid && bid.withdrawal()));

            Node.await("the download, in free slots after the withdrawal", Duration.ofSeconds(90),
                    () -> hb.status().isComplete());
            Node.await("every paid piece paid and acknowledged", Duration.ofSeconds(30),
                    () -> bidder.plugin.awaitSettledUp(Duration.ofSeconds(1))
                            && seller.standing(bidder).accepted().equals(
                                    bidder.totals(Direction.SENT, bidder, seller).lastCumulative()));
            SellerDesk.Standing st = seller.standing(bidder);
            BigInteger signed = bidder.totals(Direction.SENT, bidder, seller).lastCumulative();
            org.slf4j.LoggerFactory.getLogger(ReofferSwarmTest.class).info(
                    "withdrawal on a wider window: budget {}, signed {}, paid bytes {}, seller's value sent {}, "
                            + "offers {}", perDay, signed, st.paidBytes(), st.sentValue(), offers(bidder).size());
            assertThat(signed).isLessThanOrEqualTo(perDay);
            assertThat(st.accepted()).as("the seller's value sent is paid in full").isEqualTo(st.sentValue());
            assertThat(bidder.wire.errorCodes()).as("errors the seller sent the buyer").isEmpty();
            assertThat(seller.plugin.parts().seller().isBlocklisted(Ids.address(bidder.account()))).isFalse();
            assertThat(seller.plugin.parts().seller().revocation(Ids.address(bidder.account()))).isEmpty();
            noRepeatedOffer(bidder);
        }
    }
}
