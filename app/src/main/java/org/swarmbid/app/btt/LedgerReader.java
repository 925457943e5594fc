package org.swarmbid.app.btt;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.ChainStatus;

/**
 * Reads a payment ledger file <em>without ever writing it</em>: a read-only SQLite connection
 * ({@code SQLITE_OPEN_READONLY}, and {@code immutable} when no client has the file open: see {@link #url}), after checking the SQLite header, {@code PRAGMA quick_check}, the schema version
 * ({@link Ledger#SCHEMA_VERSION}) and the tables. Totals are reconstructed by the ledger's own rules (see
 * {@link Ledger#totals}): the cheque with the highest sequence, the sum of SOLID settlements, the sum of settlements
 * not yet final, and the last receipt.
 *
 * <p>Threading: one call, one connection; blocking file I/O.
 */
public final class LedgerReader {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TABLES = List.of("schema_version", "bids", "cheques_sent", "cheques_received",
            "receipts", "settlements", "blocklist");

    /** The file is missing, not a ledger, damaged, or of another version. One line; the file was not touched. */
    public static final class UnreadableLedgerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableLedgerException(String message) {
            super(message);
        }
    }

    private LedgerReader() {
    }

    /**
     * Reads {@code file}; lists hold at most {@code limit} newest rows each.
     *
     * @throws UnreadableLedgerException naming the problem
     */
    public static LedgerSnapshot read(Path file, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreadableLedgerException("no ledger at " + file + " (nothing was bought or sold with this"
                    + " state folder yet; see --state-dir)");
        }
        checkMagic(file);
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.setBusyTimeout(5000);
        try (Connection c = DriverManager.getConnection(url(file), cfg.toProperties())) {
            validate(c, file);
            c.setAutoCommit(false); // one read transaction: a consistent snapshot even while a client writes
            LedgerSnapshot s = new LedgerSnapshot(file, count(c, "SENT"), count(c, "RECEIVED"), bids(c, limit),
                    cheques(c, "cheques_sent", limit), cheques(c, "cheques_received", limit), receipts(c, limit),
                    settlements(c, limit), totals(c), blocklist(c));
            c.rollback();
            return s;
        } catch (SQLException | IllegalArgumentException e) {
            throw new UnreadableLedgerException("ledger " + file + " cannot be read: " + oneLine(e.getMessage()));
        }
    }

    /**
     * The JDBC URL. With no {@code -wal} file beside the ledger no client has it open, so it is read as
     * {@code immutable=1}: SQLite then creates no {@code -wal}/{@code -shm} files either (a read-only connection to a
     * WAL database would otherwise leave both behind). With a {@code -wal} file a client may be writing, so the
     * ordinary read-only mode with its locks is used (the side files exist already).
     */
    static String url(Path file) {
        Path abs = file.toAbsolutePath();
        Path wal = abs.resolveSibling(abs.getFileName() + "-wal");
        if (Files.exists(wal)) {
            return "jdbc:sqlite:" + abs;
        }
        return "jdbc:sqlite:" + abs.toUri() + "?immutable=1";
    }

    private static void checkMagic(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableLedgerException("ledger " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new UnreadableLedgerException("ledger " + file + " is corrupt: not an SQLite database");
        }
    }

    private static void validate(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(first)) {
                    throw new UnreadableLedgerException("ledger " + file + " is corrupt: " + oneLine(first));
                }
            }
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.containsAll(TABLES)) {
                List<String> missing = new ArrayList<>(TABLES);
                missing.removeAll(tables);
                throw new UnreadableLedgerException("ledger " + file + " is not a Swarmbid ledger (missing tables "
                        + missing + ")");
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                int v = rs.next() ? rs.getInt(1) : -1;
                if (v != Ledger.SCHEMA_VERSION) {
                    throw new UnreadableLedgerException("ledger " + file + " has schema version " + v
                            + ", this build reads " + Ledger.SCHEMA_VERSION);
                }
            }
        }
    }

    private static long count(Connection c, String direction) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM bids WHERE direction=?")) {
            q.setString(1, direction);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<BidRecord> bids(Connection c, int limit) throws SQLException {
        List<BidRecord> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT direction, torrent, buyer, seller, asset, price_per_mib,"
                + " nonce, expires_at, created_at FROM bids ORDER BY id DESC LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new BidRecord(Direction.valueOf(rs.getString(1)), rs.getString(2),
                            Address.of(rs.getString(3)), Address.of(rs.getString(4)), AssetId.of(rs.getString(5)),
                            amount(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
        }
        return out;
    }

    private static List<LedgerSnapshot.ChequeRow> cheques(Connection c, String table, int limit) throws SQLException {
        List<LedgerSnapshot.ChequeRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT payer, payee, asset, chain, sequence, cumulative, delta,"
                + " created_at FROM " + table + " ORDER BY created_at DESC, sequence DESC LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerSnapshot.ChequeRow(account(rs, 1), rs.getLong(5), amount(rs.getString(6)),
                            amount(rs.getString(7)), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    private static List<LedgerSnapshot.ReceiptRow> receipts(Connection c, int limit) throws SQLException {
        List<LedgerSnapshot.ReceiptRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT direction, payer, payee, asset, chain, cumulative,"
                + " created_at FROM receipts ORDER BY id DESC LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerSnapshot.ReceiptRow(Direction.valueOf(rs.getString(1)), account(rs, 2),
                            amount(rs.getString(6)), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    private static List<SettlementRecord> settlements(Connection c, int limit) throws SQLException {
        List<SettlementRecord> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, direction, payer, payee, asset, chain, amount, txid,"
                + " status, created_at, updated_at FROM settlements ORDER BY id DESC LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new SettlementRecord(rs.getLong(1), Direction.valueOf(rs.getString(2)), account(rs, 3),
                            amount(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                            ChainStatus.valueOf(rs.getString(9)), rs.getLong(10), rs.getLong(11)));
                }
            }
        }
        return out;
    }

    private static List<LedgerSnapshot.AccountTotals> totals(Connection c) throws SQLException {
        List<LedgerSnapshot.AccountTotals> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            String table = d == Direction.SENT ? "cheques_sent" : "cheques_received";
            Set<Account> accounts = new LinkedHashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT payer, payee, asset, chain FROM " + table
                    + " UNION SELECT DISTINCT payer, payee, asset, chain FROM settlements WHERE direction=?"
                    + " ORDER BY 2, 1, 3, 4")) {
                q.setString(1, d.name());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(account(rs, 1));
                    }
                }
            }
            for (Account a : accounts) {
                out.add(new LedgerSnapshot.AccountTotals(d, a, totalsOf(c, d, table, a)));
            }
        }
        return out;
    }

    private static Totals totalsOf(Connection c, Direction d, String table, Account a) throws SQLException {
        BigInteger last = BigInteger.ZERO;
        long lastSeq = 0;
        long count = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT sequence, cumulative FROM " + table
                + " WHERE payer=? AND payee=? AND asset=? AND chain=? ORDER BY sequence")) {
            bind(q, a, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    count++;
                    lastSeq = rs.getLong(1);
                    last = amount(rs.getString(2));
                }
            }
        }
        BigInteger settled = BigInteger.ZERO;
        BigInteger inFlight = BigInteger.ZERO;
        try (PreparedStatement q = c.prepareStatement("SELECT amount, status FROM settlements"
                + " WHERE direction=? AND payer=? AND payee=? AND asset=? AND chain=?")) {
            q.setString(1, d.name());
            bind(q, a, 2);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    BigInteger amount = amount(rs.getString(1));
                    ChainStatus st = ChainStatus.valueOf(rs.getString(2));
                    if (st == ChainStatus.SOLID) {
                        settled = settled.add(amount);
                    } else if (!st.isFinal()) {
                        inFlight = inFlight.add(amount);
                    }
                }
            }
        }
        BigInteger receipt = BigInteger.ZERO;
        try (PreparedStatement q = c.prepareStatement("SELECT cumulative FROM receipts"
                + " WHERE direction=? AND payer=? AND payee=? AND asset=? AND chain=? ORDER BY id DESC LIMIT 1")) {
            q.setString(1, d.name());
            bind(q, a, 2);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    receipt = amount(rs.getString(1));
                }
            }
        }
        return new Totals(last, lastSeq, count, settled, inFlight, receipt);
    }

    private static List<LedgerSnapshot.BlockedPayer> blocklist(Connection c) throws SQLException {
        List<LedgerSnapshot.BlockedPayer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT payer, reason, created_at FROM blocklist ORDER BY created_at")) {
            while (rs.next()) {
                out.add(new LedgerSnapshot.BlockedPayer(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    private static Account account(ResultSet rs, int first) throws SQLException {
        return new Account(Address.of(rs.getString(first)), Address.of(rs.getString(first + 1)),
                AssetId.of(rs.getString(first + 2)), ChainId.of(rs.getString(first + 3)));
    }

    private static void bind(PreparedStatement ps, Account a, int first) throws SQLException {
        ps.setString(first, a.payer().value());
        ps.setString(first + 1, a.payee().value());
        ps.setString(first + 2, a.asset().value());
        ps.setString(first + 3, a.chain().value());
    }

    /** A stored amount: decimal digits only (a damaged row is reported, not guessed at). */
    private static BigInteger amount(String text) {
        if (text == null || text.isEmpty() || text.length() > 78 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("a stored amount is not a non-negative integer");
        }
        return new BigInteger(text);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
