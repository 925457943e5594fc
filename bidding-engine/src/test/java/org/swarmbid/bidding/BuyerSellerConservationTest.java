package org.swarmbid.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.buyer.ChequeBook;
import org.swarmbid.bidding.buyer.ChequeDraft;
import org.swarmbid.bidding.buyer.DailyBudget;
import org.swarmbid.bidding.buyer.TorrentBuyer;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.Recorded;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.seller.ChequeVerdict;
import org.swarmbid.bidding.seller.FakeKeys;
import org.swarmbid.bidding.seller.SellerBook;
import org.swarmbid.bidding.seller.SellerTerms;

/** Both sides of one paid slot, fed the same bytes: what the buyer sends is exactly what the seller accepts. */
class BuyerSellerConservationTest {
    static final Address BUYER = Address.of("TBuyer");
    static final Address SELLER = Address.of("TSeller");
    static final Account ACC = new Account(BUYER, SELLER, AssetId.of("trc20:BTT"), ChainId.of("devnet"));
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String TORRENT = "cd".repeat(20);

    @TempDir
    Path dir;

    record Step(int blockKiB, int price, boolean fails) {}

    /** Seller and buyer see the same paid blocks (one piece per step); pieces that fail are never paid. */
    @Property(tries = 200)
    void chequesSentEqualChequesAcceptedAndFailedPiecesAreFree(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 1, max = 4096) Integer> kib,
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 1, max = 5_000) Integer> prices,
            @ForAll @Size(min = 1, max = 25) List<Boolean> failures) {
        BuyerConfig bc = BuyerConfig.defaults().withZone(ZoneOffset.UTC)
                .withBudget(BigInteger.TEN.pow(30), BigInteger.TEN.pow(30), BigInteger.TEN.pow(9));
        ChequeBook book = new ChequeBook();
        TorrentBuyer buyer = new TorrentBuyer(bc, new DailyBudget(bc.perDayBudget(), bc.zone()), book);
        SellerConfig sc = SellerConfig.defaults().withSettlementThreshold(BigInteger.TEN.pow(30));
        SellerBook seller = new SellerBook(sc, new SellerTerms(SELLER, ACC.asset(), ACC.chain()), new FakeKeys());
        int steps = Math.min(kib.size(), Math.min(prices.size(), failures.size()));
        BigInteger expected = BigInteger.ZERO;
        int counter = 0;
        for (int piece = 0; piece < steps; piece++) {
            BigInteger price = BigInteger.valueOf(prices.get(piece));
            long bytes = kib.get(piece) * 1024L;
            seller.slotWon(BUYER, price);
            // the piece arrives in 16 KiB blocks or less
            for (long sent = 0; sent < bytes; sent += 16 * 1024) {
                long block = Math.min(16 * 1024, bytes - sent);
                seller.paidBytesSent(BUYER, piece, block);
                buyer.paidBytesReceived(ACC, piece, block, price);
            }
            if (failures.get(piece)) {
                buyer.pieceFailed(piece);
                continue;
            }
            expected = expected.add(BigInteger.valueOf(bytes).multiply(price));
            buyer.piecePassed(piece, NOW);
            seller.pieceVerifiedByBuyer(BUYER, piece);
            Optional<ChequeDraft> draft = book.nextCheque(ACC);
            if (draft.isPresent()) {
                Digest32 d = FakeKeys.digest(++counter);
                Cheque c = new Cheque(ACC, draft.get().cumulative(), draft.get().sequence(), FakeKeys.sign(BUYER, d));
                assertThat(seller.evaluateCheque(c, d)).isInstanceOf(ChequeVerdict.Accept.class);
                seller.applyCheque(c, 0);
                book.chequeSent(draft.get());
            }
        }
        BigInteger owed = expected.shiftRight(20);
        assertThat(book.lastSent(ACC)).isEqualTo(owed);
        assertThat(seller.account(BUYER).acceptedCumulative()).isEqualTo(owed);
        assertThat(seller.account(BUYER).owedForVerified()).isEqualTo(owed);
        assertThat(buyer.spent()).isGreaterThanOrEqualTo(owed);
    }

    @Test
    void buyerStateIsRebuiltFromTheLedgerAfterRestart() {
        Path f = dir.resolve("ledger.db");
        BuyerConfig bc = BuyerConfig.defaults().withZone(ZoneOffset.UTC)
                .withBudget(BigInteger.valueOf(100_000), BigInteger.valueOf(50_000), BigInteger.valueOf(10_000));
        BigInteger price = BigInteger.valueOf(1_000);
        try (Ledger ledger = Ledger.open(f)) {
            ChequeBook book = new ChequeBook();
            TorrentBuyer buyer = new TorrentBuyer(bc, new DailyBudget(bc.perDayBudget(), bc.zone()), book);
            for (int piece = 0; piece < 3; piece++) {
                buyer.paidBytesReceived(ACC, piece, 700_000, price);
                passWritingFirst(ledger, buyer, piece);
            }
            // 3 x 700000 x 1000 = 2.1e9 -> owed floor(2.1e9 / 2^20) = 2002, spent rounded up 2003
            ChequeDraft d = book.nextCheque(ACC).orElseThrow();
            assertThat(d.cumulative()).isEqualTo(BigInteger.valueOf(2_002));
            Digest32 digest = FakeKeys.digest(1);
            ledger.recordChequeSent(new Cheque(ACC, d.cumulative(), d.sequence(), FakeKeys.sign(BUYER, digest)), digest, NOW.toEpochMilli());
            book.chequeSent(d);
        }
        try (Ledger ledger = Ledger.open(f)) {
            ChequeBook book = new ChequeBook();
            Totals t = ledger.totals(Direction.SENT, ACC);
            book.restore(ACC, ledger.owedNumerator(ACC), t.lastCumulative(), t.lastSequence(), t.settled(), t.inFlight());
            DailyBudget day = new DailyBudget(bc.perDayBudget(), bc.zone());
            LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
            day.restore(today, ledger.spentNumeratorBetween(today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
            TorrentBuyer buyer = new TorrentBuyer(bc, day, book);
            buyer.restoreSpent(ledger.spentNumeratorOnTorrent(TORRENT));
            assertThat(buyer.spent()).isEqualTo(BigInteger.valueOf(2_003));
            assertThat(day.remaining(NOW)).isEqualTo(BigInteger.valueOf(50_000 - 2_003));
            assertThat(buyer.remainingBudget(NOW)).isEqualTo(BigInteger.valueOf(50_000 - 2_003));
            assertThat(book.nextCheque(ACC)).isEmpty();
            // the fraction left over before the restart still counts: 2.5e9 / 2^20 = 2384 (2383 if it were lost)
            buyer.paidBytesReceived(ACC, 3, 400_000, price);
            passWritingFirst(ledger, buyer, 3);
            assertThat(book.nextCheque(ACC).orElseThrow()).isEqualTo(new ChequeDraft(ACC, BigInteger.valueOf(2_384), 2));
            assertThat(ledger.recordPiecePaid(TORRENT, 2, ACC, BigInteger.valueOf(700_000_000), 0)).isEqualTo(Recorded.DUPLICATE);
        }
    }

    static void passWritingFirst(Ledger ledger, TorrentBuyer buyer, int piece) {
        for (Map.Entry<Account, BigInteger> e : buyer.owedFor(piece).entrySet()) {
            assertThat(ledger.recordPiecePaid(TORRENT, piece, e.getKey(), e.getValue(), NOW.toEpochMilli())).isEqualTo(Recorded.INSERTED);
        }
        buyer.piecePassed(piece, NOW);
    }
}
