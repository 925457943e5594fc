package org.swarmbid.bidding.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmbid.bidding.ledger.LedgerTest.A;
import static org.swarmbid.bidding.ledger.LedgerTest.cheque;
import static org.swarmbid.bidding.ledger.LedgerTest.digest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;

/** {@link LedgerView}: reads what {@link Ledger} wrote, through the same row mapping, and never writes. */
class LedgerViewTest {
    private static final Account B = new Account(Address.of("TPayer"), Address.of("TOther"), AssetId.of("trc20:BTT"),
            ChainId.of("devnet"));
    private static final Account IN = new Account(Address.of("TBuyer"), Address.of("TPayer"), AssetId.of("trc20:BTT"),
            ChainId.of("devnet"));
    private static final String TORRENT = "ab".repeat(20);

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void populate() {
        file = dir.resolve("ledger.sqlite");
        try (Ledger l = Ledger.open(file)) {
            l.recordBid(bid(Direction.SENT, A, BigInteger.TEN, 1, 10));
            l.recordBid(bid(Direction.SENT, B, BigInteger.TWO, 2, 20));
            l.recordBid(bid(Direction.RECEIVED, IN, BigInteger.ONE, 3, 30));
            for (int i = 1; i <= 3; i++) {
                l.recordChequeSent(cheque(A, 100L * i, i), digest(i), 100 + i);
            }
            l.recordChequeSent(cheque(B, 7, 1), digest(10), 110);
            l.recordChequeReceived(cheque(IN, 42, 1), digest(20), 120);
            l.recordReceipt(Direction.SENT, A, BigInteger.valueOf(200), 130);
            long id = l.recordSettlementRequested(A, BigInteger.valueOf(150), 140);
            l.recordSettlementTxid(id, "a".repeat(64), ChainStatus.BROADCAST, 141);
            l.updateSettlementStatus("a".repeat(64), ChainStatus.SOLID, 142);
            l.recordSettlementRequested(B, BigInteger.valueOf(5), 150);
            l.recordSettlementClaim(IN, "b".repeat(64), BigInteger.valueOf(40), 160);
            l.blocklist(Address.of("TMallory"), "bad cheque", 170);
            l.recordPiecePaid(TORRENT, 3, A, BigInteger.valueOf(33), 180);
            l.recordPiecePaid(TORRENT, 1, B, BigInteger.valueOf(11), 181);
        }
    }

    private static BidRecord bid(Direction d, Account a, BigInteger price, long nonce, long at) {
        return new BidRecord(d, TORRENT, a.payer(), a.payee(), a.asset(), price, nonce, at + 40, at);
    }

    private record FileState(String sha256, FileTime modified, Set<String> names) {}

