package org.swarmbid.bidding.buyer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.BuyerConfig;

/**
 * The buying policy of one torrent.
 *
 * <p><b>Bid</b> ({@link #bidPrice}): none when spending is off, the torrent is complete, nothing remains, or
 * tit-for-tat already delivers the wanted rate; otherwise the truthful value
 * {@code min(maxPricePerMiB, floor(remainingBudget x 2^20 / remainingBytes))} where the remaining budget is the
 * smaller of what is left of the torrent's and the day's cap (after reservations); none if that is zero. Under the
 * uniform-price auction bidding this value is weakly dominant, so there is no shading.
 *
 * <p><b>Paying</b>: bytes received in a paid slot are reserved at the slot's clearing price per piece and payee;
 * when the piece passes its hash check they become owed to that payee in the {@link ChequeBook}; when it fails
 * they are dropped (not paid).
 */
public final class TorrentBuyer {
    private BuyerConfig config;
    private final DailyBudget day;
    private final ChequeBook book;
    private final Map<Integer, Map<Account, BigInteger>> pendingByPiece = new HashMap<>();
    private BigInteger spentNumerator = BigInteger.ZERO;
    private BigInteger reservedNumerator = BigInteger.ZERO;

    public TorrentBuyer(BuyerConfig config, DailyBudget day, ChequeBook book) {
        this.config = Objects.requireNonNull(config, "config");
        this.day = Objects.requireNonNull(day, "day");
        this.book = Objects.requireNonNull(book, "book");
    }

    /**
     * Replaces the caps (budget, maximum price) from the next bid on; what was spent and reserved is kept, so a
     * lower budget never undoes a payment already owed. The caller keeps the same lock it holds for every other
     * call.
     */
    public void reconfigure(BuyerConfig next) {
        this.config = Objects.requireNonNull(next, "config");
    }

    /** The caps in force. */
    public BuyerConfig config() {
        return config;
    }

    /** Restores what this torrent already spent, as an exact numerator ({@code Ledger.spentNumeratorOnTorrent}). */
    public void restoreSpent(BigInteger spentNumerator) {
        this.spentNumerator = Pricing.requireAmount(spentNumerator, "spentNumerator");
    }

    /**
     * What a passed piece will owe, per payee, as exact numerators, without changing anything: write these to the
     * ledger ({@code Ledger.recordPiecePaid}) before calling {@link #piecePassed}.
     */
    public Map<Account, BigInteger> owedFor(int piece) {
        Map<Account, BigInteger> pending = pendingByPiece.get(piece);
        return pending == null ? Map.of() : Map.copyOf(pending);
    }

    /** Base units still available to this torrent now: the smaller of its own and the day's remainder. */
    public BigInteger remainingBudget(Instant now) {
        if (!config.spendingEnabled()) {
            return BigInteger.ZERO;
        }
        BigInteger own = config.perTorrentBudget()
                .subtract(DailyBudget.ceilMiB(spentNumerator.add(reservedNumerator))).max(BigInteger.ZERO);
        return own.min(day.remaining(now));
    }

    /** The price per MiB to bid this round, or empty for no bid. */
    public Optional<BigInteger> bidPrice(BidInputs in, Instant now) {
        if (!config.spendingEnabled() || in.complete() || in.remainingBytes() == 0) {
            return Optional.empty();
        }
        if (in.titForTatRate() >= in.wantedRate()) {
            return Optional.empty();
        }
        BigInteger remaining = remainingBudget(now);
        if (remaining.signum() == 0) {
            return Optional.empty();
        }
        BigInteger value = Pricing.pricePerMiBFloor(remaining, in.remainingBytes());
        BigInteger bid = value.min(config.maxPricePerMiB());
        return bid.signum() > 0 ? Optional.of(bid) : Optional.empty();
    }

    /** How many more bytes a paid slot at {@code pricePerMiB} may deliver within the budget (0 = stop requesting). */
    public long affordableBytes(BigInteger pricePerMiB, Instant now) {
        Pricing.requireAmount(pricePerMiB, "price");
        if (pricePerMiB.signum() == 0) {
            return 0;
        }
        BigInteger bytes = remainingBudget(now).shiftLeft(20).divide(pricePerMiB);
        return bytes.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    /** {@code bytes} of {@code piece} arrived in {@code payee}'s paid slot at {@code clearingPricePerMiB}. */
    public void paidBytesReceived(Account payee, int piece, long bytes, BigInteger clearingPricePerMiB) {
        Objects.requireNonNull(payee, "payee");
        if (piece < 0) {
            throw new IllegalArgumentException("piece index must not be negative, got " + piece);
        }
        BigInteger n = Pricing.numerator(bytes, clearingPricePerMiB);
        pendingByPiece.computeIfAbsent(piece, k -> new HashMap<>()).merge(payee, n, BigInteger::add);
        reservedNumerator = reservedNumerator.add(n);
        day.reserve(n);
    }

    /** The piece passed its hash check: what its paid bytes cost becomes owed to their sellers. */
    public void piecePassed(int piece, Instant now) {
        Map<Account, BigInteger> pending = pendingByPiece.remove(piece);
        if (pending == null) {
            return;
        }
        for (Map.Entry<Account, BigInteger> e : pending.entrySet()) {
            BigInteger n = e.getValue();
            reservedNumerator = reservedNumerator.subtract(n);
            spentNumerator = spentNumerator.add(n);
            day.commit(n, now);
            book.owe(e.getKey(), n);
        }
    }

    /** The piece failed its hash check: its paid bytes are not paid. */
    public void pieceFailed(int piece) {
        Map<Account, BigInteger> pending = pendingByPiece.remove(piece);
        if (pending == null) {
            return;
        }
        for (BigInteger n : pending.values()) {
            reservedNumerator = reservedNumerator.subtract(n);
            day.release(n);
        }
    }

    /** Base units this torrent has spent on verified pieces (rounded up). */
    public BigInteger spent() {
        return DailyBudget.ceilMiB(spentNumerator);
    }
}
