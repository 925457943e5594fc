package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The buyer comparing a seller's {@code receipt} with its ledger (docs/btt-extension.md 8.3), on the worker:
 * <pre>
 *   same cum and seq           nothing
 *   lower cum                  resend our latest cheque unchanged (same seq and sig)
 *   higher cum/seq             our own signature over it? adopt it (our ledger lost data); else error 16
 *   settled below ours         resend settled for each of our SOLID transfers, oldest first
 *   settled above ours         error 16
 * </pre>
 */
final class ReceiptCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCheck.class);
    private final PluginParts p;
    private final Settler settler;

    ReceiptCheck(PluginParts p, Settler settler) {
        this.p = p;
        this.settler = settler;
    }

    /**
     * @param resync true for the first receipt of a session (the table above); later receipts only acknowledge
     *               cheques and naturally lag the ones still in flight, so they are checked for totals that cannot
     *               be ours but trigger no resends
     * @return an error to send back (fatal), if the receipt cannot be ours
     */
    Optional<BttMessage> check(BttMessage.Receipt r, TronAccount seller, boolean resync) {
        BttSettings st = p.settings();
        if (r.chainId() != st.chainId() || !r.asset().equals(st.asset())) {
            return Optional.empty(); // about another asset or chain: not ours to reconcile
        }
        Account account = Ids.account(st.account(), seller, st.asset(), st.chainId());
        if (r.sequence() > 0) { // what the seller acknowledged is in our ledger before we act on it
            p.ledger().recordReceipt(Direction.SENT, account, r.cumulativeAmount(), p.now());
        }
        Totals ours = p.ledger().totals(Direction.SENT, account);
        int cmp = r.cumulativeAmount().compareTo(ours.lastCumulative());
        if (!resync && (cmp < 0 || (cmp == 0 && r.sequence() <= ours.lastSequence()))) {
            return r.settledTotal().compareTo(ours.settled().add(ours.inFlight())) > 0
                    ? Optional.of(ChequeIntake.error(ErrorCode.BAD_RECEIPT, "settled total above ours", 0))
                    : Optional.empty();
        }
        if (cmp < 0 || (cmp == 0 && r.sequence() < ours.lastSequence())) {
            Optional<Cheque> last = p.ledger().lastCheque(Direction.SENT, account);
            if (last.isPresent()) {
                Cheque c = last.get();
                LOG.info("seller {} holds {} of our {}: resending cheque {}", account.payee(), r.cumulativeAmount(),
                        c.cumulative(), c.sequence());
                p.sessions().send(seller, new BttMessage.Cheque(st.account(), seller, st.asset(), st.chainId(),
                        c.cumulative(), c.sequence(), c.cumulative().subtract(r.cumulativeAmount()),
                        Signature.of(c.signature())));
            }
        } else if (cmp > 0 || r.sequence() > ours.lastSequence()) {
            if (!adopt(r, account, seller, ours)) {
                return Optional.of(ChequeIntake.error(ErrorCode.BAD_RECEIPT, "receipt is not signed by us", 0));
            }
        }
        if (r.settledTotal().compareTo(ours.settled().add(ours.inFlight())) > 0) {
            return Optional.of(ChequeIntake.error(ErrorCode.BAD_RECEIPT, "settled total above ours", 0));
        }
        if (r.settledTotal().compareTo(ours.settled()) < 0) {
            BigInteger total = BigInteger.ZERO;
            for (SettlementRecord s : p.ledger().settlements(Direction.SENT, EnumSet.of(ChainStatus.SOLID))) {
                if (s.account().equals(account) && s.txid().isPresent()) {
                    total = total.add(s.amount());
                    settler.sendSettled(account, s.txid().get(), s.amount(), total);
                }
            }
        }
        return Optional.empty();
    }

    private boolean adopt(BttMessage.Receipt r, Account account, TronAccount seller, Totals ours) {
        if (r.signature().isEmpty()) {
            return false;
        }
        BttSettings st = p.settings();
        byte[] digest = ChequeDigest.digest(st.domain(), st.account(), seller, r.cumulativeAmount(), r.sequence());
        Optional<TronAccount> signer = p.verifier().recover(digest, r.signature().get());
        if (signer.isEmpty() || !signer.get().equals(st.account())) {
            return false;
        }
        LOG.warn("seller {} holds our cheque {} ({}) that our ledger lost; adopting it", account.payee(),
                r.sequence(), r.cumulativeAmount());
        p.ledger().recordChequeSent(new Cheque(account, r.cumulativeAmount(), r.sequence(),
                r.signature().get().bytes()), Digest32.of(digest), p.now());
        BigInteger owed = p.ledger().owedNumerator(account);
        p.buyer().locked(() -> p.buyer().book().restore(account, owed, r.cumulativeAmount(), r.sequence(),
                ours.settled(), ours.inFlight()));
        return true;
    }
}