    private FileState state() throws IOException, NoSuchAlgorithmException {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        try (Stream<Path> s = Files.list(dir)) {
            return new FileState(sha256, Files.getLastModifiedTime(file),
                    s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void readsWhatTheLedgerWroteWithTheLedgersOwnTotals() {
        LedgerSnapshot s;
        try (LedgerView v = LedgerView.open(file)) {
            assertThat(v.file()).isEqualTo(file);
            s = v.snapshot(100);
        }
        assertThat(s.file()).isEqualTo(file);
        assertThat(s.bidsSent()).isEqualTo(2);
        assertThat(s.bidsReceived()).isEqualTo(1);
        assertThat(s.bids()).extracting(BidRecord::nonce).containsExactly(3L, 2L, 1L);
        assertThat(s.bids().get(2).pricePerMiB()).isEqualTo(BigInteger.TEN);
        assertThat(s.chequesSent()).extracting(LedgerSnapshot.ChequeRow::createdAtMillis)
                .containsExactly(110L, 103L, 102L, 101L);
        assertThat(s.chequesSent().get(1)).isEqualTo(new LedgerSnapshot.ChequeRow(A, 3, BigInteger.valueOf(300),
                BigInteger.valueOf(100), 103));
        assertThat(s.chequesReceived()).containsExactly(new LedgerSnapshot.ChequeRow(IN, 1, BigInteger.valueOf(42),
                BigInteger.valueOf(42), 120));
        assertThat(s.receipts()).containsExactly(new LedgerSnapshot.ReceiptRow(Direction.SENT, A,
                BigInteger.valueOf(200), 130));
        assertThat(s.settlements()).extracting(SettlementRecord::status)
                .containsExactly(ChainStatus.BROADCAST, ChainStatus.REQUESTED, ChainStatus.SOLID);
        assertThat(s.settlements().get(2).txid()).contains("a".repeat(64));
        assertThat(s.blocklist()).containsExactly(new LedgerSnapshot.BlockedPayer("TMallory", "bad cheque", 170));
        try (Ledger l = Ledger.open(file)) {
            List<LedgerSnapshot.AccountTotals> expected = new ArrayList<>();
            for (Direction d : Direction.values()) {
                for (Account a : l.accounts(d)) {
                    expected.add(new LedgerSnapshot.AccountTotals(d, a, l.totals(d, a)));
                }
            }
            assertThat(s.totals()).isEqualTo(expected).hasSize(3);
        }
        LedgerSnapshot.AccountTotals a =
                s.totals().stream().filter(t -> t.account().equals(A)).findFirst().orElseThrow();
        assertThat(a.totals()).isEqualTo(new Totals(BigInteger.valueOf(300), 3, 3, BigInteger.valueOf(150),
                BigInteger.ZERO, BigInteger.valueOf(200)));
    }

    @Test
    void theLimitBoundsEveryListButNotCountsOrTotals() {
        try (LedgerView v = LedgerView.open(file)) {
            LedgerSnapshot one = v.snapshot(1);
            assertThat(one.bids()).hasSize(1);
            assertThat(one.chequesSent()).hasSize(1);
            assertThat(one.settlements()).hasSize(1);
            assertThat(one.bidsSent()).isEqualTo(2);
            assertThat(one.totals()).hasSize(3);
            LedgerSnapshot none = v.snapshot(0);
            assertThat(none.bids()).isEmpty();
            assertThat(none.chequesSent()).isEmpty();
            assertThat(none.totals()).isEqualTo(one.totals());
            assertThatThrownBy(() -> v.snapshot(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void paidPiecesInTorrentAndPieceOrder() {
        try (LedgerView v = LedgerView.open(file)) {
            assertThat(v.paidPieces(10)).containsExactly(new PaidPiece(TORRENT, 1, B, BigInteger.valueOf(11), 181),
                    new PaidPiece(TORRENT, 3, A, BigInteger.valueOf(33), 180));
            assertThat(v.paidPieces(1)).hasSize(1);
        }
    }

    @Test
    void readingAClosedLedgerChangesNoByteNoTimeAndAddsNoFile() throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        FileState before = state();
        assertThat(before.names()).containsExactly("ledger.sqlite");
        try (LedgerView v = LedgerView.open(file)) {
            v.snapshot(100);
            v.paidPieces(100);
            assertThat(state()).as("while open").isEqualTo(before);
        }
        assertThat(state()).as("after close").isEqualTo(before);
    }

    @Test
    void aMissingFileIsNotCreated() throws IOException {
        Path missing = dir.resolve("sub").resolve("ledger.sqlite");
        Files.createDirectories(missing.getParent());
        assertThatThrownBy(() -> LedgerView.open(missing)).isExactlyInstanceOf(LedgerException.class)
                .hasMessage("no ledger at " + missing);
        try (Stream<Path> s = Files.list(missing.getParent())) {
            assertThat(s).isEmpty();
        }
        assertThatThrownBy(() -> LedgerView.open(dir)).as("a folder").isExactlyInstanceOf(LedgerException.class);
    }

    @Test
    void readsWhileAWriterHoldsTheLedgerAndAnOpenWriteTransaction() throws Exception {
        try (Ledger live = Ledger.open(file)) {
            live.recordChequeSent(cheque(A, 400, 4), digest(4), 104);
            assertThat(Files.exists(dir.resolve("ledger.sqlite-wal"))).as("the writer's WAL").isTrue();
            try (LedgerView v = LedgerView.open(file)) {
                assertThat(v.snapshot(100).chequesSent()).extracting(LedgerSnapshot.ChequeRow::sequence).contains(4L);
                live.recordChequeSent(cheque(A, 500, 5), digest(5), 105); // the open view blocks no write
                try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                        Statement s = w.createStatement()) {
                    s.execute("BEGIN IMMEDIATE"); // a writer in the middle of a transaction holds the write lock
                    s.execute("INSERT INTO blocklist(payer, reason, created_at) VALUES ('TEve', 'x', 1)");
                    long t0 = System.nanoTime();
                    LedgerSnapshot during = v.snapshot(100);
                    assertThat(System.nanoTime() - t0).as("not waiting for the lock").isLessThan(4_000_000_000L);
                    assertThat(during.chequesSent()).extracting(LedgerSnapshot.ChequeRow::sequence).contains(5L);
                    assertThat(during.blocklist()).as("uncommitted rows unseen").hasSize(1);
                    s.execute("COMMIT");
                }
                assertThat(v.snapshot(100).blocklist()).hasSize(2);
            }
            live.recordChequeSent(cheque(A, 600, 6), digest(6), 106);
            assertThat(live.lastCheque(Direction.SENT, A).orElseThrow().sequence()).as("still writing").isEqualTo(6);
        }
    }

    @Test
    void badFilesAreRefusedInOneLineAndLeftUntouched() throws Exception {
        byte[] good = Files.readAllBytes(file);
        byte[] wrecked = good.clone();
        for (int i = 4096; i < Math.min(wrecked.length, 8192); i++) {
            wrecked[i] = (byte) (i * 31);
        }
        List<byte[]> bad = List.of("just text".getBytes(), new byte[0], Arrays.copyOf(good, 16),
                Arrays.copyOf(good, good.length / 2), wrecked);
        List<String> expected = List.of("is corrupt: not an SQLite database", "is corrupt: not an SQLite database",
                "cannot be read: ", "cannot be read: ", "is corrupt: ");
        for (int i = 0; i < bad.size(); i++) {
            Files.write(file, bad.get(i));
            int n = i;
            assertThatThrownBy(() -> LedgerView.open(file)).as("case " + i).isInstanceOf(CorruptLedgerException.class)
                    .hasMessageStartingWith("ledger " + file + " " + expected.get(i))
                    .satisfies(e -> assertThat(e.getMessage()).as("case " + n).doesNotContain("\n"));
            assertThat(Files.readAllBytes(file)).as("case " + i + " untouched").isEqualTo(bad.get(i));
        }
        Files.delete(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(id INTEGER)");
        }
        assertThatThrownBy(() -> LedgerView.open(file)).isInstanceOf(CorruptLedgerException.class)
                .hasMessage("ledger " + file + " is not a Swarmbid ledger (missing tables [schema_version, bids,"
                        + " cheques_sent, cheques_received, receipts, settlements, blocklist, paid_pieces])");
        Files.delete(file);
        Ledger.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        byte[] newer = Files.readAllBytes(file);
        assertThatThrownBy(() -> LedgerView.open(file)).isInstanceOf(CorruptLedgerException.class)
                .hasMessage("ledger " + file + " has schema version 99, this build reads 1");
        assertThat(Files.readAllBytes(file)).isEqualTo(newer);
    }

    @Test
    void aDamagedRowIsReportedNotGuessedAt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE cheques_sent SET cumulative='-5' WHERE sequence=2");
        }
        try (LedgerView v = LedgerView.open(file)) {
            assertThatThrownBy(() -> v.snapshot(100)).isInstanceOf(CorruptLedgerException.class)
                    .hasMessage("ledger " + file + " cannot be read: a stored amount is not a non-negative integer");
        }
        try (Ledger l = Ledger.open(file)) {
            assertThatThrownBy(() -> l.totals(Direction.SENT, A)).as("the writer maps rows the same way")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a non-negative integer");
        }
    }
}
