package org.swarmbid.bidding.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;

class LedgerTest {
    static final Account A = new Account(Address.of("TPayer"), Address.of("TPayee"), AssetId.of("trc20:BTT"), ChainId.of("devnet"));
    static final Account A_TRX = new Account(Address.of("TPayer"), Address.of("TPayee"), AssetId.of("trx"), ChainId.of("devnet"));
    static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    static final String TX1 = "a".repeat(64);
    static final String TX2 = "b".repeat(64);

    @TempDir
    Path dir;

    static Digest32 digest(long n) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        return Digest32.of(b);
    }

    static Cheque cheque(Account a, BigInteger cumulative, long seq) {
        byte[] sig = new byte[65];
        sig[0] = (byte) seq;
        sig[1] = (byte) cumulative.intValue();
        return new Cheque(a, cumulative, seq, sig);
    }

    static Cheque cheque(Account a, long cumulative, long seq) {
        return cheque(a, BigInteger.valueOf(cumulative), seq);
    }

    @Test
    void createsWalSchemaWithVersion() throws Exception {
        Path f = dir.resolve("ledger.db");
        try (Ledger l = Ledger.open(f)) {
            assertThat(l.totals(Direction.SENT, A)).isEqualTo(new Totals(BigInteger.ZERO, 0, 0, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Ledger.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void totalsSurviveReopenIncludingUint256Amounts() {
        Path f = dir.resolve("ledger.db");
        BigInteger big = UINT256_MAX.subtract(BigInteger.TEN);
        try (Ledger l = Ledger.open(f)) {
            assertThat(l.recordChequeSent(cheque(A, 100, 1), digest(1), 1_000)).isEqualTo(Recorded.INSERTED);
            assertThat(l.recordChequeSent(cheque(A, 250, 2), digest(2), 2_000)).isEqualTo(Recorded.INSERTED);
            assertThat(l.recordChequeSent(cheque(A_TRX, big, 1), digest(3), 2_500)).isEqualTo(Recorded.INSERTED);
            assertThat(l.recordChequeReceived(cheque(A, 40, 1), digest(4), 3_000)).isEqualTo(Recorded.INSERTED);
            long id = l.recordSettlementRequested(A, BigInteger.valueOf(100), 4_000);
            l.recordSettlementTxid(id, TX1, ChainStatus.BROADCAST, 4_100);
            l.updateSettlementStatus(TX1, ChainStatus.SOLID, 5_000);
            long id2 = l.recordSettlementRequested(A, BigInteger.valueOf(50), 6_000);
            l.recordSettlementTxid(id2, TX2, ChainStatus.IN_BLOCK, 6_100);
            l.recordReceipt(Direction.SENT, A, BigInteger.valueOf(250), 7_000);
            l.blocklist(Address.of("TBad"), "missed 2 settlements", 8_000);
        }
        try (Ledger l = Ledger.open(f)) {
            Totals t = l.totals(Direction.SENT, A);
            assertThat(t).isEqualTo(new Totals(BigInteger.valueOf(250), 2, 2, BigInteger.valueOf(100), BigInteger.valueOf(50), BigInteger.valueOf(250)));
            assertThat(t.unsettled()).isEqualTo(BigInteger.valueOf(150));
            assertThat(l.totals(Direction.SENT, A_TRX).lastCumulative()).isEqualTo(big);
            assertThat(l.totals(Direction.RECEIVED, A).lastCumulative()).isEqualTo(BigInteger.valueOf(40));
            assertThat(l.totals(Direction.RECEIVED, A).settled()).as("directions are separate").isZero();
            assertThat(l.accounts(Direction.SENT)).containsExactlyInAnyOrder(A, A_TRX);
            assertThat(l.lastCheque(Direction.SENT, A)).contains(cheque(A, 250, 2));
            assertThat(l.chequedBetween(0, 2_000)).isEqualTo(BigInteger.valueOf(100));
            assertThat(l.chequedBetween(0, 2_001)).isEqualTo(BigInteger.valueOf(250));
            assertThat(l.blocklisted()).containsExactly(Address.of("TBad"));
            assertThat(l.settlements(Direction.SENT, EnumSet.of(ChainStatus.IN_BLOCK)))
                    .singleElement().satisfies(r -> assertThat(r.txid()).contains(TX2));
        }
    }

    @Test
    void aCrashSnapshotOfDbAndWalRestoresEveryCommittedCheque() throws Exception {
        Path f = dir.resolve("ledger.db");
        Path crash = Files.createDirectory(dir.resolve("after-crash"));
        Ledger l = Ledger.open(f);
        try {
            for (int i = 1; i <= 20; i++) {
                l.recordChequeSent(cheque(A, 5L * i, i), digest(i), i);
            }
            // the process "dies" here: copy the files as they are on disk, connection still open, WAL not checkpointed
            Path wal = dir.resolve("ledger.db-wal");
            assertThat(wal).as("WAL mode keeps a -wal file while open").exists();
            Files.copy(f, crash.resolve("ledger.db"));
            Files.copy(wal, crash.resolve("ledger.db-wal"));
        } finally {
            l.close();
        }
        try (Ledger again = Ledger.open(crash.resolve("ledger.db"))) {
            Totals t = again.totals(Direction.SENT, A);
            assertThat(t.cheques()).isEqualTo(20);
            assertThat(t.lastCumulative()).isEqualTo(BigInteger.valueOf(100));
            assertThat(again.recordChequeSent(cheque(A, 100, 20), digest(20), 99)).isEqualTo(Recorded.DUPLICATE);
        }
    }

    @Test
    void replayedChequeIsNotCountedTwiceAndConflictsWriteNothing() {
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            l.recordChequeReceived(cheque(A, 100, 1), digest(1), 1);
            assertThat(l.recordChequeReceived(cheque(A, 100, 1), digest(1), 2)).isEqualTo(Recorded.DUPLICATE);
            assertThatThrownBy(() -> l.recordChequeReceived(cheque(A, 101, 1), digest(1), 3))
                    .isInstanceOf(LedgerConflictException.class).hasMessageContaining("sequence 1");
            assertThatThrownBy(() -> l.recordChequeReceived(cheque(A, 100, 2), digest(1), 3))
                    .isInstanceOf(LedgerConflictException.class).hasMessageContaining("does not follow");
            assertThatThrownBy(() -> l.recordChequeReceived(cheque(A, 90, 3), digest(1), 3))
                    .isInstanceOf(LedgerConflictException.class);
            Totals t = l.totals(Direction.RECEIVED, A);
            assertThat(t.cheques()).isEqualTo(1);
            assertThat(t.lastCumulative()).isEqualTo(BigInteger.valueOf(100));
        }
    }

    @Test
    void settlementClaimsAreIdempotentAndFinalStatusesDoNotChange() {
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            assertThat(l.recordSettlementClaim(A, TX1, BigInteger.TEN, 1)).isEqualTo(Recorded.INSERTED);
            assertThat(l.recordSettlementClaim(A, TX1, BigInteger.TEN, 2)).isEqualTo(Recorded.DUPLICATE);
            assertThatThrownBy(() -> l.recordSettlementClaim(A, TX1, BigInteger.ONE, 3)).isInstanceOf(LedgerConflictException.class);
            assertThat(l.totals(Direction.RECEIVED, A).inFlight()).isEqualTo(BigInteger.TEN);
            SettlementRecord r = l.updateSettlementStatus(TX1, ChainStatus.FAILED, 4);
            assertThat(r.status()).isEqualTo(ChainStatus.FAILED);
            assertThat(r.updatedAtMillis()).isEqualTo(4);
            assertThatThrownBy(() -> l.updateSettlementStatus(TX1, ChainStatus.SOLID, 5))
                    .isInstanceOf(LedgerConflictException.class).hasMessageContaining("final");
            assertThat(l.totals(Direction.RECEIVED, A).settled()).isZero();
            assertThat(l.totals(Direction.RECEIVED, A).inFlight()).isZero();
            long id = l.recordSettlementRequested(A, BigInteger.ONE, 6);
            assertThatThrownBy(() -> l.recordSettlementTxid(id, TX1, ChainStatus.SIGNED, 7))
                    .as("txid belongs to another settlement").isInstanceOf(LedgerException.class);
            assertThat(l.settlements(Direction.SENT, EnumSet.of(ChainStatus.REQUESTED))).singleElement()
                    .satisfies(s -> assertThat(s.txid()).isEmpty());
        }
    }

    @Test
    void bidsAreIdempotentOnNonce() {
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            BidRecord b = new BidRecord(Direction.SENT, "ab".repeat(20), A.payer(), A.payee(), A.asset(), BigInteger.TEN, 7, 100, 50);
            assertThat(l.recordBid(b)).isEqualTo(Recorded.INSERTED);
            assertThat(l.recordBid(b)).isEqualTo(Recorded.DUPLICATE);
            BidRecord other = new BidRecord(Direction.SENT, "ab".repeat(20), A.payer(), A.payee(), A.asset(), BigInteger.ONE, 7, 100, 50);
            assertThatThrownBy(() -> l.recordBid(other)).isInstanceOf(LedgerConflictException.class);
            assertThat(l.bidCount(Direction.SENT)).isEqualTo(1);
            assertThat(l.bidCount(Direction.RECEIVED)).isZero();
        }
    }

    @Test
    void twoThreadsWritingAndReplayingConcurrentlyLoseNothingAndCountNothingTwice() throws Exception {
        Path f = dir.resolve("l.db");
        int n = 150;
        Account mine1 = new Account(Address.of("TT1"), A.payee(), A.asset(), A.chain());
        Account mine2 = new Account(Address.of("TT2"), A.payee(), A.asset(), A.chain());
        try (Ledger l = Ledger.open(f)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> writer1 = writer(l, start, mine1, n);
                Callable<Integer> writer2 = writer(l, start, mine2, n);
                Future<Integer> f1 = pool.submit(writer1);
                Future<Integer> f2 = pool.submit(writer2);
                start.countDown();
                assertThat(f1.get(60, TimeUnit.SECONDS)).isEqualTo(n);
                assertThat(f2.get(60, TimeUnit.SECONDS)).isEqualTo(n);
            } finally {
                pool.shutdownNow();
            }
        }
        try (Ledger l = Ledger.open(f)) {
            for (Account a : List.of(mine1, mine2, A)) {
                Totals t = l.totals(Direction.RECEIVED, a);
                assertThat(t.cheques()).isEqualTo(n);
                assertThat(t.lastSequence()).isEqualTo(n);
                assertThat(t.lastCumulative()).isEqualTo(BigInteger.valueOf(10L * n));
            }
        }
    }

    /** Writes n cheques to its own account, and replays the shared account A's cheques 1..n (the other thread does too). */
    static Callable<Integer> writer(Ledger l, CountDownLatch start, Account own, int n) {
        return () -> {
            start.await();
            int inserted = 0;
            for (int i = 1; i <= n; i++) {
                if (l.recordChequeReceived(cheque(own, 10L * i, i), digest(i), i) == Recorded.INSERTED) {
                    inserted++;
                }
                l.recordChequeReceived(cheque(A, 10L * i, i), digest(i), i);
            }
            return inserted;
        };
    }

    @Test
    void garbageFileIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("ledger.db");
        byte[] junk = "this is not a database, just some text that a user put here\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        Files.write(f, junk);
        assertThatThrownBy(() -> Ledger.open(f)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("not an SQLite database").hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(f)).isEqualTo(junk);
    }

    @Test
    void damagedSqliteFileIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("ledger.db");
        try (Ledger l = Ledger.open(f)) {
            for (int i = 1; i <= 200; i++) {
                l.recordChequeSent(cheque(A, i, i), digest(i), i);
            }
        }
        byte[] bytes = Files.readAllBytes(f);
        assertThat(bytes.length).isGreaterThan(8192);
        for (int i = 4096; i < bytes.length; i++) { // keep the header page, wreck the rest
            bytes[i] = (byte) (i * 31);
        }
        Files.write(f, bytes);
        assertThatThrownBy(() -> Ledger.open(f)).isInstanceOf(CorruptLedgerException.class).hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
    }

    @Test
    void foreignSqliteFileAndNewerVersionAreRefused() throws Exception {
        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(id INTEGER)");
        }
        byte[] before = Files.readAllBytes(foreign);
        assertThatThrownBy(() -> Ledger.open(foreign)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("not a Swarmbid ledger");
        assertThat(Files.readAllBytes(foreign)).isEqualTo(before);

        Path newer = dir.resolve("newer.db");
        Ledger.open(newer).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        assertThatThrownBy(() -> Ledger.open(newer)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void paidPiecesSumPerAccountTorrentAndTimeAndConflictsWriteNothing() {
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            String t1 = "11".repeat(20);
            String t2 = "22".repeat(20);
            l.recordPiecePaid(t1, 0, A, BigInteger.valueOf(5), 100);
            l.recordPiecePaid(t1, 1, A, BigInteger.valueOf(7), 200);
            l.recordPiecePaid(t2, 0, A, BigInteger.valueOf(11), 300);
            l.recordPiecePaid(t2, 0, A_TRX, BigInteger.valueOf(13), 300);
            assertThatThrownBy(() -> l.recordPiecePaid(t1, 0, A, BigInteger.valueOf(6), 400)).isInstanceOf(LedgerConflictException.class);
            assertThat(l.owedNumerator(A)).isEqualTo(BigInteger.valueOf(23));
            assertThat(l.spentNumeratorOnTorrent(t1)).isEqualTo(BigInteger.valueOf(12));
            assertThat(l.spentNumeratorOnTorrent(t2)).isEqualTo(BigInteger.valueOf(24));
            assertThat(l.spentNumeratorBetween(150, 300)).isEqualTo(BigInteger.valueOf(7));
        }
    }

    @Test
    void rejectsBadTxids() {
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            assertThatThrownBy(() -> l.recordSettlementClaim(A, "XYZ", BigInteger.ONE, 1)).hasMessageContaining("64 hex");
            assertThatThrownBy(() -> l.recordSettlementClaim(A, "A".repeat(64), BigInteger.ONE, 1)).hasMessageContaining("lower-case");
        }
    }
}
