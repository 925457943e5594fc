package org.swarmbid.app.btt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ext.btt.plugin.BttSettings;
import org.swarmbid.ext.btt.plugin.BttStats;
import org.swarmbid.wallet.service.WalletService;

/**
 * The bid extension for one {@code download} or {@code seed} run: the wallet-backed services of
 * {@link BiddingSetup} and the engine plugin built on them. The engine owns the plugin once started (it closes it);
 * {@link #close()} closes the services after the engine is gone: worker threads, node connection, ledger, and the
 * unlocked key, which is wiped.
 */
public final class Payments implements AutoCloseable {
    private final BiddingServices services;
    private final BttPlugin plugin;

    private Payments(BiddingServices services, BttPlugin plugin) {
        this.services = services;
        this.plugin = plugin;
    }

    /**
     * Unlocks the wallet, opens the ledger and builds the plugin.
     *
     * @param chokeInterval the engine's choke round: the length of a sold slot
     */
    public static Payments open(BiddingOptions options, WalletService wallet, PasswordSource passwords, Path stateDir,
            Duration chokeInterval) {
        Objects.requireNonNull(chokeInterval, "chokeInterval");
        BiddingServices services = BiddingSetup.open(options, wallet, passwords, stateDir);
        try {
            SettlementAsset asset = services.asset();
            BttSettings settings = BttSettings.of(services.chainId(), asset.wire(), asset.decimals(),
                    services.signer().address(), services.config()).withRoundLength(roundOf(chokeInterval));
            BttPlugin plugin = new BttPlugin(settings, services.signer(), services.verifier(), services.settlement(),
                    services.ledger());
            return new Payments(services, plugin);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static Duration roundOf(Duration chokeInterval) {
        long s = Math.max(1, Math.min(3600, chokeInterval.toSeconds()));
        return Duration.ofSeconds(s);
    }

    /** The engine plugin (hand it to {@code Engine.start}). */
    public BttPlugin plugin() {
        return plugin;
    }

    /** Our payment address (Base58). */
    public String address() {
        return services.self().toString();
    }

    /** A short live status for the progress line, e.g. "earned 0.42 BTT, spent 0 BTT". */
    public String status() {
        BttStats.Snapshot s = plugin.stats().snapshot();
        return s.summary();
    }

    /** The totals from the ledger, after the run (all sessions so far). */
    public String summary() {
        return EarningsSummary.of(services.ledger(), services.asset());
    }

    /**
     * Waits up to {@code max} until every verified piece bought is covered by a cheque the seller acknowledged
     * (so a finished download can exit without leaving a debt for the next run).
     *
     * @return true if settled up in time
     */
    public boolean awaitSettledUp(Duration max) {
        return plugin.awaitSettledUp(max);
    }

    @Override
    public void close() {
        services.close();
    }
}
