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
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;

/**
 * Either side closes its engine and ledger in the middle of a paid download and opens both again: the books come
 * back from the ledger, the receipts resynchronise the two sides, and nothing is paid twice.
 */
@Tag("slow")
class RestartTest {
    private static final int SIZE = 3 * 1024 * 1024;

    private static void settle(Node seller, Node bidder) throws InterruptedException {
        Node.await("the last cheque accepted", Duration.ofSeconds(30), () -> {
            Totals sent = bidder.totals(Direction.SENT, bidder, seller);
            // the last piece's payment may still be on the worker (recorded, not yet in the book): wait until the
            // last cheque covers everything the ledger says was paid
            return sent.lastSequence() > 0 && seller.standing(bidder).accepted().equals(sent.lastCumulative())
                    && Pricing.owed(bidder.ledger.owedNumerator(bidder.accountTo(seller))).equals(sent.lastCumulative())
                    && bidder.plugin.parts().buyer().locked(() -> bidder.plugin.parts().buyer().book()
                            .nextCheque(bidder.accountTo(seller))).isEmpty();
        });
    }

    private static void assertPaidOnce(Node seller, Node bidder, Metainfo m) {
        Totals sent = bidder.totals(Direction.SENT, bidder, seller);
        Totals received = seller.totals(Direction.RECEIVED, bidder, seller);
        assertThat(received.lastCumulative()).as("conservation").isEqualTo(sent.lastCumulative());
        assertThat(received.lastSequence()).isEqualTo(sent.lastSequence());
        // every byte is paid at most once, at the one price there was
        assertThat(bidder.ledger.owedNumerator(bidder.accountTo(seller)))
                .isLessThanOrEqualTo(Pricing.numerator(m.info().totalLength(), Node.RESERVE));
        assertThat(sent.lastCumulative()).isEqualTo(Pricing.owed(bidder.ledger.owedNumerator(bidder.accountTo(seller))));
        assertThat(bidder.plugin.stats().snapshot().total().spent()).isEqualTo(sent.lastCumulative());
        assertThat(seller.plugin.stats().snapshot().total().earned()).isEqualTo(received.lastCumulative());
    }

    @Test
    void buyerRestartsMidDownload(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "restart", SIZE, 3);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 384 * 1024);
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle h = bidder.add(m, tmp.resolve("out"));
            h.connect(seller.address());
            Node.await("a few cheques", Duration.ofSeconds(60),
                    () -> bidder.totals(Direction.SENT, bidder, seller).lastSequence() >= 4);
            assertThat(h.status().isComplete()).isFalse();
            Totals before = bidder.totals(Direction.SENT, bidder, seller);
            bidder.restart();
            // the books came back: the next cheque continues the sequence
            assertThat(bidder.plugin.stats().snapshot().total().spent()).isEqualTo(before.lastCumulative());
            TorrentHandle h2 = bidder.add(m, tmp.resolve("out"));
            h2.connect(seller.address());
            Node.await("download after the restart", Duration.ofSeconds(90), () -> h2.status().isComplete());
            try {
                settle(seller, bidder);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; buyer sent " + bidder.wire.sent.stream()
                        .filter(x -> !(x instanceof org.swarmbid.ext.btt.BttMessage.Cheque)).toList() + "; received errors "
                        + bidder.wire.errorCodes()
                        + "; buyer ledger " + bidder.totals(Direction.SENT, bidder, seller) + "; seller "
                        + seller.standing(bidder), e);
            }
            assertThat(bidder.totals(Direction.SENT, bidder, seller).lastSequence())
                    .isGreaterThan(before.lastSequence());
            assertPaidOnce(seller, bidder, m);
            assertThat(Files.mismatch(tmp.resolve("seed/restart/data.bin"), tmp.resolve("out/restart/data.bin")))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void sellerRestartsMidDownload(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "restart", SIZE, 4);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 384 * 1024);
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle h = bidder.add(m, tmp.resolve("out"));
            h.connect(seller.address());
            Node.await("a few cheques accepted", Duration.ofSeconds(60),
                    () -> seller.totals(Direction.RECEIVED, bidder, seller).lastSequence() >= 4);
            seller.restart();
            Totals kept = seller.totals(Direction.RECEIVED, bidder, seller);
            // the seller's books came back from its ledger
            assertThat(seller.standing(bidder).accepted()).isEqualTo(kept.lastCumulative());
            assertThat(seller.standing(bidder).sequence()).isEqualTo(kept.lastSequence());
            assertThat(seller.plugin.stats().snapshot().total().earned()).isEqualTo(kept.lastCumulative());
            TorrentHandle s2 = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding again", Duration.ofSeconds(30), () -> s2.status().isComplete());
            h.connect(seller.address());
            Node.await("download after the restart", Duration.ofSeconds(90), () -> h.status().isComplete());
            settle(seller, bidder);
            assertPaidOnce(seller, bidder, m);
            assertThat(bidder.wire.errorCodes()).doesNotContain(16, 7, 5, 6, 3);
            BigInteger total = seller.totals(Direction.RECEIVED, bidder, seller).lastCumulative();
            assertThat(total).isGreaterThan(kept.lastCumulative());
        }
    }
}
