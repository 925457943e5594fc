package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.bidding.port.ChainStatus;

/**
 * Rebuilds the in-memory books from the ledger at start-up, so that totals survive a restart or a SIGKILL
 * (docs/btt-extension.md 8.3): per payer the last accepted cheque, settled total and confirmed settlements, and
 * the blocklist ({@code SellerBook.restore}); per payee what is owed (exact numerators), the last cheque sent,
 * settled and in-flight totals ({@code ChequeBook.restore}); today's spending ({@code DailyBudget.restore}); and
 * the lifetime figures of {@link BttStats}. Only accounts of our address, asset and chain are restored. Blocking:
 * runs in the plugin's constructor, before the engine starts.
 */
final class LedgerRestore {
    private LedgerRestore() {
    }

    static void restore(Ledger ledger, PluginParts p) {
        Address us = p.us();
        BttSettings st = p.settings();
        var asset = Ids.asset(st.asset());
        var chain = Ids.chain(st.chainId());
        BigInteger earned = BigInteger.ZERO;
        BigInteger spent = BigInteger.ZERO;
        BigInteger settledIn = BigInteger.ZERO;
        BigInteger settledOut = BigInteger.ZERO;
        Set<Address> blocked = ledger.blocklisted();
        Set<Address> restored = new HashSet<>();
        var solidIn = ledger.settlements(Direction.RECEIVED, EnumSet.of(ChainStatus.SOLID));
        for (Account a : ledger.accounts(Direction.RECEIVED)) {
            if (!a.payee().equals(us) || !a.asset().equals(asset) || !a.chain().equals(chain)) {
                continue;
            }
            Totals t = ledger.totals(Direction.RECEIVED, a);
            int confirmed = (int) solidIn.stream().map(SettlementRecord::account).filter(a::equals).count();
            p.seller().restore(a.payer(), t.lastCumulative(), t.lastSequence(), t.settled(), confirmed,
                    blocked.contains(a.payer()));
            restored.add(a.payer());
            earned = earned.add(t.lastCumulative());
            settledIn = settledIn.add(t.settled());
        }
        for (Address b : blocked) {
            if (!restored.contains(b)) {
                p.seller().restore(b, BigInteger.ZERO, 0, BigInteger.ZERO, 0, true);
            }
        }
        for (Account a : ledger.accounts(Direction.SENT)) {
            if (!a.payer().equals(us) || !a.asset().equals(asset) || !a.chain().equals(chain)) {
                continue;
            }
            Totals t = ledger.totals(Direction.SENT, a);
            BigInteger owed = ledger.owedNumerator(a);
            p.buyer().locked(() -> p.buyer().book().restore(a, owed, t.lastCumulative(), t.lastSequence(),
                    t.settled(), t.inFlight()));
            spent = spent.add(t.lastCumulative());
            settledOut = settledOut.add(t.settled());
        }
        ZoneId zone = st.bidding().buyer().zone();
        Instant now = st.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        long from = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        BigInteger today0 = ledger.spentNumeratorBetween(from, to);
        p.buyer().locked(() -> p.buyer().day().restore(today, today0));
        p.stats().restore(new BttStats.Totals(earned, spent, settledIn, settledOut));
    }

    /** Accounts we owe more than our last cheque says (a crash between recording a piece and its cheque). */
    static Set<Account> unpaid(Ledger ledger, PluginParts p) {
        Set<Account> out = new HashSet<>();
        for (Account a : ledger.accounts(Direction.SENT)) {
            if (a.payer().equals(p.us()) && p.buyer().locked(() -> p.buyer().book().nextCheque(a)).isPresent()) {
                out.add(a);
            }
        }
        return out;
    }
}
