package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.Optional;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.TronAccount;

/** Builds the seller's {@code receipt} for a payer from its books and ledger. Worker thread only (reads the ledger). */
final class Receipts {
    private final PluginParts p;

    Receipts(PluginParts p) {
        this.p = p;
    }

    /**
     * What we hold from {@code payer}: the last accepted cheque with its signature and the settled total; a zero
     * receipt if we hold nothing.
     */
    BttMessage.Receipt of(TronAccount payer) {
        SellerDesk.Standing s = p.seller().standing(Ids.address(payer));
        BttSettings st = p.settings();
        if (s.sequence() == 0) {
            return new BttMessage.Receipt(st.asset(), st.chainId(), BigInteger.ZERO, 0, Optional.empty(),
                    BigInteger.ZERO);
        }
        Account acc = Ids.account(payer, st.account(), st.asset(), st.chainId());
        Optional<Cheque> last = p.ledger().lastCheque(Direction.RECEIVED, acc);
        if (last.isEmpty() || last.get().sequence() != s.sequence()) {
            throw new IllegalStateException("ledger and books disagree on the last cheque of " + acc.payer());
        }
        // the receipt is in the ledger before it leaves (a LedgerException fails the worker task: nothing is sent)
        p.ledger().recordReceipt(Direction.RECEIVED, acc, s.accepted(), p.now());
        return new BttMessage.Receipt(st.asset(), st.chainId(), s.accepted(), s.sequence(),
                Optional.of(Signature.of(last.get().signature())), s.settled().min(s.accepted()));
    }

    /** True if we hold anything from {@code payer}. */
    boolean holdsAnything(TronAccount payer) {
        SellerDesk.Standing s = p.seller().standing(Ids.address(payer));
        return s.sequence() > 0 || s.settled().signum() > 0;
    }
}
