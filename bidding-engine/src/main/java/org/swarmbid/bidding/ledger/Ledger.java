package org.swarmbid.bidding.ledger;

import java.io.IOException;
import java.math.BigInteger;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.port.TxIds;

/**
 * The SQLite payment ledger, read and written by the client that owns it. See the package documentation for the
 * guarantees and {@code LedgerSchema} for the tables; tools that only look at a ledger open a {@link LedgerView}.
 */
public final class Ledger implements AutoCloseable {
    /** The schema version this code writes and reads. */
    public static final int SCHEMA_VERSION = LedgerSchema.VERSION;

    private final Path file;
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();

    private Ledger(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /**
     * Opens the ledger at {@code file}, creating it (and the schema) if it does not exist or is empty.
     *
     * @throws CorruptLedgerException if the file exists but is not a readable ledger of a supported version;
     *     the file is left exactly as it was
     * @throws LedgerException for other I/O or database errors
     */
    public static Ledger open(Path file) {
        Objects.requireNonNull(file, "file");
        boolean existing = Files.exists(file) && sizeOf(file) > 0;
        if (existing) {
            validateReadOnly(file);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new LedgerException("ledger " + file + ": could not switch to WAL mode");
                    }
                }
                s.execute("PRAGMA synchronous=FULL");
            }
            c.setAutoCommit(false);
            if (!existing) {
                if (LedgerSchema.tableNames(c).isEmpty()) {
                    LedgerSchema.create(c);
                }
                c.commit();
            }
            return new Ledger(file, c);
        } catch (SQLException e) {
            LedgerSchema.closeQuietly(c);
            throw new LedgerException("ledger " + file + ": cannot open: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LedgerSchema.closeQuietly(c);
            throw e;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LedgerException("ledger " + file + ": cannot read size: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the header, integrity, tables and version through a read-only connection, so a bad file is never
     * written.
     */
    private static void validateReadOnly(Path file) {
        try {
            LedgerSchema.checkHeader(file);
            org.sqlite.SQLiteConfig ro = new org.sqlite.SQLiteConfig();
            ro.setReadOnly(true);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), ro.toProperties())) {
                LedgerSchema.validate(c, file);
            } catch (SQLException e) {
                throw LedgerSchema.unreadable(file, e);
            }
        } catch (CorruptLedgerException e) {
            throw new CorruptLedgerException(e.getMessage() + "; left untouched", e.getCause());
        }
    }

    /** The file this ledger lives in. */
    public Path file() {
        return file;
    }

    private <T> T inTransaction(String what, LedgerRows.Query<T> tx) {
        lock.lock();
        try {
            try {
                T result = tx.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    conn.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                if (e instanceof LedgerException le) {
                    throw le;
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new LedgerException("ledger " + file + ": " + what + " failed: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- bids

    /** Records a bid; idempotent on (direction, buyer, seller, nonce) — another price under the same key is a conflict. */
    public Recorded recordBid(BidRecord b) {
        Objects.requireNonNull(b, "bid");
        return inTransaction("recording a bid", c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT torrent, asset, price_per_mib, expires_at FROM bids WHERE direction=? AND buyer=? AND seller=? AND nonce=?")) {
                q.setString(1, b.direction().name());
                q.setString(2, b.buyer().value());
                q.setString(3, b.seller().value());
                q.setLong(4, b.nonce());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        boolean same = rs.getString(1).equals(b.torrent()) && rs.getString(2).equals(b.asset().value())
                                && LedgerRows.amount(rs.getString(3)).equals(b.pricePerMiB()) && rs.getLong(4) == b.expiresAtMillis();
                        if (!same) {
                            throw new LedgerConflictException("bid nonce " + b.nonce() + " of " + b.buyer() + " is already recorded with other terms");
                        }
                        return Recorded.DUPLICATE;
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO bids(direction, torrent, buyer, seller, asset, price_per_mib, nonce, expires_at, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ins.setString(1, b.direction().name());
                ins.setString(2, b.torrent());
                ins.setString(3, b.buyer().value());
                ins.setString(4, b.seller().value());
                ins.setString(5, b.asset().value());
                ins.setString(6, b.pricePerMiB().toString());
                ins.setLong(7, b.nonce());
                ins.setLong(8, b.expiresAtMillis());
                ins.setLong(9, b.createdAtMillis());
                ins.executeUpdate();
            }
            return Recorded.INSERTED;
        });
    }

    /** Number of bids recorded in one direction. */
    public long bidCount(Direction direction) {
        return inTransaction("counting bids", c -> LedgerRows.bidCount(c, direction));
    }

    // ---------------------------------------------------------------- cheques

    /**
     * Records a cheque we signed, before it is sent. Idempotent: the identical cheque again is
     * {@link Recorded#DUPLICATE}.
     *
     * @throws LedgerConflictException if the sequence is taken by another cheque, or the cheque does not raise the
     *     cumulative total above the cheque with the highest sequence
     */
    public Recorded recordChequeSent(Cheque cheque, Digest32 digest, long nowMillis) {
        return recordCheque("cheques_sent", cheque, digest, nowMillis);
    }

    /** Records a cheque we accepted, before it is counted or answered with a receipt. Same rules as {@link #recordChequeSent}. */
    public Recorded recordChequeReceived(Cheque cheque, Digest32 digest, long nowMillis) {
        return recordCheque("cheques_received", cheque, digest, nowMillis);
    }

    private Recorded recordCheque(String table, Cheque ch, Digest32 digest, long now) {
        Objects.requireNonNull(ch, "cheque");
        Objects.requireNonNull(digest, "digest");
        Account a = ch.account();
        return inTransaction("recording a cheque", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT cumulative, signature FROM " + table
                    + " WHERE payer=? AND payee=? AND asset=? AND chain=? AND sequence=?")) {
                LedgerRows.bindAccount(q, a, 1);
                q.setLong(5, ch.sequence());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        if (LedgerRows.amount(rs.getString(1)).equals(ch.cumulative()) && Arrays.equals(rs.getBytes(2), ch.signature())) {
                            return Recorded.DUPLICATE;
                        }
                        throw new LedgerConflictException("cheque sequence " + ch.sequence() + " is already recorded with other content");
                    }
                }
            }
            BigInteger previous = BigInteger.ZERO;
            try (PreparedStatement q = c.prepareStatement("SELECT sequence, cumulative FROM " + table
                    + " WHERE payer=? AND payee=? AND asset=? AND chain=? ORDER BY sequence DESC LIMIT 1")) {
                LedgerRows.bindAccount(q, a, 1);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        long lastSeq = rs.getLong(1);
                        previous = LedgerRows.amount(rs.getString(2));
                        if (ch.sequence() < lastSeq || ch.cumulative().compareTo(previous) <= 0) {
                            throw new LedgerConflictException("cheque " + ch.sequence() + "/" + ch.cumulative()
                                    + " does not follow the recorded " + lastSeq + "/" + previous);
                        }
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table
                    + "(payer, payee, asset, chain, sequence, cumulative, delta, signature, digest, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                LedgerRows.bindAccount(ins, a, 1);
                ins.setLong(5, ch.sequence());
                ins.setString(6, ch.cumulative().toString());
                ins.setString(7, ch.cumulative().subtract(previous).toString());
                ins.setBytes(8, ch.signature());
                ins.setBytes(9, digest.bytes());
                ins.setLong(10, now);
                ins.executeUpdate();
            }
            return Recorded.INSERTED;
        });
    }

    /** The last (highest-sequence) cheque of an account in one direction, with its signature, for resending. */
    public Optional<Cheque> lastCheque(Direction direction, Account a) {
        String table = LedgerRows.chequeTable(direction);
        return inTransaction("reading a cheque", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT cumulative, sequence, signature FROM " + table
                    + " WHERE payer=? AND payee=? AND asset=? AND chain=? ORDER BY sequence DESC LIMIT 1")) {
                LedgerRows.bindAccount(q, a, 1);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Cheque(a, LedgerRows.amount(rs.getString(1)), rs.getLong(2), rs.getBytes(3)));
                }
            }
        });
    }

    /**
     * What we committed to pay in cheques created in {@code [fromMillis, toMillis)} over all payees: the sum of
     * each sent cheque's increase over the previous one (the buyer's daily budget after a restart).
     */
    public BigInteger chequedBetween(long fromMillis, long toMillis) {
        return inTransaction("summing cheques", c -> {
            BigInteger sum = BigInteger.ZERO;
            try (PreparedStatement q = c.prepareStatement("SELECT delta FROM cheques_sent WHERE created_at >= ? AND created_at < ?")) {
                q.setLong(1, fromMillis);
                q.setLong(2, toMillis);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sum = sum.add(LedgerRows.amount(rs.getString(1)));
                    }
                }
            }
            return sum;
        });
    }

    // ---------------------------------------------------------------- paid pieces (buyer)

    /**
     * Records, before the buyer counts it, that a verified piece of {@code torrent} owes {@code numerator}
     * (bytes x price per MiB, exact) to the payee of {@code account}. Idempotent on (torrent, piece, account).
     *
     * @param torrent the info-hash as lower-case hex
     */
    public Recorded recordPiecePaid(String torrent, int piece, Account account, BigInteger numerator, long nowMillis) {
        Objects.requireNonNull(torrent, "torrent");
        if (piece < 0) {
            throw new IllegalArgumentException("piece index must not be negative, got " + piece);
        }
        Pricing.requireAmount(numerator, "numerator");
        return inTransaction("recording a paid piece", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT numerator FROM paid_pieces"
                    + " WHERE torrent=? AND piece=? AND payer=? AND payee=? AND asset=? AND chain=?")) {
                q.setString(1, torrent);
                q.setInt(2, piece);
                LedgerRows.bindAccount(q, account, 3);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        if (LedgerRows.amount(rs.getString(1)).equals(numerator)) {
                            return Recorded.DUPLICATE;
                        }
                        throw new LedgerConflictException("piece " + piece + " is already recorded as paid with another amount");
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO paid_pieces"
                    + "(torrent, piece, payer, payee, asset, chain, numerator, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
                ins.setString(1, torrent);
                ins.setInt(2, piece);
                LedgerRows.bindAccount(ins, account, 3);
                ins.setString(7, numerator.toString());
                ins.setLong(8, nowMillis);
                ins.executeUpdate();
            }
            return Recorded.INSERTED;
        });
    }

    /** Sum of paid-piece numerators owed to one account (restores {@code ChequeBook} exactly, fractions included). */
    public BigInteger owedNumerator(Account account) {
        return sumNumerators("SELECT numerator FROM paid_pieces WHERE payer=? AND payee=? AND asset=? AND chain=?",
                ps -> LedgerRows.bindAccount(ps, account, 1));
    }

    /** Sum of paid-piece numerators of one torrent (restores the per-torrent cap). */
    public BigInteger spentNumeratorOnTorrent(String torrent) {
        return sumNumerators("SELECT numerator FROM paid_pieces WHERE torrent=?", ps -> ps.setString(1, torrent));
    }

    /** Sum of paid-piece numerators recorded in {@code [fromMillis, toMillis)} (restores the daily cap). */
    public BigInteger spentNumeratorBetween(long fromMillis, long toMillis) {
        return sumNumerators("SELECT numerator FROM paid_pieces WHERE created_at >= ? AND created_at < ?", ps -> {
            ps.setLong(1, fromMillis);
            ps.setLong(2, toMillis);
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private BigInteger sumNumerators(String sql, Binder binder) {
        return inTransaction("summing paid pieces", c -> {
            BigInteger sum = BigInteger.ZERO;
            try (PreparedStatement q = c.prepareStatement(sql)) {
                binder.bind(q);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sum = sum.add(LedgerRows.amount(rs.getString(1)));
                    }
                }
            }
            return sum;
        });
    }

    // ---------------------------------------------------------------- receipts

    /** Records a receipt we sent ({@link Direction#RECEIVED} side: we are the payee) or received. */
    public void recordReceipt(Direction direction, Account a, BigInteger cumulative, long nowMillis) {
        Pricing.requireAmount(cumulative, "cumulative");
        inTransaction("recording a receipt", c -> {
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO receipts(direction, payer, payee, asset, chain, cumulative, created_at) VALUES (?,?,?,?,?,?,?)")) {
                ins.setString(1, direction.name());
                LedgerRows.bindAccount(ins, a, 2);
                ins.setString(6, cumulative.toString());
                ins.setLong(7, nowMillis);
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** How many receipts are recorded on the {@code direction} side (RECEIVED: we are the payee). */
    public long receiptCount(Direction direction) {
        return inTransaction("counting receipts", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM receipts WHERE direction=?")) {
                q.setString(1, direction.name());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---------------------------------------------------------------- settlements

    /**
     * Records our intent to settle {@code amount} with the payee ({@link ChainStatus#REQUESTED}, no txid yet),
     * before the settlement port is asked. Returns the id to pass as the port's idempotency key.
     */
    public long recordSettlementRequested(Account a, BigInteger amount, long nowMillis) {
        Pricing.requireAmount(amount, "amount");
        return inTransaction("recording a settlement", c -> insertSettlement(c, Direction.SENT, a, amount, null, ChainStatus.REQUESTED, nowMillis));
    }

    /** Attaches the wallet's transaction id to a requested settlement, with its status. */
    public void recordSettlementTxid(long id, String txid, ChainStatus status, long nowMillis) {
        TxIds.require(txid);
        inTransaction("recording a txid", c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE settlements SET txid=?, status=?, updated_at=? WHERE id=? AND (txid IS NULL OR txid=?)")) {
                up.setString(1, txid);
                up.setString(2, status.name());
                up.setLong(3, nowMillis);
                up.setLong(4, id);
                up.setString(5, txid);
                if (up.executeUpdate() != 1) {
                    throw new LedgerConflictException("settlement " + id + " does not exist or already has another txid");
                }
            }
            return null;
        });
    }

    /**
     * Records a payer's settlement claim we received (status {@link ChainStatus#BROADCAST} until verified).
     * Idempotent on the txid; the same txid with other terms is a conflict.
     */
    public Recorded recordSettlementClaim(Account a, String txid, BigInteger amount, long nowMillis) {
        TxIds.require(txid);
        Pricing.requireAmount(amount, "amount");
        return inTransaction("recording a settlement claim", c -> {
            Optional<SettlementRecord> existing = byTxid(c, txid);
            if (existing.isPresent()) {
                SettlementRecord r = existing.get();
                if (r.direction() == Direction.RECEIVED && r.account().equals(a) && r.amount().equals(amount)) {
                    return Recorded.DUPLICATE;
                }
                throw new LedgerConflictException("txid " + txid + " is already recorded for another settlement");
            }
            insertSettlement(c, Direction.RECEIVED, a, amount, txid, ChainStatus.BROADCAST, nowMillis);
            return Recorded.INSERTED;
        });
    }

    /**
     * Updates a settlement's chain status. A final status never changes again: updating a final record to
     * another status is a conflict, to the same status a no-op.
     *
     * @return the record after the update
     */
    public SettlementRecord updateSettlementStatus(String txid, ChainStatus status, long nowMillis) {
        TxIds.require(txid);
        Objects.requireNonNull(status, "status");
        if (status == ChainStatus.REQUESTED) {
            throw new IllegalArgumentException("a settlement with a txid cannot go back to REQUESTED");
        }
        return inTransaction("updating a settlement", c -> {
            SettlementRecord r = byTxid(c, txid).orElseThrow(() -> new LedgerException("no settlement with txid " + txid));
            if (r.status() == status) {
                return r;
            }
            if (r.status().isFinal()) {
                throw new LedgerConflictException("settlement " + txid + " is final (" + r.status() + "), cannot become " + status);
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE settlements SET status=?, updated_at=? WHERE id=?")) {
                up.setString(1, status.name());
                up.setLong(2, nowMillis);
                up.setLong(3, r.id());
                up.executeUpdate();
            }
            return byTxid(c, txid).orElseThrow();
        });
    }

    /** Settlements in one direction whose status is one of {@code statuses}, oldest first. */
    public List<SettlementRecord> settlements(Direction direction, Set<ChainStatus> statuses) {
        return inTransaction("listing settlements", c -> {
            List<SettlementRecord> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + LedgerRows.SETTLEMENT_COLUMNS
                    + " FROM settlements WHERE direction=? ORDER BY id")) {
                q.setString(1, direction.name());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        SettlementRecord r = LedgerRows.settlement(rs);
                        if (statuses.contains(r.status())) {
                            out.add(r);
                        }
                    }
                }
            }
            return out;
        });
    }

    private static long insertSettlement(Connection c, Direction d, Account a, BigInteger amount, String txid,
            ChainStatus status, long now) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO settlements(direction, payer, payee, asset, chain, amount, txid, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, d.name());
            LedgerRows.bindAccount(ins, a, 2);
            ins.setString(6, amount.toString());
            ins.setString(7, txid);
            ins.setString(8, status.name());
            ins.setLong(9, now);
            ins.setLong(10, now);
            ins.executeUpdate();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Optional<SettlementRecord> byTxid(Connection c, String txid) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + LedgerRows.SETTLEMENT_COLUMNS
                + " FROM settlements WHERE txid=?")) {
            q.setString(1, txid);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(LedgerRows.settlement(rs)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- blocklist

    /** Puts a payer on the blocklist (idempotent). */
    public void blocklist(Address payer, String reason, long nowMillis) {
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(reason, "reason");
        inTransaction("blocklisting", c -> {
            try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO blocklist(payer, reason, created_at) VALUES (?,?,?)")) {
                ins.setString(1, payer.value());
                ins.setString(2, reason.length() > 200 ? reason.substring(0, 200) : reason);
                ins.setLong(3, nowMillis);
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** Every blocklisted payer. */
    public Set<Address> blocklisted() {
        return inTransaction("reading the blocklist", c -> {
            Set<Address> out = new LinkedHashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT payer FROM blocklist ORDER BY created_at")) {
                while (rs.next()) {
                    out.add(Address.of(rs.getString(1)));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- totals

    /** Every account that has a cheque or settlement in one direction, ordered by payee, payer, asset, chain. */
    public Set<Account> accounts(Direction direction) {
        return inTransaction("listing accounts", c -> LedgerRows.accounts(c, direction));
    }

    /** Totals of one account in one direction, reconstructed from the rows. */
    public Totals totals(Direction direction, Account a) {
        return inTransaction("computing totals", c -> LedgerRows.totals(c, direction, a));
    }

    /** Closes the connection (checkpointing the WAL). */
    @Override
    public void close() {
        lock.lock();
        try {
            conn.close();
        } catch (SQLException e) {
            throw new LedgerException("ledger " + file + ": close failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
