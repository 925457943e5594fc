package org.swarmbid.app.gui;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Supplier;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ext.btt.plugin.BttStats;
import org.swarmbid.ui.common.EarningsSource;
import org.swarmbid.ui.common.TokenAmount;

/**
 * What each torrent earned and spent, for the torrent list: while the bid extension runs, its live figures for this
 * session ({@link BttStats}); otherwise what the ledger says this torrent cost over all sessions (the ledger keeps
 * what was paid per torrent, not what was earned, so "earned" is then absent). Zero shows as absent.
 *
 * <p>Threading: called on the UI's background executor; the ledger read blocks briefly.
 */
final class PluginEarnings implements EarningsSource {
    private final Supplier<Optional<BttPlugin>> plugin;
    private final Ledger ledger;
    private final int decimals;
    private final String symbol;

    PluginEarnings(Supplier<Optional<BttPlugin>> plugin, Ledger ledger) {
        this.plugin = plugin;
        this.ledger = ledger;
        this.decimals = PaymentsRun.ASSET.decimals();
        this.symbol = PaymentsRun.ASSET.symbol();
    }

    @Override
    public Optional<TokenAmount> earned(String infoHash) {
        return plugin.get().flatMap(p -> figures(p, infoHash)).flatMap(t -> amount(t.earned()));
    }

    @Override
    public Optional<TokenAmount> spent(String infoHash) {
        Optional<BttPlugin> p = plugin.get();
        if (p.isPresent()) {
            return figures(p.get(), infoHash).flatMap(t -> amount(t.spent()));
        }
        BigInteger numerator = ledger.spentNumeratorOnTorrent(infoHash);
        BigInteger units = numerator.add(BigInteger.ONE.shiftLeft(20).subtract(BigInteger.ONE)).shiftRight(20);
        return amount(units);
    }

    private static Optional<BttStats.Totals> figures(BttPlugin p, String infoHash) {
        return Optional.ofNullable(p.stats().snapshot().byTorrent().get(infoHash));
    }

    private Optional<TokenAmount> amount(BigInteger units) {
        if (units.signum() <= 0) {
            return Optional.empty();
        }
        // six decimals are plenty for a list (a millionth of a BTT); rounded down, never shown as more than it is
        BigDecimal whole = new BigDecimal(units, decimals).setScale(Math.min(6, decimals), RoundingMode.DOWN);
        return Optional.of(new TokenAmount(whole.signum() == 0 ? new BigDecimal(units, decimals).stripTrailingZeros()
                : whole.stripTrailingZeros(), symbol));
    }
}
