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
 *
 * <p><b>Hard caps</b> (docs/btt-extension.md 7.1): the per-torrent and per-day budgets bound what is ever owed.
 * <ul>
 *   <li>While a paid slot is open ({@link #paidSlotOpened}) its <em>exposure</em> is <b>held</b> against both caps:
 *       the bytes the seller may still send, at the slot's price, between the moment the buyer withdraws its bid
 *       and the moment the seller acts on it. {@link #remainingBudget} subtracts every hold, so bids, other slots
 *       and other torrents never count on that money.</li>
 *   <li>{@link #mustWithdraw}: as soon as the next block would eat into the holds, the buyer withdraws from that
 *       seller ({@link #withdrawing}); from then on every paid block it still receives from it is taken out of the
 *       hold, so spent + reserved + held never grows, until the seller's acknowledgement closes the slot
 *       ({@link #paidSlotClosed}).</li>
 *   <li>A paid block is counted only if spent + reserved + the block stay within both caps
 *       ({@link #paidBytesReceived} returns false otherwise): whatever a seller sends beyond the exposure it
 *       announced is never owed, so the cheques never exceed a cap.</li>
 * </ul>
 */
public final class TorrentBuyer {
    /** The block size of BEP 3 requests: the margin for the one block that may arrive before a decision. */
    public static final int BLOCK = 16 * 1024;

    /** An open paid slot's hold on the budgets. */
    private static final class Hold {
        BigInteger numerator;
        boolean withdrawing;

        Hold(BigInteger numerator) {
            this.numerator = numerator;
        }
    }

    private BuyerConfig config;
    private final DailyBudget day;
    private final ChequeBook book;
    private final Map<Integer, Map<Account, BigInteger>> pendingByPiece = new HashMap<>();
    private BigInteger spentNumerator = BigInteger.ZERO;
    private BigInteger reservedNumerator = BigInteger.ZERO;
    private final Map<Account, Hold> holds = new HashMap<>();
    private BigInteger heldNumerator = BigInteger.ZERO;

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

    /**
     * Base units still available to this torrent now: the smaller of its own and the day's remainder, after what is
     * spent, reserved and held for open paid slots.
     */
    public BigInteger remainingBudget(Instant now) {
        if (!config.spendingEnabled()) {
            return BigInteger.ZERO;
        }
        BigInteger own = config.perTorrentBudget()
                .subtract(DailyBudget.ceilMiB(spentNumerator.add(reservedNumerator).add(heldNumerator)))
                .max(BigInteger.ZERO);
        return own.min(day.remaining(now));
    }

    /**
     * True if a paid slot from {@code payee} at {@code pricePerMiB} fits the budget now: what is left (not counting
     * that payee's own hold, if its slot is open) covers the slot's exposure of {@code exposureBytes} plus one block.
     * Bid for a slot only if it does.
     */
    public boolean affordsPaidSlot(Account payee, BigInteger pricePerMiB, long exposureBytes, Instant now) {
        Pricing.requireAmount(pricePerMiB, "price");
        Hold own = holds.get(payee);
        if (own != null && own.withdrawing) {
            return false;
        }
        BigInteger ownHold = own == null ? BigInteger.ZERO : DailyBudget.ceilMiB(own.numerator);
        BigInteger need = DailyBudget.ceilMiB(Pricing.numerator(Math.addExact(exposureBytes, BLOCK), pricePerMiB));
        return remainingBudget(now).add(ownHold).compareTo(need) >= 0;
    }

    /**
     * A paid slot from {@code payee} at {@code pricePerMiB} is ours (a {@code bid_response} with {@code ok=1}): holds
     * its exposure, {@code exposureBytes} at that price, against both caps. A slot already open takes the new price
     * and exposure; one being withdrawn keeps its shrinking hold.
     */
    public void paidSlotOpened(Account payee, BigInteger pricePerMiB, long exposureBytes) {
        Objects.requireNonNull(payee, "payee");
        if (exposureBytes < 0) {
            throw new IllegalArgumentException("exposure must not be negative, got " + exposureBytes);
        }
        Hold h = holds.get(payee);
        if (h != null && h.withdrawing) {
            return;
        }
        BigInteger n = Pricing.numerator(exposureBytes, pricePerMiB);
        if (h == null) {
            holds.put(payee, new Hold(n));
        } else {
            unhold(h.numerator);
            h.numerator = n;
        }
        heldNumerator = heldNumerator.add(n);
        day.hold(n);
    }

    /**
     * True if the paid slot from {@code payee} must be withdrawn now: it is open, not yet being withdrawn, and one
     * more block at {@code pricePerMiB} would no longer fit beside the holds (or spending is off).
     */
    public boolean mustWithdraw(Account payee, BigInteger pricePerMiB, Instant now) {
        Hold h = holds.get(payee);
        if (h == null || h.withdrawing) {
            return false;
        }
        BigInteger block = DailyBudget.ceilMiB(Pricing.numerator(BLOCK, pricePerMiB));
        return remainingBudget(now).compareTo(block) < 0;
    }

    /**
     * We sent {@code payee} a withdrawal: every paid block still received from it comes out of its hold (the hold
     * covered exactly those), until {@link #paidSlotClosed}.
     */
    public void withdrawing(Account payee) {
        Hold h = holds.get(payee);
        if (h != null) {
            h.withdrawing = true;
        }
    }

    /** True while a withdrawal from {@code payee} waits for the seller's acknowledgement. */
    public boolean isWithdrawing(Account payee) {
        Hold h = holds.get(payee);
        return h != null && h.withdrawing;
    }

    /** The paid slot from {@code payee} ended (lost round, acknowledged withdrawal, revoked, disconnected). */
    public void paidSlotClosed(Account payee) {
        Hold h = holds.remove(payee);
        if (h != null) {
            unhold(h.numerator);
        }
    }

    private void unhold(BigInteger n) {
        heldNumerator = heldNumerator.subtract(n).max(BigInteger.ZERO);
        day.unhold(n);
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

    /**
     * {@code bytes} of {@code piece} arrived in {@code payee}'s paid slot at {@code clearingPricePerMiB}. They are
     * counted (reserved, owed once the piece passes) only if spent plus reserved plus these bytes stay within both
     * caps; a withdrawn slot's hold shrinks by them either way.
     *
     * @return true if counted, false if they would have exceeded a cap (not paid for)
     */
    public boolean paidBytesReceived(Account payee, int piece, long bytes, BigInteger clearingPricePerMiB) {
        Objects.requireNonNull(payee, "payee");
        if (piece < 0) {
            throw new IllegalArgumentException("piece index must not be negative, got " + piece);
        }
        BigInteger n = Pricing.numerator(bytes, clearingPricePerMiB);
        Hold h = holds.get(payee);
        if (h != null && h.withdrawing) {
            BigInteger used = n.min(h.numerator);
            h.numerator = h.numerator.subtract(used);
            unhold(used);
        }
        boolean ownFits = DailyBudget.ceilMiB(spentNumerator.add(reservedNumerator).add(n))
                .compareTo(config.perTorrentBudget()) <= 0;
        if (!ownFits || !day.fits(n)) {
            return false;
        }
        pendingByPiece.computeIfAbsent(piece, k -> new HashMap<>()).merge(payee, n, BigInteger::add);
        reservedNumerator = reservedNumerator.add(n);
        day.reserve(n);
        return true;
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
