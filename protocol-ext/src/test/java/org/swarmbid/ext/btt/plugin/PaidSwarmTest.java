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
import org.swarmbid.ext.btt.BttMessage;

/**
 * Real engines on 127.0.0.1 with the real plugin, real secp256k1 signatures and real SQLite ledgers: a seller
 * (upload limited, so the download spans many one-second choke rounds), a bidding leecher and a leecher without a
 * budget. The chain is {@link ChainDouble}.
 */
@Tag("slow")
class PaidSwarmTest {

    @Test
    void bidderPaysForExactlyThePaidBytesAndEverybodyCompletes(@TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "paid", 3 * 1024 * 1024 + 12_345, 1);
        // a low threshold: the buyer settles at half of it, i.e. after about 0.1 MiB of paid bytes, so a settlement
        // happens however the seller's slots happen to split the 3 MiB between the two leechers
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 512 * 1024, BigInteger.valueOf(200_000));
             Node bidder = Node.bidder(tmp.resolve("b"), Keys.BUYER, chain, Optional::of);
             Node plain = Node.plain(tmp.resolve("p"), Keys.OTHER, chain)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle hb = bidder.add(m, tmp.resolve("out-b"));
            TorrentHandle hp = plain.add(m, tmp.resolve("out-p"));
            hb.connect(seller.address());
            hp.connect(seller.address());
            Node.await("both downloads", Duration.ofSeconds(90),
                    () -> hb.status().isComplete() && hp.status().isComplete());
            for (String out : new String[] {"out-b", "out-p"}) {
                assertThat(Files.mismatch(tmp.resolve("seed/paid/data.bin"), tmp.resolve(out + "/paid/data.bin")))
                        .isEqualTo(-1L);
            }
            // the last piece's cheque reaches the seller's ledger
            Node.await("the last cheque accepted", Duration.ofSeconds(20), () -> {
                Totals sent = bidder.totals(Direction.SENT, bidder, seller);
                return sent.lastSequence() > 0
                        && seller.standing(bidder).accepted().equals(sent.lastCumulative())
                        && bidder.plugin.parts().buyer().locked(
                                () -> bidder.plugin.parts().buyer().book().nextCheque(bidder.accountTo(seller)))
                        .isEmpty();
            });
            SellerDesk.Standing st = seller.standing(bidder);
            long paidBytes = st.paidBytes();
            assertThat(paidBytes).as("bytes sent in the paid slot").isGreaterThan(128 * 1024)
                    .isLessThanOrEqualTo(m.info().totalLength());
            // one bidder: it always pays the reserve; the cheques total floor(sum of paid bytes x price / 2^20)
            BigInteger expected = Pricing.amountFloor(paidBytes, Node.RESERVE);
            Totals sent = bidder.totals(Direction.SENT, bidder, seller);
            Totals received = seller.totals(Direction.RECEIVED, bidder, seller);
            assertThat(sent.lastCumulative()).isEqualTo(expected);
            assertThat(received.lastCumulative()).as("conservation").isEqualTo(sent.lastCumulative());
            assertThat(received.lastSequence()).isEqualTo(sent.lastSequence());
            assertThat(sent.lastSequence()).as("one cheque per paid piece at most")
                    .isLessThanOrEqualTo(m.info().pieceCount());
            assertThat(seller.plugin.stats().snapshot().total().earned()).isEqualTo(expected);
            assertThat(bidder.plugin.stats().snapshot().total().spent()).isEqualTo(expected);
            assertThat(bidder.plugin.stats().snapshot().byTorrent().get(m.infoHash().hex()).spent())
                    .isEqualTo(expected);
            // bids and winning responses were exchanged; the leecher without a budget paid nothing
            assertThat(bidder.wire.sent).anyMatch(x -> x instanceof BttMessage.Bid);
            // every bid is in both ledgers (written before it is sent / before it counts)
            long bidsSent = bidder.wire.sent.stream().filter(x -> x instanceof BttMessage.Bid).count();
            assertThat(bidder.ledger.bidCount(Direction.SENT)).as("bids in the buyer's ledger").isEqualTo(bidsSent);
            assertThat(seller.ledger.bidCount(Direction.RECEIVED)).as("bids in the seller's ledger")
                    .isPositive().isLessThanOrEqualTo(bidsSent);
            assertThat(plain.ledger.bidCount(Direction.SENT)).isZero();
            // every receipt is in both ledgers: the seller's before it left, the buyer's before it acted on it
            // (the buyer records a receipt on its worker, just after it arrived: wait for the two counts to meet)
            java.util.function.LongSupplier receiptsGot = () -> bidder.wire.received.stream()
                    .filter(x -> x instanceof BttMessage.Receipt r && r.sequence() > 0).count();
            Node.await("receipts in the buyer's ledger", Duration.ofSeconds(20),
                    () -> bidder.ledger.receiptCount(Direction.SENT) == receiptsGot.getAsLong());
            assertThat(receiptsGot.getAsLong()).isPositive();
            assertThat(seller.ledger.receiptCount(Direction.RECEIVED)).as("receipts in the seller's ledger")
                    .isGreaterThanOrEqualTo(bidder.ledger.receiptCount(Direction.SENT));
            assertThat(bidder.wire.received).anyMatch(x -> x instanceof BttMessage.BidResponse r && r.accepted());
            assertThat(plain.wire.sent).noneMatch(x -> x instanceof BttMessage.Bid || x instanceof BttMessage.Cheque);
            assertThat(seller.standing(plain).paidBytes()).isZero();
            // the only refusal an honest buyer may see: 11 settlement_due, the seller's flow control while a
            // settlement is on its way to the (low) threshold
            assertThat(bidder.wire.errorCodes()).allMatch(c -> c == 11);
            // settlement: the buyer settled at half the threshold, the seller verified it on the chain
            Node.await("settlements verified", Duration.ofSeconds(60), () -> {
                BigInteger onChain = chain.total(bidder.accountTo(seller));
                return onChain.signum() > 0
                        && bidder.totals(Direction.SENT, bidder, seller).settled().equals(onChain)
                        && seller.totals(Direction.RECEIVED, bidder, seller).settled().equals(onChain);
            });
            assertThat(seller.plugin.stats().snapshot().total().settledIn())
                    .isEqualTo(chain.total(bidder.accountTo(seller)));
            assertThat(bidder.wire.sent).anyMatch(x -> x instanceof BttMessage.Settled);
        }
    }
}
