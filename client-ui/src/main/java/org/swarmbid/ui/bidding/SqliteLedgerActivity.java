package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.LedgerException;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.ChainStatus;

/**
 * {@link LedgerActivity} over the bidding engine's {@link Ledger}: totals, settlements and the blocklist through its
 * public API; bid and cheque rows (which the API does not list) through a separate <b>read-only</b> SQLite
 * connection to the same file, in the schema {@link Ledger} documents (version {@value Ledger#SCHEMA_VERSION},
 * checked on every read). WAL mode lets this reader run beside the engine's writer.
 *
 * <p>Threading: thread-safe; blocking (each call opens and closes its own read-only connection).
 */
public final class SqliteLedgerActivity implements LedgerActivity {

    /** Most cheque rows read for a chart. */
    public static final int MAX_CHART_ROWS = 200_000;

    private final Ledger ledger;

    public SqliteLedgerActivity(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    private Connection readOnly() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger.file().toAbsolutePath(),
                config.toProperties());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            int v = rs.next() ? rs.getInt(1) : -1;
            if (v != Ledger.SCHEMA_VERSION) {
                c.close();
                throw new LedgerException("ledger " + ledger.file() + " has schema version " + v + ", this screen reads "
                        + Ledger.SCHEMA_VERSION);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public List<LedgerEntry> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<LedgerEntry> all = new ArrayList<>();
        try (Connection c = readOnly()) {
            try (PreparedStatement q = c.prepareStatement("SELECT direction, torrent, buyer, seller, asset, price_per_mib,"
                    + " created_at FROM bids ORDER BY created_at DESC, id DESC LIMIT ?")) {
                q.setInt(1, limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        boolean sent = Direction.SENT.name().equals(rs.getString(1));
                        all.add(new LedgerEntry(rs.getLong(7), sent ? LedgerEntry.Kind.BID_SENT
                                : LedgerEntry.Kind.BID_RECEIVED, rs.getString(sent ? 4 : 3), rs.getString(2),
                                rs.getString(5), new BigInteger(rs.getString(6)), ""));
                    }
                }
            }
            all.addAll(cheques(c, "cheques_sent", LedgerEntry.Kind.CHEQUE_SENT, Long.MIN_VALUE, true, limit));
            all.addAll(cheques(c, "cheques_received", LedgerEntry.Kind.CHEQUE_RECEIVED, Long.MIN_VALUE, true, limit));
        } catch (SQLException e) {
            throw new LedgerException("ledger " + ledger.file() + ": cannot read: " + e.getMessage(), e);
        }
        for (Direction d : Direction.values()) {
            for (SettlementRecord r : ledger.settlements(d, EnumSet.allOf(ChainStatus.class))) {
                Account a = r.account();
                all.add(new LedgerEntry(r.updatedAtMillis(), d == Direction.SENT ? LedgerEntry.Kind.SETTLEMENT_SENT
                        : LedgerEntry.Kind.SETTLEMENT_RECEIVED, (d == Direction.SENT ? a.payee() : a.payer()).value(),
                        "", a.asset().value(), r.amount(), r.status().name()));
            }
        }
        all.sort(Comparator.comparingLong(LedgerEntry::timeMillis).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public List<LedgerEntry> chequesSince(long fromMillis) {
        List<LedgerEntry> all = new ArrayList<>();
        try (Connection c = readOnly()) {
            all.addAll(cheques(c, "cheques_sent", LedgerEntry.Kind.CHEQUE_SENT, fromMillis, false, MAX_CHART_ROWS));
            all.addAll(cheques(c, "cheques_received", LedgerEntry.Kind.CHEQUE_RECEIVED, fromMillis, false,
                    MAX_CHART_ROWS));
        } catch (SQLException e) {
            throw new LedgerException("ledger " + ledger.file() + ": cannot read: " + e.getMessage(), e);
        }
        all.sort(Comparator.comparingLong(LedgerEntry::timeMillis));
        return List.copyOf(all);
    }

    private static List<LedgerEntry> cheques(Connection c, String table, LedgerEntry.Kind kind, long from,
            boolean newestFirst, int limit) throws SQLException {
        List<LedgerEntry> out = new ArrayList<>();
        boolean sent = kind == LedgerEntry.Kind.CHEQUE_SENT;
        try (PreparedStatement q = c.prepareStatement("SELECT payer, payee, asset, sequence, delta, created_at FROM "
                + table + " WHERE created_at >= ? ORDER BY created_at " + (newestFirst ? "DESC" : "ASC")
                + " LIMIT ?")) {
            q.setLong(1, from);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerEntry(rs.getLong(6), kind, rs.getString(sent ? 2 : 1), "", rs.getString(3),
                            new BigInteger(rs.getString(5)), "#" + rs.getLong(4)));
                }
            }
        }
        return out;
    }

    @Override
    public Summary summary(String asset) {
        BigInteger[] sums = new BigInteger[4];
        java.util.Arrays.fill(sums, BigInteger.ZERO);
        for (Direction d : Direction.values()) {
            int base = d == Direction.RECEIVED ? 0 : 2;
            for (Account a : ledger.accounts(d)) {
                if (!a.asset().value().equals(asset)) {
                    continue;
                }
                Totals t = ledger.totals(d, a);
                sums[base] = sums[base].add(t.lastCumulative());
                sums[base + 1] = sums[base + 1].add(t.settled());
            }
        }
        return new Summary(sums[0], sums[1], sums[2], sums[3], ledger.blocklisted().size());
    }
}
