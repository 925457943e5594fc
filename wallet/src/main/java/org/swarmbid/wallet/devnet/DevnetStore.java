package org.swarmbid.wallet.devnet;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response;

/**
 * The devnet's state in SQLite: accounts, TRC-10 and TRC-20 balances, asset definitions, blocks and transactions.
 * Pending transactions are rows with no block number. Not thread-safe: {@link DevnetNode} serialises all access.
 */
final class DevnetStore implements AutoCloseable {

    /** An account row. */
    record AccountRow(ByteString address, long balance, long createTime, long freeNetUsage, long freeNetTime) {
    }

    /** A stored transaction with its info; {@code blockNumber} is -1 while pending. */
    record TxRow(Chain.Transaction transaction, Response.TransactionInfo info, long blockNumber) {
    }

    private final Connection db;

    DevnetStore(String jdbcUrl) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS account(address BLOB PRIMARY KEY, balance INTEGER NOT NULL,"
                    + " create_time INTEGER NOT NULL, free_net_usage INTEGER NOT NULL, free_net_time INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS trc10_balance(address BLOB NOT NULL, token_id TEXT NOT NULL,"
                    + " amount INTEGER NOT NULL, PRIMARY KEY(address, token_id))");
            s.execute("CREATE TABLE IF NOT EXISTS asset(id TEXT PRIMARY KEY, issue BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS trc20_balance(contract BLOB NOT NULL, address BLOB NOT NULL,"
                    + " amount TEXT NOT NULL, PRIMARY KEY(contract, address))");
            s.execute("CREATE TABLE IF NOT EXISTS block(num INTEGER PRIMARY KEY, id BLOB NOT NULL, body BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS tx(txid BLOB PRIMARY KEY, seq INTEGER NOT NULL, block_num INTEGER,"
                    + " body BLOB NOT NULL, info BLOB NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS tx_pending ON tx(block_num, seq)");
        }
        db.setAutoCommit(false);
        db.commit();
    }

    void commit() throws SQLException {
        db.commit();
    }

    void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the next statement reports it
        }
    }

    // ---- accounts

    Optional<AccountRow> account(ByteString address) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT balance, create_time, free_net_usage, free_net_time FROM account WHERE address=?")) {
            p.setBytes(1, address.toByteArray());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new AccountRow(address, r.getLong(1), r.getLong(2), r.getLong(3),
                        r.getLong(4))) : Optional.empty();
            }
        }
    }

    void putAccount(AccountRow a) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO account"
                + "(address, balance, create_time, free_net_usage, free_net_time) VALUES(?,?,?,?,?)")) {
            p.setBytes(1, a.address().toByteArray());
            p.setLong(2, a.balance());
            p.setLong(3, a.createTime());
            p.setLong(4, a.freeNetUsage());
            p.setLong(5, a.freeNetTime());
            p.executeUpdate();
        }
    }

    // ---- TRC-10

    long trc10Balance(ByteString address, String tokenId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT amount FROM trc10_balance WHERE address=? AND token_id=?")) {
            p.setBytes(1, address.toByteArray());
            p.setString(2, tokenId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    List<String[]> trc10Balances(ByteString address) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT token_id, amount FROM trc10_balance WHERE address=? AND amount > 0 ORDER BY token_id")) {
            p.setBytes(1, address.toByteArray());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), Long.toString(r.getLong(2))});
                }
            }
        }
        return out;
    }

    void putTrc10Balance(ByteString address, String tokenId, long amount) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR REPLACE INTO trc10_balance(address, token_id, amount) VALUES(?,?,?)")) {
            p.setBytes(1, address.toByteArray());
            p.setString(2, tokenId);
            p.setLong(3, amount);
            p.executeUpdate();
        }
    }

    Optional<Contract.AssetIssueContract> asset(String id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT issue FROM asset WHERE id=?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(parse(Contract.AssetIssueContract.parser(), r.getBytes(1)))
                        : Optional.empty();
            }
        }
    }

    void putAsset(Contract.AssetIssueContract asset) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO asset(id, issue) VALUES(?,?)")) {
            p.setString(1, asset.getId());
            p.setBytes(2, asset.toByteArray());
            p.executeUpdate();
        }
    }

    // ---- TRC-20

    BigInteger trc20Balance(ByteString contract, ByteString address) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT amount FROM trc20_balance WHERE contract=? AND address=?")) {
            p.setBytes(1, contract.toByteArray());
            p.setBytes(2, address.toByteArray());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new BigInteger(r.getString(1)) : BigInteger.ZERO;
            }
        }
    }

    void putTrc20Balance(ByteString contract, ByteString address, BigInteger amount) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR REPLACE INTO trc20_balance(contract, address, amount) VALUES(?,?,?)")) {
            p.setBytes(1, contract.toByteArray());
            p.setBytes(2, address.toByteArray());
            p.setString(3, amount.toString());
            p.executeUpdate();
        }
    }

    // ---- blocks

    long headNumber() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(num) FROM block")) {
            r.next();
            long n = r.getLong(1);
            return r.wasNull() ? -1 : n;
        }
    }

    Optional<Chain.Block> block(long num) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT body FROM block WHERE num=?")) {
            p.setLong(1, num);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(parse(Chain.Block.parser(), r.getBytes(1))) : Optional.empty();
            }
        }
    }

    Optional<ByteString> blockId(long num) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT id FROM block WHERE num=?")) {
            p.setLong(1, num);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(ByteString.copyFrom(r.getBytes(1))) : Optional.empty();
            }
        }
    }

    void putBlock(long num, ByteString id, Chain.Block block) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO block(num, id, body) VALUES(?,?,?)")) {
            p.setLong(1, num);
            p.setBytes(2, id.toByteArray());
            p.setBytes(3, block.toByteArray());
            p.executeUpdate();
        }
    }

    // ---- transactions

    boolean hasTransaction(ByteString txid) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM tx WHERE txid=?")) {
            p.setBytes(1, txid.toByteArray());
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    Optional<TxRow> transaction(ByteString txid) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT body, info, block_num FROM tx WHERE txid=?")) {
            p.setBytes(1, txid.toByteArray());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long num = r.getLong(3);
                if (r.wasNull()) {
                    num = -1;
                }
                return Optional.of(new TxRow(parse(Chain.Transaction.parser(), r.getBytes(1)),
                        parse(Response.TransactionInfo.parser(), r.getBytes(2)), num));
            }
        }
    }

    void addPending(ByteString txid, Chain.Transaction tx, Response.TransactionInfo info) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO tx(txid, seq, block_num, body, info)"
                + " VALUES(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM tx), NULL, ?, ?)")) {
            p.setBytes(1, txid.toByteArray());
            p.setBytes(2, tx.toByteArray());
            p.setBytes(3, info.toByteArray());
            p.executeUpdate();
        }
    }

    List<TxRow> pending() throws SQLException {
        List<TxRow> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT body, info FROM tx WHERE block_num IS NULL ORDER BY seq")) {
            while (r.next()) {
                out.add(new TxRow(parse(Chain.Transaction.parser(), r.getBytes(1)),
                        parse(Response.TransactionInfo.parser(), r.getBytes(2)), -1));
            }
        }
        return out;
    }

    void markPacked(ByteString txid, long blockNum, Response.TransactionInfo info) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE tx SET block_num=?, info=? WHERE txid=?")) {
            p.setLong(1, blockNum);
            p.setBytes(2, info.toByteArray());
            p.setBytes(3, txid.toByteArray());
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    private static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] bytes) throws SQLException {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("corrupt devnet row", e);
        }
    }
}
