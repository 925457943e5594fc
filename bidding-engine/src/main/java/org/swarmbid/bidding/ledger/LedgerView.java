package org.swarmbid.bidding.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.swarmbid.bidding.api.Account;

/**
 * A ledger file opened <em>read-only</em>, for tools that look at a ledger a client may be writing at the same time
 * ({@code swarmbid ledger}). Unlike {@link Ledger#open} it never creates the file or the schema, never migrates,
 * never switches the journal mode and takes no write lock: the connection is opened with
 * {@code SQLITE_OPEN_READONLY}, after the same checks {@link Ledger#open} makes (SQLite header,
 * {@code PRAGMA quick_check}, every table, {@link Ledger#SCHEMA_VERSION}). The rows are mapped by the same code as
 * {@link Ledger}'s.
 *
 * <p>With no {@code -wal} file beside the ledger no client has it open, so it is opened {@code immutable=1}: SQLite
 * then creates no {@code -wal}/{@code -shm} side files either (a read-only connection to a WAL database would
 * otherwise leave both behind) and the file's bytes and modification time stay as they were. With a {@code -wal}
 * file a client may be writing, so the ordinary read-only mode with its shared locks is used (the side files exist
 * already); each read is one read transaction, a consistent snapshot however the writer proceeds.
 *
 * <p>Threading: thread-safe (one connection; every method is {@code synchronized}) and <b>blocking</b>.
 */
public final class LedgerView implements AutoCloseable {
    private final Path file;
    private final Connection conn;

    private LedgerView(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /**
     * Opens the ledger at {@code file} for reading.
     *
     * @throws CorruptLedgerException if the file is not a readable ledger of this version (one-line message; the
     *     file is untouched)
     * @throws LedgerException if there is no file, or it cannot be read
     */
    public static LedgerView open(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new LedgerException("no ledger at " + file);
        }
        LedgerSchema.checkHeader(file);
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.setBusyTimeout(5000);
        Connection c = null;
        try {
            c = DriverManager.getConnection(url(file), cfg.toProperties());
            LedgerSchema.validate(c, file);
            c.setAutoCommit(false);
            return new LedgerView(file, c);
        } catch (SQLException e) {
            LedgerSchema.closeQuietly(c);
            throw LedgerSchema.unreadable(file, e);
        } catch (RuntimeException e) {
            LedgerSchema.closeQuietly(c);
            throw e;
        }
    }

    /** The JDBC URL: {@code immutable=1} unless a {@code -wal} file says a client may have the ledger open. */
    private static String url(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs.resolveSibling(abs.getFileName() + "-wal"))) {
            return "jdbc:sqlite:" + abs;
        }
        return "jdbc:sqlite:" + abs.toUri() + "?immutable=1";
    }

    /** The file this view reads. */
    public Path file() {
        return file;
    }

    /** Runs {@code read} in one read transaction, which is then ended (nothing to commit). */
    private synchronized <T> T read(LedgerRows.Query<T> read) {
        try {
            try {
                return read.run(conn);
            } finally {
                conn.rollback();
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw LedgerSchema.unreadable(file, e);
        }
    }

    /**
     * Everything the ledger holds, as one consistent snapshot; each list holds at most {@code limit} newest rows.
     *
     * @throws CorruptLedgerException if a row is damaged or SQLite cannot read the file
     */
    public LedgerSnapshot snapshot(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return read(c -> new LedgerSnapshot(file,
                LedgerRows.bidCount(c, Direction.SENT), LedgerRows.bidCount(c, Direction.RECEIVED),
                LedgerRows.list(c, "SELECT " + LedgerRows.BID_COLUMNS + " FROM bids ORDER BY id DESC LIMIT ?",
                        LedgerRows::bid, limit),
                cheques(c, Direction.SENT, limit), cheques(c, Direction.RECEIVED, limit),
                LedgerRows.list(c, "SELECT " + LedgerRows.RECEIPT_COLUMNS + " FROM receipts ORDER BY id DESC LIMIT ?",
                        LedgerRows::receipt, limit),
                LedgerRows.list(c, "SELECT " + LedgerRows.SETTLEMENT_COLUMNS
                        + " FROM settlements ORDER BY id DESC LIMIT ?", LedgerRows::settlement, limit),
                totals(c),
                LedgerRows.list(c, "SELECT " + LedgerRows.BLOCKLIST_COLUMNS + " FROM blocklist ORDER BY created_at",
                        LedgerRows::blockedPayer)));
    }

    /** The buyer's paid pieces, at most {@code limit}, ordered by torrent and piece. */
    public List<PaidPiece> paidPieces(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return read(c -> LedgerRows.list(c, "SELECT " + LedgerRows.PAID_PIECE_COLUMNS
                + " FROM paid_pieces ORDER BY torrent, piece, payer, payee, asset, chain LIMIT ?",
                LedgerRows::paidPiece, limit));
    }

    private static List<LedgerSnapshot.ChequeRow> cheques(Connection c, Direction d, int limit) throws SQLException {
        return LedgerRows.list(c, "SELECT " + LedgerRows.CHEQUE_COLUMNS + " FROM " + LedgerRows.chequeTable(d)
                + " ORDER BY created_at DESC, sequence DESC LIMIT ?", LedgerRows::cheque, limit);
    }

    private static List<LedgerSnapshot.AccountTotals> totals(Connection c) throws SQLException {
        List<LedgerSnapshot.AccountTotals> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (Account a : LedgerRows.accounts(c, d)) {
                out.add(new LedgerSnapshot.AccountTotals(d, a, LedgerRows.totals(c, d, a)));
            }
        }
        return out;
    }

    /** Closes the connection; the file is not written. */
    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new LedgerException("ledger " + file + ": close failed: " + LedgerSchema.oneLine(e.getMessage()), e);
        }
    }
}
