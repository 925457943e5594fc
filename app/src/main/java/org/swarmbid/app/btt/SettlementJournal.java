package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.port.TxIds;

/**
 * The settlement adapter's own write-ahead record: which transaction pays which ledger settlement. A row is
 * committed (WAL, {@code synchronous=FULL}) <em>after</em> the transfer is signed and <em>before</em> it is handed to
 * the wallet, which records it and only then broadcasts; so after a crash at any point, asking again with the same
 * settlement id finds the transaction that may be on its way instead of signing a second payment.
 *
 * <pre>
 * journal(chain TEXT, settlement_id INTEGER, payer TEXT, payee TEXT, asset TEXT, amount TEXT, txid TEXT NOT NULL,
 *         created_at INTEGER, updated_at INTEGER, PRIMARY KEY(chain, settlement_id))
 * </pre>
 *
 * <p>Threading: thread-safe (one connection, synchronized); blocking file I/O, never on an event loop.
 */
public final class SettlementJournal implements AutoCloseable {
    /** The file name used in the state folder. */
    public static final String FILE_NAME = "settlement-journal.sqlite";

    /** One row. */
    public record Entry(long settlementId, Account account, BigInteger amount, String txid) {
        public Entry {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
            TxIds.require(txid);
        }

        /** True if the row is for the same payment terms. */
        public boolean sameTerms(Account a, BigInteger value) {
            return account.equals(a) && amount.equals(value);
        }
    }

    private final Path file;
    private final Connection conn;

    private SettlementJournal(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /**
     * Opens or creates the journal.
     *
     * @throws IllegalStateException with a one-line message if the file cannot be opened as a journal
     */
    public static SettlementJournal open(Path file) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS journal(chain TEXT NOT NULL, settlement_id INTEGER NOT NULL,
                          payer TEXT NOT NULL, payee TEXT NOT NULL, asset TEXT NOT NULL, amount TEXT NOT NULL,
                          txid TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                          PRIMARY KEY(chain, settlement_id))""");
            }
            return new SettlementJournal(file, c);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // reporting the first failure
                }
            }
            throw new IllegalStateException("settlement journal " + file + " cannot be opened: " + oneLine(e), e);
        }
    }

    /** The row for a settlement, if any. */
    public synchronized Optional<Entry> find(String chain, long settlementId) {
        try (PreparedStatement q = conn.prepareStatement("SELECT payer, payee, asset, amount, txid FROM journal"
                + " WHERE chain=? AND settlement_id=?")) {
            q.setString(1, chain);
            q.setLong(2, settlementId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Account a = new Account(org.swarmbid.bidding.api.Address.of(rs.getString(1)),
                        org.swarmbid.bidding.api.Address.of(rs.getString(2)),
                        org.swarmbid.bidding.api.AssetId.of(rs.getString(3)),
                        org.swarmbid.bidding.api.ChainId.of(chain));
                return Optional.of(new Entry(settlementId, a, new BigInteger(rs.getString(4)), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw failure("reading", e);
        }
    }

    /** The settlement whose row holds {@code txid}, if any. */
    public synchronized Optional<Long> settlementOf(String chain, String txid) {
        try (PreparedStatement q = conn.prepareStatement("SELECT settlement_id FROM journal WHERE chain=? AND txid=?")) {
            q.setString(1, chain);
            q.setString(2, txid);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading", e);
        }
    }

    /**
     * Records the transaction for a settlement, or replaces the transaction of an existing row (only when the caller
     * knows the old one was never broadcast).
     */
    public synchronized void put(Entry entry, long nowMillis) {
        Account a = entry.account();
        try (PreparedStatement up = conn.prepareStatement("""
                INSERT INTO journal(chain, settlement_id, payer, payee, asset, amount, txid, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?)
                ON CONFLICT(chain, settlement_id) DO UPDATE SET txid=excluded.txid, updated_at=excluded.updated_at""")) {
            up.setString(1, a.chain().value());
            up.setLong(2, entry.settlementId());
            up.setString(3, a.payer().value());
            up.setString(4, a.payee().value());
            up.setString(5, a.asset().value());
            up.setString(6, entry.amount().toString());
            up.setString(7, entry.txid());
            up.setLong(8, nowMillis);
            up.setLong(9, nowMillis);
            up.executeUpdate();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("settlement journal " + file + ": " + what + " failed: " + oneLine(e), e);
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }
}
