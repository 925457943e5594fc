package org.swarmbid.bidding.seller;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.api.ErrorCode;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.port.ChequeVerifierPort;
import org.swarmbid.bidding.port.Digest32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seller's accounts of all payers, its blocklist, and the decisions taken from them.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li><b>Credit window</b> ({@link #creditWindowBytes}): {@code min(max, initial + confirmedSettlements x increase)}
 *       bytes; an unknown payer starts at {@code initialCreditBytes} (Filecoin's growing payment interval).
 *       {@link ErrorCode#OVER_CREDIT} when {@code owedForSent - acceptedCumulative} exceeds the window priced at
 *       the payer's current clearing price (rounded up).</li>
 *   <li><b>Settlement threshold</b>: {@link ErrorCode#OVER_THRESHOLD} when accepted-but-unsettled exceeds it. When
 *       unsettled reaches the threshold a settlement falls due; if it is still due after
 *       {@code settlementDeadlineMillis} ({@link #tick}) the payer misses one and the clock restarts. A claimed
 *       settlement that turns out FAILED/EXPIRED also counts as missed. At {@code maxMissedSettlements} the payer
 *       is blocklisted ({@link ErrorCode#BLOCKLISTED}) for good (persist with the ledger).</li>
 * </ul>
 *
 * <h2>Cheque rule</h2>
 * In this order: payee, asset, chain must be ours ({@code WRONG_*}); the signature must verify for the payer
 * ({@code BAD_SIGNATURE}); the exact last accepted cheque again is a {@link ChequeVerdict.Duplicate}; the same
 * sequence with other content is {@code SEQUENCE_CONFLICT}; a sequence or cumulative amount not strictly above
 * the last is {@code STALE_CHEQUE}; a cumulative amount below {@code owedForVerified - amountFloor(chequeLagBytes,
 * currentPrice)} is {@code UNDERPAID}. <b>Tolerance:</b> a cheque may lag the verified bytes by
 * {@code chequeLagBytes} at the current price, because the buyer's signing is asynchronous and the {@code have} for
 * a piece can overtake the cheque that pays for the previous one; both sides round down on the exact total, so
 * there is no per-block rounding slack to allow for. Paying more than owed is accepted.
 */
public final class SellerBook {
    private static final Logger LOG = LoggerFactory.getLogger(SellerBook.class);

    private SellerConfig config;
    private final SellerTerms terms;
    private final ChequeVerifierPort verifier;
    private final Map<Address, BuyerAccount> accounts = new HashMap<>();
    private final Set<Address> blocklist = new HashSet<>();

    public SellerBook(SellerConfig config, SellerTerms terms, ChequeVerifierPort verifier) {
        this.config = Objects.requireNonNull(config, "config");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Replaces the seller's terms (credit window growth and cap, settlement threshold and deadline, missed
     * settlements, cheque lag) from the next decision on; every payer's account, history and standing are kept, so a
     * payer's window is recomputed from its confirmed settlements under the new terms. The caller holds the same lock
     * it holds for every other call.
     */
    public void reconfigure(SellerConfig next) {
        this.config = Objects.requireNonNull(next, "config");
    }

    /** The terms in force. */
    public SellerConfig config() {
        return config;
    }

    /** The account of {@code payer}, created empty on first use. */
    public BuyerAccount account(Address payer) {
        return accounts.computeIfAbsent(payer, BuyerAccount::new);
    }

    /** Restores a payer's totals from the ledger after a restart (before any traffic). */
    public void restore(Address payer, BigInteger acceptedCumulative, long lastSequence, BigInteger settled,
            int confirmedSettlements, int missedSettlements, boolean blocklisted) {
        account(payer).restore(acceptedCumulative, lastSequence, settled, confirmedSettlements, missedSettlements);
        if (blocklisted) {
            blocklist.add(payer);
        }
    }

    /** Payers on the blocklist. */
    public Set<Address> blocklist() {
        return Collections.unmodifiableSet(blocklist);
    }

    /** True if {@code payer} is blocklisted. */
    public boolean isBlocklisted(Address payer) {
        return blocklist.contains(payer);
    }

    /** The credit window of {@code payer} in bytes. */
    public long creditWindowBytes(Address payer) {
        BuyerAccount a = accounts.get(payer);
        int n = a == null ? 0 : a.confirmedSettlements();
        long grown;
        try {
            grown = Math.addExact(config.initialCreditBytes(), Math.multiplyExact((long) n, config.creditIncreaseBytes()));
        } catch (ArithmeticException overflow) {
            grown = Long.MAX_VALUE;
        }
        return Math.min(config.maxCreditBytes(), grown);
    }

    /**
     * May {@code payer} keep its paid slot (and may a new bid of it enter the auction)? Checks, in order,
     * blocklist, an overdue settlement, the settlement threshold and the credit window.
     */
    public SlotDecision slotDecision(Address payer, long nowMillis) {
        if (blocklist.contains(payer)) {
            return SlotDecision.choke(ErrorCode.BLOCKLISTED);
        }
        BuyerAccount a = accounts.get(payer);
        if (a == null) {
            return SlotDecision.KEEP;
        }
        long due = a.settlementDueSinceMillis();
        if (due >= 0 && nowMillis - due > config.settlementDeadlineMillis()) {
            return SlotDecision.choke(ErrorCode.SETTLEMENT_OVERDUE);
        }
        if (a.unsettled().compareTo(config.settlementThreshold()) > 0) {
            return SlotDecision.choke(ErrorCode.OVER_THRESHOLD);
        }
        BigInteger creditAmount = Pricing.amountCeil(creditWindowBytes(payer), a.currentPrice());
        if (a.uncovered().compareTo(creditAmount) > 0) {
            return SlotDecision.choke(ErrorCode.OVER_CREDIT);
        }
        return SlotDecision.KEEP;
    }

    /** The payer won a slot (or kept it) at {@code clearingPricePerMiB} this round. */
    public void slotWon(Address payer, BigInteger clearingPricePerMiB) {
        account(payer).priceChanged(clearingPricePerMiB);
    }

    /** {@code bytes} of piece {@code piece} were sent to {@code payer} in its paid slot at its current price. */
    public void paidBytesSent(Address payer, int piece, long bytes) {
        BuyerAccount a = account(payer);
        if (a.currentPrice().signum() == 0) {
            throw new IllegalStateException("no paid slot price for " + payer + "; call slotWon first");
        }
        a.sent(piece, bytes, a.currentPrice());
    }

    /** The payer announced (BEP 3 {@code have}) piece {@code piece}: it passed the payer's hash check. */
    public void pieceVerifiedByBuyer(Address payer, int piece) {
        BuyerAccount a = accounts.get(payer);
        if (a != null) {
            a.verified(piece);
        }
    }

    /** Applies the cheque rule (see the class documentation) without changing anything. */
    public ChequeVerdict evaluateCheque(Cheque cheque, Digest32 digest) {
        Account acc = cheque.account();
        if (!acc.payee().equals(terms.payee())) {
            return new ChequeVerdict.Reject(ErrorCode.WRONG_PAYEE, "cheque is payable to another address");
        }
        if (!acc.asset().equals(terms.asset())) {
            return new ChequeVerdict.Reject(ErrorCode.WRONG_ASSET, "cheque is in asset " + acc.asset() + ", offer is in " + terms.asset());
        }
        if (!acc.chain().equals(terms.chain())) {
            return new ChequeVerdict.Reject(ErrorCode.WRONG_CHAIN, "cheque is for chain " + acc.chain() + ", offer is on " + terms.chain());
        }
        if (!verifier.verify(digest, cheque.signature(), acc.payer())) {
            return new ChequeVerdict.Reject(ErrorCode.BAD_SIGNATURE, "signature does not verify for the payer");
        }
        // no account is created here: a stranger with a fresh key must not grow the map by evaluating cheques
        BuyerAccount a = accounts.getOrDefault(acc.payer(), new BuyerAccount(acc.payer()));
        if (cheque.sequence() == a.lastSequence()) {
            Cheque last = a.lastCheque();
            boolean same = last != null ? last.sameAs(cheque) : cheque.cumulative().equals(a.acceptedCumulative());
            return same ? new ChequeVerdict.Duplicate()
                    : new ChequeVerdict.Reject(ErrorCode.SEQUENCE_CONFLICT, "sequence " + cheque.sequence() + " was already accepted with other content");
        }
        if (cheque.sequence() < a.lastSequence() || cheque.cumulative().compareTo(a.acceptedCumulative()) <= 0) {
            return new ChequeVerdict.Reject(ErrorCode.STALE_CHEQUE, "cheque " + cheque.sequence() + "/" + cheque.cumulative()
                    + " is not above the last accepted " + a.lastSequence() + "/" + a.acceptedCumulative());
        }
        BigInteger tolerance = Pricing.amountFloor(config.chequeLagBytes(), a.currentPrice());
        BigInteger floor = a.owedForVerified().subtract(tolerance);
        if (cheque.cumulative().compareTo(floor) < 0) {
            return new ChequeVerdict.Reject(ErrorCode.UNDERPAID, "cumulative " + cheque.cumulative() + " is below the "
                    + a.owedForVerified() + " owed for verified pieces less the tolerance " + tolerance);
        }
        return new ChequeVerdict.Accept();
    }

    /**
     * Counts a cheque that {@link #evaluateCheque} accepted and the ledger recorded. Starts the settlement clock
     * if the unsettled total reached the threshold.
     */
    public void applyCheque(Cheque cheque, long nowMillis) {
        BuyerAccount a = account(cheque.account().payer());
        if (cheque.cumulative().compareTo(a.acceptedCumulative()) <= 0 || cheque.sequence() <= a.lastSequence()) {
            throw new IllegalStateException("cheque " + cheque.sequence() + " was not evaluated as acceptable");
        }
        a.accepted(cheque);
        if (a.settlementDueSinceMillis() < 0 && a.unsettled().compareTo(config.settlementThreshold()) >= 0) {
            a.dueSince(nowMillis);
        }
    }

    /**
     * A claimed settlement reached a final status on chain (after the ledger recorded it). SOLID adds to the
     * settled total and grows the payer's credit; FAILED or EXPIRED counts as a missed settlement.
     *
     * @return true if the payer is now blocklisted
     */
    public boolean settlementFinal(Address payer, BigInteger amount, boolean solid, long nowMillis) {
        Pricing.requireAmount(amount, "amount");
        BuyerAccount a = account(payer);
        if (solid) {
            a.settledOnChain(amount);
            a.dueSince(a.unsettled().compareTo(config.settlementThreshold()) >= 0 ? nowMillis : -1);
            return false;
        }
        return miss(a, "settlement claim failed on chain");
    }

    /**
     * Advances time: every payer whose settlement has been due for longer than the deadline misses one (and its
     * clock restarts).
     *
     * @return payers newly blocklisted by this tick (the caller persists them)
     */
    public Set<Address> tick(long nowMillis) {
        Set<Address> newlyBlocked = new HashSet<>();
        for (BuyerAccount a : accounts.values()) {
            long due = a.settlementDueSinceMillis();
            if (due >= 0 && nowMillis - due > config.settlementDeadlineMillis()) {
                a.dueSince(nowMillis);
                if (miss(a, "settlement deadline passed")) {
                    newlyBlocked.add(a.payer());
                }
            }
        }
        return newlyBlocked;
    }

    private boolean miss(BuyerAccount a, String why) {
        a.missed();
        LOG.info("payer {} missed a settlement ({}), {} of {}", a.payer(), why, a.missedSettlements(), config.maxMissedSettlements());
        if (a.missedSettlements() >= config.maxMissedSettlements() && blocklist.add(a.payer())) {
            LOG.warn("payer {} blocklisted after {} missed settlements", a.payer(), a.missedSettlements());
            return true;
        }
        return false;
    }

    /** The account of {@code payer} if it exists. */
    public Optional<BuyerAccount> find(Address payer) {
        return Optional.ofNullable(accounts.get(payer));
    }
}
