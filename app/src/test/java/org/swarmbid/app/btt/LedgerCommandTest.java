package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;

/** {@code swarmbid ledger} on a real ledger written through the bidding engine's Ledger API. */
class LedgerCommandTest {
    private static final Address ME = Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    private static final Address SELLER = Address.of("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
    private static final Address BUYER = Address.of("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4");
    private static final ChainId CHAIN = ChainId.of("728126428");
    private static final BigInteger BTT = BigInteger.TEN.pow(18);
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path state;
    private Path file;

    @BeforeEach
    void populate() {
        file = state.resolve("ledger.sqlite");
        Account paying = new Account(ME, SELLER, SettlementAsset.BTT.biddingId(), CHAIN);
        Account paid = new Account(BUYER, ME, SettlementAsset.BTT.biddingId(), CHAIN);
        try (Ledger l = Ledger.open(file)) {
            l.recordBid(new BidRecord(Direction.SENT, "d984f67af9917b214cd8b6048ab5624c7df6a07a", ME, SELLER,
                    SettlementAsset.BTT.biddingId(), new BigInteger("50000000000000000"), 5, T0 + 30_000, T0));
            l.recordChequeSent(new Cheque(paying, BTT.divide(BigInteger.TWO), 1, new byte[65]), digest(1), T0 + 1000);
            l.recordChequeSent(new Cheque(paying, BTT.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO), 2,
                    new byte[65]), digest(2), T0 + 2000);
            l.recordChequeReceived(new Cheque(paid, new BigInteger("420000000000000000"), 1, new byte[65]), digest(3),
                    T0 + 3000);
            l.recordReceipt(Direction.SENT, paying, BTT.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO), T0 + 2500);
            long id = l.recordSettlementRequested(paying, BTT, T0 + 4000);
            l.recordSettlementTxid(id, "ab".repeat(32), ChainStatus.BROADCAST, T0 + 4100);
            l.updateSettlementStatus("ab".repeat(32), ChainStatus.SOLID, T0 + 60_000);
            l.recordSettlementClaim(paid, "cd".repeat(32), new BigInteger("200000000000000000"), T0 + 5000);
            l.updateSettlementStatus("cd".repeat(32), ChainStatus.SOLID, T0 + 70_000);
            l.blocklist(Address.of("TMallory"), "failed settlement \u001b[2J twice", T0 + 9000);
        }
    }

    private static Digest32 digest(int n) {
        byte[] d = new byte[32];
        d[0] = (byte) n;
        return Digest32.of(d);
    }

    private record FileState(String sha256, FileTime modified, Set<String> names) {}

    private FileState fileState() throws IOException {
        try (Stream<Path> s = Files.list(state)) {
            return new FileState(sha256(Files.readAllBytes(file)), Files.getLastModifiedTime(file),
                    s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listsEverythingInHumanUnitsAndNeverTouchesTheFile() throws IOException {
        FileState before = fileState();
        Captured.Result r = Captured.run("ledger", "--state-dir", state.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out).contains("Bids: 1 sent, 0 received");
        assertThat(out).contains("0.05 BTT/MiB").contains("nonce 5");
        assertThat(out).contains("to THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV  seq 2  cumulative 1.5 BTT  (+1 BTT)");
        assertThat(out).contains("from TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4  seq 1  cumulative 0.42 BTT");
        assertThat(out).contains("paid     2026-01-01T00:00:04Z  1 BTT  to THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV  SOLID");
        assertThat(out).contains("txid " + "ab".repeat(32));
        assertThat(out).contains("received 2026-01-01T00:00:05Z  0.2 BTT  from TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4");
        assertThat(out).contains("we pay  THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV  chain 728126428  cheques 1.5 BTT (2 cheques,"
                + " last seq 2)  settled 1 BTT  in flight 0 BTT  unsettled 0.5 BTT  last receipt 1.5 BTT");
        assertThat(out).contains("pays us TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4");
        assertThat(out).contains("TMallory").contains("failed settlement ?[2J twice").doesNotContain("\u001b");
        assertThat(out).contains("earned 0.42 BTT, spent 1.5 BTT, settled 1 BTT, collected 0.2 BTT");
        assertThat(fileState()).as("read-only: same bytes, same time, no new files").isEqualTo(before);
    }

    @Test
    void jsonCarriesExactUnitsAndEscapesEveryString() throws IOException {
        FileState before = fileState();
        Captured.Result r = Captured.run("ledger", "--state-dir", state.toString(), "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1);
        assertThat(r.out()).startsWith("{\"file\":").endsWith("}\n");
        assertThat(r.out()).contains("\"bidsSent\":1");
        assertThat(r.out()).contains("\"cumulative\":{\"units\":\"1500000000000000000\",\"text\":\"1.5 BTT\"}");
        assertThat(r.out()).contains("\"status\":\"SOLID\"");
        assertThat(r.out()).contains("failed settlement \\u001b[2J twice");
        assertThat(r.out()).contains("\"summary\":\"earned 0.42 BTT, spent 1.5 BTT, settled 1 BTT, collected 0.2 BTT\"");
        assertThat(fileState()).isEqualTo(before);
    }

    @Test
    void theLimitBoundsTheListsButNotTheTotals() {
        Captured.Result r = Captured.run("ledger", "--state-dir", state.toString(), "--limit", "0");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Cheques sent: none").contains("Bids: 1 sent")
                .contains("earned 0.42 BTT, spent 1.5 BTT");
        Captured.Result bad = Captured.run("ledger", "--state-dir", state.toString(), "--limit", "-1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("swarmbid: --limit: -1 is not between 0 and 100000\n");
    }

    @Test
    void readsWhileAClientHasTheLedgerOpen() {
        Account paying = new Account(ME, SELLER, SettlementAsset.BTT.biddingId(), CHAIN);
        try (Ledger live = Ledger.open(file)) {
            live.recordChequeSent(new Cheque(paying, BTT.multiply(BigInteger.valueOf(4)), 3, new byte[65]), digest(9),
                    T0 + 99_000);
            assertThat(Files.exists(state.resolve("ledger.sqlite-wal"))).as("the writer's WAL").isTrue();
            Captured.Result r = Captured.run("ledger", "--state-dir", state.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("seq 3  cumulative 4 BTT  (+2.5 BTT)").contains("spent 4 BTT");
            live.recordChequeSent(new Cheque(paying, BTT.multiply(BigInteger.valueOf(5)), 4, new byte[65]), digest(10),
                    T0 + 99_500);
            assertThat(live.lastCheque(Direction.SENT, paying).orElseThrow().sequence()).as("the writer still writes")
                    .isEqualTo(4);
        }
    }

    @Test
    void aMissingLedgerIsBadInput() {
        Captured.Result r = Captured.run("ledger", "--state-dir", state.resolve("nowhere").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("swarmbid: no ledger at ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void corruptFilesAreBadInputAndStayUntouched() throws IOException, SQLException {
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = List.of("not a database at all, just text".getBytes(),
                Arrays.copyOf(good, 16), Arrays.copyOf(good, good.length / 2), flipped(good));
        List<String> expected = List.of("not an SQLite database", "cannot be read", "", "");
        for (int i = 0; i < damaged.size(); i++) {
            Files.write(file, damaged.get(i));
            Captured.Result r = Captured.run("ledger", "--state-dir", state.toString());
            assertThat(r.exit()).as("case " + i + ": " + r).isEqualTo(3);
            assertThat(r.err().lines().toList()).as("case " + i).hasSize(1);
            assertThat(r.err()).as("case " + i).startsWith("swarmbid: ledger ").contains(expected.get(i));
            assertThat(Files.readAllBytes(file)).as("case " + i + " untouched").isEqualTo(damaged.get(i));
        }
        Files.delete(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(id INTEGER)");
        }
        Captured.Result foreign = Captured.run("ledger", "--state-dir", state.toString());
        assertThat(foreign.exit()).isEqualTo(3);
        assertThat(foreign.err()).contains("is not a Swarmbid ledger");
    }

    /** The good file with its second page overwritten by noise (the header still says SQLite). */
    private static byte[] flipped(byte[] good) {
        byte[] b = good.clone();
        for (int i = 4096; i < Math.min(b.length, 8192); i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }
}
