package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative earnings (cheques received) and spending (cheques sent) per time bucket, from the ledger's cheque rows.
 * Pure and exact: sums are {@link BigInteger} base units.
 */
public final class ActivitySeries {

    /**
     * One bucket.
     *
     * @param startMillis the bucket's start
     * @param earned      cumulative received from the series' start to the bucket's end
     * @param spent       cumulative sent from the series' start to the bucket's end
     */
    public record Point(long startMillis, BigInteger earned, BigInteger spent) {
    }

    private ActivitySeries() {
    }

    /**
     * {@code buckets} consecutive buckets of {@code bucketMillis} starting at {@code fromMillis}; cheques of
     * {@code asset} only, others and those outside the range ignored.
     */
    public static List<Point> cumulative(List<LedgerEntry> cheques, String asset, long fromMillis, long bucketMillis,
            int buckets) {
        if (bucketMillis <= 0 || buckets <= 0) {
            throw new IllegalArgumentException("need positive bucket size and count");
        }
        BigInteger[] earned = new BigInteger[buckets];
        BigInteger[] spent = new BigInteger[buckets];
        java.util.Arrays.fill(earned, BigInteger.ZERO);
        java.util.Arrays.fill(spent, BigInteger.ZERO);
        for (LedgerEntry e : cheques) {
            if (!e.asset().equals(asset) || e.timeMillis() < fromMillis) {
                continue;
            }
            long i = (e.timeMillis() - fromMillis) / bucketMillis;
            if (i >= buckets) {
                continue;
            }
            if (e.kind() == LedgerEntry.Kind.CHEQUE_RECEIVED) {
                earned[(int) i] = earned[(int) i].add(e.amount());
            } else if (e.kind() == LedgerEntry.Kind.CHEQUE_SENT) {
                spent[(int) i] = spent[(int) i].add(e.amount());
            }
        }
        List<Point> out = new ArrayList<>(buckets);
        BigInteger e = BigInteger.ZERO;
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < buckets; i++) {
            e = e.add(earned[i]);
            s = s.add(spent[i]);
            out.add(new Point(fromMillis + i * bucketMillis, e, s));
        }
        return out;
    }
}
