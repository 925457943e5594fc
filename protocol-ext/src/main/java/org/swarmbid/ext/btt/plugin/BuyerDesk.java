package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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

    BuyerDesk(ChequeBook book, DailyBudget day) {
        this.book = book;
        this.day = day;
    }

    private static <V> Map<Address, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Address, V> eldest) {
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
}
