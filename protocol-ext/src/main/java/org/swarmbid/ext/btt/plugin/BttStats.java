package org.swarmbid.ext.btt.plugin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the extension earned and spent, for the CLI and the UI. Thread-safe; all amounts are base units of the
 * plugin's asset. {@code earned} counts cheques we accepted, {@code spent} cheques we signed and recorded,
 * {@code settledIn}/{@code settledOut} transfers confirmed on chain (SOLID). The totals start from the ledger at
 * start-up (lifetime of this ledger for our address and asset); the per-torrent figures count this session only
 * (settlements are per payee account, not per torrent, so they appear in the totals only).
 *
 * <p>Listeners are called on the plugin's worker thread after each change; they must return quickly.
 */
public final class BttStats {
    private static final Logger LOG = LoggerFactory.getLogger(BttStats.class);

    /**
     * One set of figures.
     *
     * @param earned     value of the cheques accepted from buyers
     * @param spent      value of the cheques sent to sellers
     * @param settledIn  transfers from buyers confirmed on chain
     * @param settledOut transfers to sellers confirmed on chain
     */
    public record Totals(BigInteger earned, BigInteger spent, BigInteger settledIn, BigInteger settledOut) {
        public static final Totals ZERO = new Totals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO);

        Totals plus(BigInteger e, BigInteger s, BigInteger in, BigInteger out) {
            return new Totals(earned.add(e), spent.add(s), settledIn.add(in), settledOut.add(out));
        }
    }

    /**
     * A consistent copy of all figures.
     *
     * @param total     over all torrents (lifetime, from the ledger)
     * @param byTorrent this session's figures per torrent (hex info-hash)
     * @param decimals  decimals of the asset, for {@link #format}
     * @param unit      the asset's display name (e.g. "BTT")
     */
    public record Snapshot(Totals total, Map<String, Totals> byTorrent, int decimals, String unit) {
        /** "earned 0.42 BTT, spent 0 BTT, settled in 0 BTT, settled out 0 BTT". */
        public String summary() {
            return "earned " + format(total.earned(), decimals) + " " + unit + ", spent "
                    + format(total.spent(), decimals) + " " + unit + ", settled in "
                    + format(total.settledIn(), decimals) + " " + unit + ", settled out "
                    + format(total.settledOut(), decimals) + " " + unit;
        }
    }

    private final int decimals;
    private final String unit;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private Totals total = Totals.ZERO;
    private final Map<String, Totals> byTorrent = new LinkedHashMap<>();

    BttStats(int decimals, String unit) {
        this.decimals = decimals;
        this.unit = unit;
    }

    /** Formats base units with {@code decimals} as a plain decimal without trailing zeros, e.g. "0.42". */
    public static String format(BigInteger baseUnits, int decimals) {
        BigDecimal d = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }

    /** A copy of every figure. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(total, Map.copyOf(byTorrent), decimals, unit);
    }

    /** Calls {@code listener} after every change. */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Snapshot> listener) {
        listeners.remove(listener);
    }

    synchronized void restore(Totals lifetime) {
        total = lifetime;
    }

    void earned(String torrent, BigInteger amount) {
        add(torrent, amount, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }

    void spent(String torrent, BigInteger amount) {
        add(torrent, BigInteger.ZERO, amount, BigInteger.ZERO, BigInteger.ZERO);
    }

    void settledIn(BigInteger amount) {
        add(null, BigInteger.ZERO, BigInteger.ZERO, amount, BigInteger.ZERO);
    }

    void settledOut(BigInteger amount) {
        add(null, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, amount);
    }

    private void add(String torrent, BigInteger e, BigInteger s, BigInteger in, BigInteger out) {
        Snapshot snap;
        synchronized (this) {
            total = total.plus(e, s, in, out);
            if (torrent != null) {
                byTorrent.put(torrent, byTorrent.getOrDefault(torrent, Totals.ZERO).plus(e, s, in, out));
            }
            snap = snapshot();
        }
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(snap);
            } catch (RuntimeException ex) {
                LOG.warn("stats listener failed: {}", ex.toString());
            }
        }
    }
}
