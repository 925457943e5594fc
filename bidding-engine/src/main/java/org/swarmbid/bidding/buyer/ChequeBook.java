package org.swarmbid.bidding.buyer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Pricing;

/**
 * The buyer's cumulative totals per payee account (payer, payee, asset, chain), across all torrents: what is
 * owed (exact numerator, rounded down once on the total, exactly as the seller rounds), the last cheque sent,
 * what is settled on chain and what is being settled.
 *
 * <p>Settlement (Swarm SWAP): when {@code lastSent - settled - inFlight} reaches {@code settleAtPercent} of the
 * seller's threshold, {@link #settlementDue} proposes settling all of it; the remaining room up to the threshold
 * covers the time the transfer needs to become irreversible.
 */
public final class ChequeBook {
    private static final class Payee {
        BigInteger owedNumerator = BigInteger.ZERO;
        BigInteger lastSent = BigInteger.ZERO;
        long lastSequence;
        BigInteger settled = BigInteger.ZERO;
        BigInteger inFlight = BigInteger.ZERO;
    }

    private final Map<Account, Payee> payees = new HashMap<>();

    private Payee payee(Account a) {
        return payees.computeIfAbsent(a, k -> new Payee());
    }

    /**
     * Restores a payee from the ledger after a restart ({@code Ledger.owedNumerator} and {@code Ledger.totals}).
     * Owed is never taken as less than the last cheque sent.
     */
    public void restore(Account account, BigInteger owedNumerator, BigInteger lastSentCumulative, long lastSequence,
            BigInteger settled, BigInteger inFlight) {
        Payee p = payee(account);
        p.lastSent = Pricing.requireAmount(lastSentCumulative, "lastSent");
        p.owedNumerator = Pricing.requireAmount(owedNumerator, "owedNumerator").max(lastSentCumulative.shiftLeft(20));
        p.lastSequence = lastSequence;
        p.settled = Pricing.requireAmount(settled, "settled");
        p.inFlight = Pricing.requireAmount(inFlight, "inFlight");
    }

    void owe(Account account, BigInteger numerator) {
        Payee p = payee(account);
        p.owedNumerator = p.owedNumerator.add(Pricing.requireAmount(numerator, "numerator"));
    }

    /** Base units owed to the payee for verified bytes (rounded down). */
    public BigInteger owed(Account account) {
        Payee p = payees.get(account);
        return p == null ? BigInteger.ZERO : Pricing.owed(p.owedNumerator);
    }

    /** The cumulative total of the last cheque sent (0 if none). */
    public BigInteger lastSent(Account account) {
        Payee p = payees.get(account);
        return p == null ? BigInteger.ZERO : p.lastSent;
    }

    /** The next cheque if more is owed than the last cheque said, else empty. */
    public Optional<ChequeDraft> nextCheque(Account account) {
        Payee p = payees.get(account);
        if (p == null) {
            return Optional.empty();
        }
        BigInteger owed = Pricing.owed(p.owedNumerator);
        if (owed.compareTo(p.lastSent) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ChequeDraft(account, owed, p.lastSequence + 1));
    }

    /**
     * The signed cheque for {@code draft} was recorded in the ledger and sent. A draft older than one already
     * counted is ignored (returns false).
     */
    public boolean chequeSent(ChequeDraft draft) {
        Payee p = payee(draft.account());
        if (draft.sequence() <= p.lastSequence || draft.cumulative().compareTo(p.lastSent) <= 0) {
            return false;
        }
        p.lastSent = draft.cumulative();
        p.lastSequence = draft.sequence();
        return true;
    }

    /** Cheques sent but neither settled nor being settled. */
    public BigInteger unsettled(Account account) {
        Payee p = payees.get(account);
        return p == null ? BigInteger.ZERO : p.lastSent.subtract(p.settled).subtract(p.inFlight).max(BigInteger.ZERO);
    }

    /**
     * The amount to settle now, if the unsettled total reached {@code settleAtPercent}% of the seller's
     * {@code threshold}.
     */
    public Optional<BigInteger> settlementDue(Account account, BigInteger threshold, int settleAtPercent) {
        Pricing.requireAmount(threshold, "threshold");
        BigInteger unsettled = unsettled(account);
        BigInteger trigger = threshold.multiply(BigInteger.valueOf(settleAtPercent)).divide(BigInteger.valueOf(100));
        if (unsettled.signum() > 0 && unsettled.compareTo(trigger) >= 0) {
            return Optional.of(unsettled);
        }
        return Optional.empty();
    }

    /** A settlement of {@code amount} was recorded in the ledger and handed to the settlement port. */
    public void settlementStarted(Account account, BigInteger amount) {
        Payee p = payee(account);
        p.inFlight = p.inFlight.add(Pricing.requireAmount(amount, "amount"));
    }

    /** A settlement reached a final chain status: SOLID counts it as settled, otherwise it may be retried. */
    public void settlementFinal(Account account, BigInteger amount, boolean solid) {
        Payee p = payee(account);
        p.inFlight = p.inFlight.subtract(amount).max(BigInteger.ZERO);
        if (solid) {
            p.settled = p.settled.add(amount);
        }
    }

    /** Settled on chain (SOLID). */
    public BigInteger settled(Account account) {
        Payee p = payees.get(account);
        return p == null ? BigInteger.ZERO : p.settled;
    }
}
