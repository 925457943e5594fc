package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.buyer.ChequeBook;
import org.swarmbid.bidding.buyer.DailyBudget;

/**
 * The buyer's books over every torrent and connection: the {@link ChequeBook} (cumulative totals per seller), the
 * {@link DailyBudget}, and per seller the last bid nonce and the settlement threshold from its offer. Every
 * {@code TorrentBuyer} shares the book and the budget, so all of them are used only inside {@link #locked}; the lock
 * guards in-memory arithmetic only, never I/O. Cheques themselves are issued on the worker only (one thread), which
 * serialises sequence numbers per (payer, payee, asset, chain) across all torrents and connections.
 */
final class BuyerDesk {
    static final int MAX_SELLERS = 4096;

    private final ChequeBook book;
    private final DailyBudget day;
    private final Map<Address, long[]> nonces = lru();
    private final Map<Address, BigInteger> thresholds = lru();
    /**
     * Per account, the highest cumulative cheque total and settled total its seller has acknowledged, from a receipt
     * on any connection: receipts are cumulative per account, and a payer buying several torrents from one seller
     * gets the receipt for its last cheque on whichever connection carried that cheque.
     */
    private final Map<Account, BigInteger[]> acknowledged = lru();

    BuyerDesk(ChequeBook book, DailyBudget day) {
        this.book = book;
        this.day = day;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_SELLERS;
            }
        };
    }

    ChequeBook book() {
        return book;
    }

    DailyBudget day() {
        return day;
    }

    /** Runs {@code body} holding the lock that guards the book, the budget and every {@code TorrentBuyer}. */
    synchronized <T> T locked(Supplier<T> body) {
        return body.get();
    }

    synchronized void locked(Runnable body) {
        body.run();
    }

    /**
     * The next bid nonce for {@code seller}: above the last one and at least the current time in milliseconds, so
     * that nonces keep increasing across restarts without being stored.
     */
    synchronized long nextNonce(Address seller, long nowMillis) {
        long[] last = nonces.computeIfAbsent(seller, s -> new long[1]);
        last[0] = Math.max(last[0] + 1, nowMillis);
        return last[0];
    }

    synchronized void threshold(Address seller, BigInteger thresh) {
        thresholds.put(seller, thresh);
    }

    /** The settlement threshold of {@code seller}'s last offer. */
    synchronized Optional<BigInteger> threshold(Address seller) {
        return Optional.ofNullable(thresholds.get(seller));
    }

    /** Records a receipt's totals for {@code account} (each only ever grows). */
    synchronized void acknowledge(Account account, BigInteger cumulative, BigInteger settled) {
        BigInteger[] t = acknowledged.computeIfAbsent(account, a -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
        t[0] = t[0].max(cumulative);
        t[1] = t[1].max(settled);
    }

    /** The cumulative cheque total {@code account}'s seller acknowledged, on any connection (0 if none). */
    synchronized BigInteger acknowledgedCumulative(Account account) {
        BigInteger[] t = acknowledged.get(account);
        return t == null ? BigInteger.ZERO : t[0];
    }

    /** The settled total {@code account}'s seller acknowledged, on any connection (0 if none). */
    synchronized BigInteger acknowledgedSettled(Account account) {
        BigInteger[] t = acknowledged.get(account);
        return t == null ? BigInteger.ZERO : t[1];
    }
}
