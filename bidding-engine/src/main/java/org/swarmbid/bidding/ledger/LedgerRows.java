package org.swarmbid.bidding.ledger;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;

/**
 * Rows of the ledger tables (see {@link LedgerSchema}) turned into values, and the read queries that both
 * {@link Ledger} and {@link LedgerView} answer. Each mapper reads the columns its {@code *_COLUMNS} constant names, in
 * that order. A stored value that is not what the writer stores (an amount that is not decimal digits, an unknown
 * direction or status, an invalid address) throws {@link IllegalArgumentException}: a damaged row is reported, never
 * guessed at.
 *
 * <p>Threading: static and stateless; every method runs on the caller's connection and transaction.
 */
final class LedgerRows {
    static final String BID_COLUMNS =
            "direction, torrent, buyer, seller, asset, price_per_mib, nonce, expires_at, created_at";
    static final String CHEQUE_COLUMNS = "payer, payee, asset, chain, sequence, cumulative, delta, created_at";
    static final String RECEIPT_COLUMNS = "direction, payer, payee, asset, chain, cumulative, created_at";
    static final String SETTLEMENT_COLUMNS =
            "id, direction, payer, payee, asset, chain, amount, txid, status, created_at, updated_at";
    static final String BLOCKLIST_COLUMNS = "payer, reason, created_at";
    static final String PAID_PIECE_COLUMNS = "torrent, piece, payer, payee, asset, chain, numerator, created_at";

    private LedgerRows() {
    }

    /** The cheque table of one direction. */
    static String chequeTable(Direction d) {
        return d == Direction.SENT ? "cheques_sent" : "cheques_received";
    }

    /** A stored amount: decimal digits only, at most 78 of them (uint256). */
    static BigInteger amount(String text) {
        if (text == null || text.isEmpty() || text.length() > 78
                || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("a stored amount is not a non-negative integer");
        }
        return new BigInteger(text);
    }

    /** The account in the four columns payer, payee, asset, chain starting at {@code first}. */
    static Account account(ResultSet rs, int first) throws SQLException {
        return new Account(Address.of(rs.getString(first)), Address.of(rs.getString(first + 1)),
                AssetId.of(rs.getString(first + 2)), ChainId.of(rs.getString(first + 3)));
    }

    /** Binds payer, payee, asset, chain of {@code a} to the four parameters starting at {@code first}. */
    static void bindAccount(PreparedStatement ps, Account a, int first) throws SQLException {
        ps.setString(first, a.payer().value());
        ps.setString(first + 1, a.payee().value());
        ps.setString(first + 2, a.asset().value());
        ps.setString(first + 3, a.chain().value());
    }

    static BidRecord bid(ResultSet rs) throws SQLException {
        return new BidRecord(Direction.valueOf(rs.getString(1)), rs.getString(2), Address.of(rs.getString(3)),
                Address.of(rs.getString(4)), AssetId.of(rs.getString(5)), amount(rs.getString(6)), rs.getLong(7),
                rs.getLong(8), rs.getLong(9));
    }

    static LedgerSnapshot.ChequeRow cheque(ResultSet rs) throws SQLException {
        return new LedgerSnapshot.ChequeRow(account(rs, 1), rs.getLong(5), amount(rs.getString(6)),
                amount(rs.getString(7)), rs.getLong(8));
    }

    static LedgerSnapshot.ReceiptRow receipt(ResultSet rs) throws SQLException {
        return new LedgerSnapshot.ReceiptRow(Direction.valueOf(rs.getString(1)), account(rs, 2),
                amount(rs.getString(6)), rs.getLong(7));
    }

    static SettlementRecord settlement(ResultSet rs) throws SQLException {
        return new SettlementRecord(rs.getLong(1), Direction.valueOf(rs.getString(2)), account(rs, 3),
                amount(rs.getString(7)), Optional.ofNullable(rs.getString(8)), ChainStatus.valueOf(rs.getString(9)),
                rs.getLong(10), rs.getLong(11));
    }

    static LedgerSnapshot.BlockedPayer blockedPayer(ResultSet rs) throws SQLException {
        return new LedgerSnapshot.BlockedPayer(rs.getString(1), rs.getString(2), rs.getLong(3));
    }

    static PaidPiece paidPiece(ResultSet rs) throws SQLException {
        return new PaidPiece(rs.getString(1), rs.getInt(2), account(rs, 3), amount(rs.getString(7)), rs.getLong(8));
    }

    /** Work on one connection, inside the caller's transaction. */
    @FunctionalInterface
    interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** One row to one value. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql}, its parameters bound to {@code params} in order, mapped. */
    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, long... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    /** Number of bids recorded in one direction. */
    static long bidCount(Connection c, Direction d) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM bids WHERE direction=?")) {
            q.setString(1, d.name());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every account with a cheque or a settlement in one direction, ordered by payee, payer, asset, chain. */
    static Set<Account> accounts(Connection c, Direction d) throws SQLException {
        Set<Account> out = new LinkedHashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT payer, payee, asset, chain FROM "
                + chequeTable(d) + " UNION SELECT DISTINCT payer, payee, asset, chain FROM settlements"
                + " WHERE direction=? ORDER BY 2, 1, 3, 4")) {
            q.setString(1, d.name());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(account(rs, 1));
                }
            }
        }
        return out;
    }

    /**
     * Totals of one account in one direction, reconstructed from the rows: the cheque with the highest sequence, the
     * sum of SOLID settlements, the sum of settlements not yet final, the last receipt.
     */
    static Totals totals(Connection c, Direction d, Account a) throws SQLException {
        BigInteger last = BigInteger.ZERO;
        long lastSeq = 0;
        long count = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT sequence, cumulative FROM " + chequeTable(d)
                + " WHERE payer=? AND payee=? AND asset=? AND chain=? ORDER BY sequence")) {
            bindAccount(q, a, 1);
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
            bindAccount(q, a, 2);
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
            bindAccount(q, a, 2);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    receipt = amount(rs.getString(1));
                }
            }
        }
        return new Totals(last, lastSeq, count, settled, inFlight, receipt);
    }
}
