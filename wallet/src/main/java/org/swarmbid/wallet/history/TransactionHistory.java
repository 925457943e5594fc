package org.swarmbid.wallet.history;

import com.google.protobuf.InvalidProtocolBufferException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.tron.trident.proto.Chain;

/** The wallet's transaction history in one SQLite file. Thread-safe: every method is synchronized. */
public final class TransactionHistory implements AutoCloseable {

    private static final String COLUMNS = "txid, asset, symbol, decimals, sender, recipient, amount, fee, state,"
            + " block, expiration, created_at, updated_at, detail";

    private final Connection db;

    private TransactionHistory(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the history in {@code file}. */
    public static TransactionHistory open(Path file) {
        return open("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** A history that lives in memory only (tests, throwaway wallets). */
    public static TransactionHistory inMemory() {
        return open("jdbc:sqlite::memory:");
    }

    private static TransactionHistory open(String url) {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS wallet_tx(txid TEXT PRIMARY KEY, asset TEXT NOT NULL,"
                        + " symbol TEXT NOT NULL, decimals INTEGER NOT NULL, sender BLOB NOT NULL, recipient BLOB NOT NULL, amount TEXT NOT NULL, fee INTEGER NOT NULL,"
                        + " state TEXT NOT NULL, block INTEGER, expiration INTEGER NOT NULL,"
                        + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, detail TEXT NOT NULL,"
                        + " signed BLOB NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS wallet_tx_state ON wallet_tx(state)");
                s.execute("CREATE INDEX IF NOT EXISTS wallet_tx_created ON wallet_tx(created_at)");
            }
            return new TransactionHistory(c);
        } catch (SQLException e) {
            throw new HistoryException("cannot open transaction history: " + e.getMessage(), e);
        }
    }

    /**
     * Records a freshly signed transaction in state SIGNED, with its signed bytes. Call before broadcasting.
     *
     * @throws HistoryException if the txid is already recorded
     */
    public synchronized void recordSigned(HistoryEntry entry, SignedTransaction signed) {
        if (entry.state() != TxState.SIGNED || !entry.txid().equals(signed.txidHex())) {
            throw new IllegalArgumentException("record a SIGNED entry whose txid matches the transaction");
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO wallet_tx(" + COLUMNS + ", signed)"
                + " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Asset asset = entry.asset();
            p.setString(1, entry.txid());
            p.setString(2, AssetColumns.code(asset));
            p.setString(3, asset.symbol());
            p.setInt(4, asset.decimals());
            p.setBytes(5, entry.from().toBytes());
            p.setBytes(6, entry.to().toBytes());
            p.setString(7, entry.amount().units().toString());
            p.setLong(8, entry.feeSun());
            p.setString(9, entry.state().name());
            if (entry.blockNumber().isPresent()) {
                p.setLong(10, entry.blockNumber().getAsLong());
            } else {
                p.setNull(10, Types.INTEGER);
            }
            p.setLong(11, entry.expirationMillis());
            p.setLong(12, entry.createdAtMillis());
            p.setLong(13, entry.updatedAtMillis());
            p.setString(14, entry.detail());
            p.setBytes(15, signed.transaction().toByteArray());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new HistoryException("cannot record transaction " + entry.txid() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a transaction to {@code status}. A final state is never left, and nothing goes back to SIGNED.
     *
     * @return true if the row changed
     */
    public synchronized boolean update(String txid, TxStatus status, long atMillis) {
        Optional<HistoryEntry> current = find(txid);
        if (current.isEmpty()) {
            throw new IllegalArgumentException("no recorded transaction " + txid);
        }
        TxState from = current.get().state();
        if (from.isFinal() || status.state() == TxState.SIGNED
                || (from == status.state() && current.get().feeSun() == status.feeSun()
                        && current.get().blockNumber().equals(status.blockNumber()))) {
            return false;
        }
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE wallet_tx SET state=?, block=?, fee=?, detail=?, updated_at=? WHERE txid=?")) {
            p.setString(1, status.state().name());
            if (status.blockNumber().isPresent()) {
                p.setLong(2, status.blockNumber().getAsLong());
            } else {
                p.setNull(2, Types.INTEGER);
            }
            p.setLong(3, status.feeSun());
            p.setString(4, status.detail());
            p.setLong(5, atMillis);
            p.setString(6, txid);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new HistoryException("cannot update transaction " + txid + ": " + e.getMessage(), e);
        }
    }

    /** The entry for {@code txid}. */
    public synchronized Optional<HistoryEntry> find(String txid) {
        List<HistoryEntry> l = query("SELECT " + COLUMNS + " FROM wallet_tx WHERE txid=?", txid);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The signed transaction as recorded, for re-broadcasting. */
    public synchronized Optional<SignedTransaction> signed(String txid) {
        try (PreparedStatement p = db.prepareStatement("SELECT signed FROM wallet_tx WHERE txid=?")) {
            p.setString(1, txid);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new SignedTransaction(Chain.Transaction.parseFrom(r.getBytes(1))))
                        : Optional.empty();
            }
        } catch (SQLException | InvalidProtocolBufferException e) {
            throw new HistoryException("cannot read transaction " + txid + ": " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public synchronized List<HistoryEntry> recent(int limit) {
        if (limit <= 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in [1, 10000]");
        }
        return query("SELECT " + COLUMNS + " FROM wallet_tx ORDER BY created_at DESC, rowid DESC LIMIT "
                + limit);
    }

    /** Entries not yet in a final state, oldest first. */
    public synchronized List<HistoryEntry> unsettled() {
        return query("SELECT " + COLUMNS + " FROM wallet_tx WHERE state IN ('SIGNED','BROADCAST','IN_BLOCK')"
                + " ORDER BY created_at, rowid");
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new HistoryException("cannot close transaction history: " + e.getMessage(), e);
        }
    }

    private List<HistoryEntry> query(String sql, String... args) {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long block = r.getLong(10);
                    OptionalLong bn = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(block);
                    Asset asset = AssetColumns.asset(r.getString(2), r.getString(3), r.getInt(4));
                    out.add(new HistoryEntry(r.getString(1), TronAddress.fromBytes(r.getBytes(5)),
                            TronAddress.fromBytes(r.getBytes(6)), Amount.ofUnits(new BigInteger(r.getString(7)), asset),
                            r.getLong(8), TxState.valueOf(r.getString(9)), bn, r.getLong(11), r.getLong(12),
                            r.getLong(13), r.getString(14)));
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot read transaction history: " + e.getMessage(), e);
        }
        return out;
    }
}
