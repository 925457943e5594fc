package org.swarmbid.bidding.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger's tables and the checks that tell a ledger file from anything else, shared by {@link Ledger} (which
 * creates the schema) and {@link LedgerView} (which only reads). Every check reads; none writes.
 *
 * <pre>
 * schema_version(version)
 * bids(id, direction, torrent, buyer, seller, asset, price_per_mib, nonce, expires_at, created_at)
 *     UNIQUE(direction, buyer, seller, nonce)
 * cheques_sent / cheques_received(payer, payee, asset, chain, sequence, cumulative, delta, signature, digest, created_at)
 *     PRIMARY KEY(payer, payee, asset, chain, sequence)
 * receipts(id, direction, payer, payee, asset, chain, cumulative, created_at)
 * settlements(id, direction, payer, payee, asset, chain, amount, txid UNIQUE, status, created_at, updated_at)
 * blocklist(payer PRIMARY KEY, reason, created_at)
 * paid_pieces(torrent, piece, payer, payee, asset, chain, numerator, created_at)
 *     PRIMARY KEY(torrent, piece, payer, payee, asset, chain)   -- buyer: a verified piece's cost per payee
 * </pre>
 *
 * <p>Threading: static and stateless; blocking file I/O.
 */
final class LedgerSchema {
    /** The schema version this code writes and reads. */
    static final int VERSION = 1;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TABLES = List.of("schema_version", "bids", "cheques_sent", "cheques_received",
            "receipts", "settlements", "blocklist", "paid_pieces");

    private static final String[] DDL = {
        "CREATE TABLE schema_version(version INTEGER NOT NULL)",
        """
        CREATE TABLE bids(id INTEGER PRIMARY KEY, direction TEXT NOT NULL, torrent TEXT NOT NULL, buyer TEXT NOT NULL,
          seller TEXT NOT NULL, asset TEXT NOT NULL, price_per_mib TEXT NOT NULL, nonce INTEGER NOT NULL,
          expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, UNIQUE(direction, buyer, seller, nonce))""",
        chequeTable("cheques_sent"),
        chequeTable("cheques_received"),
        """
        CREATE TABLE receipts(id INTEGER PRIMARY KEY, direction TEXT NOT NULL, payer TEXT NOT NULL, payee TEXT NOT NULL,
          asset TEXT NOT NULL, chain TEXT NOT NULL, cumulative TEXT NOT NULL, created_at INTEGER NOT NULL)""",
        """
        CREATE TABLE settlements(id INTEGER PRIMARY KEY, direction TEXT NOT NULL, payer TEXT NOT NULL, payee TEXT NOT NULL,
          asset TEXT NOT NULL, chain TEXT NOT NULL, amount TEXT NOT NULL, txid TEXT UNIQUE, status TEXT NOT NULL,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""",
        "CREATE TABLE blocklist(payer TEXT PRIMARY KEY, reason TEXT NOT NULL, created_at INTEGER NOT NULL)",
        """
        CREATE TABLE paid_pieces(torrent TEXT NOT NULL, piece INTEGER NOT NULL, payer TEXT NOT NULL, payee TEXT NOT NULL,
          asset TEXT NOT NULL, chain TEXT NOT NULL, numerator TEXT NOT NULL, created_at INTEGER NOT NULL,
          PRIMARY KEY(torrent, piece, payer, payee, asset, chain))""",
        "CREATE INDEX settlements_account ON settlements(payer, payee, asset, chain)",
        "CREATE INDEX cheques_sent_time ON cheques_sent(created_at)",
    };

    private LedgerSchema() {
    }

    private static String chequeTable(String name) {
        return "CREATE TABLE " + name + """
                (payer TEXT NOT NULL, payee TEXT NOT NULL, asset TEXT NOT NULL, chain TEXT NOT NULL,
                  sequence INTEGER NOT NULL, cumulative TEXT NOT NULL, delta TEXT NOT NULL, signature BLOB NOT NULL,
                  digest BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(payer, payee, asset, chain, sequence))""";
    }

    /** Creates every table and records {@link #VERSION} (the caller commits). */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO schema_version(version) VALUES (" + VERSION + ")");
        }
    }

    /**
     * Checks that {@code file} starts with the SQLite header (an empty file does not).
     *
     * @throws CorruptLedgerException if it does not
     * @throws LedgerException if it cannot be read
     */
    static void checkHeader(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new LedgerException("ledger " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new CorruptLedgerException("ledger " + file + " is corrupt: not an SQLite database");
        }
    }

    /**
     * Checks, through {@code c} and with reads only, that the database is intact ({@code PRAGMA quick_check}), has
     * every ledger table, and is of {@link #VERSION}. Messages are one line.
     *
     * @throws CorruptLedgerException naming the first problem found
     */
    static void validate(Connection c, Path file) {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(first)) {
                    throw new CorruptLedgerException("ledger " + file + " is corrupt: " + oneLine(first));
                }
            }
            Set<String> tables = tableNames(c);
            if (!tables.containsAll(TABLES)) {
                List<String> missing = new ArrayList<>(TABLES);
                missing.removeAll(tables);
                throw new CorruptLedgerException("ledger " + file + " is not a Swarmbid ledger (missing tables "
                        + missing + ")");
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                int v = rs.next() ? rs.getInt(1) : -1;
                if (v != VERSION) {
                    throw new CorruptLedgerException("ledger " + file + " has schema version " + v
                            + ", this build reads " + VERSION);
                }
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /** The names of the tables in {@code c}'s main database. */
    static Set<String> tableNames(Connection c) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Closes a connection whose opening failed; the original error is the one reported. */
    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the original error is reported
            }
        }
    }

    /** A read that failed on the file's content: SQLite's error or a damaged row. */
    static CorruptLedgerException unreadable(Path file, Exception e) {
        return new CorruptLedgerException("ledger " + file + " cannot be read: " + oneLine(e.getMessage()), e);
    }

    /** The first line of an error message (SQLite's can span several). */
    static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
