package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.LedgerSnapshot;
import org.swarmbid.bidding.ledger.Totals;

/**
 * The one-line money summary for the transfer progress line and the final report, in human units:
 * <pre>
 *   earned 0.42 BTT, spent 1.3 BTT, settled 1 BTT
 *   earned 0.42 BTT, spent 1.3 BTT, settled 1 BTT, collected 0.2 BTT     (when payers settled with us on chain)
 * </pre>
 * <b>earned</b>: what payers owe us by their latest accepted cheques; <b>spent</b>: what we promised by our latest
 * cheques; <b>settled</b>: what we paid on chain (SOLID); <b>collected</b>: what payers paid us on chain (SOLID).
 * Cheques are cumulative, so each account contributes its latest total; accounts in several assets give one group per
 * asset, joined with "; ". Pure and exact (BigInteger).
 */
public final class EarningsSummary {
    private EarningsSummary() {
    }

    /** One account's totals in one direction. */
    public record Entry(Direction direction, Account account, Totals totals) {}

    /** The summary of a live ledger (blocking: call it off the event loop, e.g. once a second for the progress line). */
    public static String of(Ledger ledger, SettlementAsset defaultAsset) {
        List<Entry> entries = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (Account a : ledger.accounts(d)) {
                entries.add(new Entry(d, a, ledger.totals(d, a)));
            }
        }
        return format(entries, defaultAsset);
    }

    /** The summary of a snapshot read through a {@link org.swarmbid.bidding.ledger.LedgerView}. */
    public static String of(LedgerSnapshot snapshot, SettlementAsset defaultAsset) {
        List<Entry> entries = new ArrayList<>();
        for (LedgerSnapshot.AccountTotals t : snapshot.totals()) {
            entries.add(new Entry(t.direction(), t.account(), t.totals()));
        }
        return format(entries, defaultAsset);
    }

    /** The summary; with no entries at all, zeros in {@code defaultAsset}. */
    public static String format(Collection<Entry> entries, SettlementAsset defaultAsset) {
        Map<String, BigInteger[]> byAsset = new LinkedHashMap<>();
        for (Entry e : entries) {
            BigInteger[] sums = byAsset.computeIfAbsent(e.account().asset().value(),
                    k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
            if (e.direction() == Direction.RECEIVED) {
                sums[0] = sums[0].add(e.totals().lastCumulative());
                sums[3] = sums[3].add(e.totals().settled());
            } else {
                sums[1] = sums[1].add(e.totals().lastCumulative());
                sums[2] = sums[2].add(e.totals().settled());
            }
        }
        if (byAsset.isEmpty()) {
            byAsset.put(defaultAsset.wire().wire(),
                    new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
        }
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, BigInteger[]> g : byAsset.entrySet()) {
            BigInteger[] s = g.getValue();
            String line = "earned " + SettlementAsset.formatAny(g.getKey(), s[0])
                    + ", spent " + SettlementAsset.formatAny(g.getKey(), s[1])
                    + ", settled " + SettlementAsset.formatAny(g.getKey(), s[2]);
            if (s[3].signum() > 0) {
                line += ", collected " + SettlementAsset.formatAny(g.getKey(), s[3]);
            }
            groups.add(line);
        }
        return String.join("; ", groups);
    }
}
