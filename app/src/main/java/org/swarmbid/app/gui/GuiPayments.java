package org.swarmbid.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ui.bidding.BiddingApplier;
import org.swarmbid.ui.bidding.BiddingSettings;
import org.swarmbid.ui.bidding.FileBiddingSettingsStore;
import org.swarmbid.ui.bidding.TorrentOverride;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.wallet.WalletScreen;
import org.swarmbid.ui.wallet.WalletServiceFactory;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletService;

/**
 * Starts, reconfigures and stops the bid extension of the desktop client.
 *
 * <ul>
 *   <li><b>Start</b>: payments need the unlocked key. When the user unlocks the wallet in the wallet screen
 *       ({@link #unlocked}) and the saved bidding settings switch spending on or sell paid slots, or saves such
 *       settings while the wallet is unlocked ({@link #apply}), the session restarts with a {@link BttPlugin}
 *       ({@link SwitchableSession#restart}): a few seconds in which connections drop and come back.</li>
 *   <li><b>Change</b>: settings saved while the plugin runs go to {@link BttPlugin#updateBidding} with the
 *       per-torrent overrides as per-torrent caps; no restart.</li>
 *   <li><b>Stop</b>: locking the wallet (also switching its network or closing the screen) wipes the key, so the
 *       session restarts without the plugin. Bidding settings that switch everything off keep the plugin (with
 *       nothing to buy or sell it still exchanges receipts and settlements owed from before).</li>
 * </ul>
 * The demo ({@link #startWithOwnKey}) runs with a key of its own that the wallet screen's lock does not touch.
 *
 * <p>Threading: the key listener is called on the FX thread and returns at once; {@link #apply} on the bidding
 * screen's background thread, and waits. Starting and stopping run one at a time on the payments thread.
 */
public final class GuiPayments implements BiddingApplier, WalletScreen.KeyListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuiPayments.class);

    private final SwitchableSession session;
    private final Ledger ledger;
    private final FileBiddingSettingsStore store;
    private final WalletServiceFactory wallets;
    private final Path stateDir;
    private final Duration chokeInterval;
    /** How long a lock waits before payments stop: a window closing (quit) locks too, and then nothing restarts. */
    static final long STOP_DELAY_MS = 750;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swarmbid-gui-payments");
        t.setDaemon(true);
        return t;
    });
    private volatile PaymentsRun running;
    private volatile String keyNetwork;
    private volatile UnlockedWallet sharedKey;
    private volatile String lastError = "";
    private volatile boolean shuttingDown;

    /**
     * @param ledger        the open payment ledger ({@code <state>/ledger.sqlite}), shared with the bidding screen
     * @param store         the bidding screen's settings file
     * @param wallets       opens a wallet service per network (the plugin gets its own)
     * @param chokeInterval the engine's choke round
     */
    public GuiPayments(SwitchableSession session, Ledger ledger, FileBiddingSettingsStore store,
            WalletServiceFactory wallets, Path stateDir, Duration chokeInterval) {
        this.session = session;
        this.ledger = ledger;
        this.store = store;
        this.wallets = wallets;
        this.stateDir = stateDir;
        this.chokeInterval = chokeInterval;
    }

    /** True if {@code s} has anything for the plugin to do: spending switched on, or paid slots for sale. */
    static boolean wantsPlugin(BiddingSettings s) {
        BiddingConfig c = s.effectiveConfig();
        return c.buyer().spendingEnabled() || c.seller().paidSlots() > 0;
    }

    /** The per-torrent buyer caps of the overrides (none while spending is off). */
    static Map<String, BuyerConfig> caps(BiddingSettings s) {
        Map<String, BuyerConfig> out = new LinkedHashMap<>();
        if (!s.spendingEnabled()) {
            return out;
        }
        BuyerConfig all = s.effectiveConfig().buyer();
        for (TorrentOverride o : s.overrides()) {
            out.put(o.infoHash(), all.withBudget(o.budget(), all.perDayBudget(), o.maxPricePerMiB()));
        }
        return out;
    }

    /** The running plugin, if payments are on. */
    public Optional<BttPlugin> plugin() {
        PaymentsRun r = running;
        return r == null ? Optional.empty() : Optional.of(r.plugin());
    }

    /** Our payment address while payments are on. */
    public Optional<String> address() {
        PaymentsRun r = running;
        return r == null ? Optional.empty() : Optional.of(r.address());
    }

    /** Why payments did not start the last time they should have (one line), or "". */
    public String lastError() {
        return lastError;
    }

    // ------------------------------------------------------------------ the wallet screen's key

    @Override
    public void unlocked(String network, WalletService service, UnlockedWallet key) {
        keyNetwork = network;
        sharedKey = key;
        worker.execute(() -> startIfWanted(null));
    }

    @Override
    public void locked() {
        sharedKey = null;
        worker.schedule(() -> {
            PaymentsRun r = running;
            if (r != null && !r.ownsKey() && sharedKey == null && !shuttingDown) {
                stop();
            }
        }, STOP_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ the bidding screen

    /** Hands saved settings to the running plugin, or starts it if they ask for it and the wallet is unlocked. */
    @Override
    public Outcome apply(BiddingSettings settings) {
        Future<Outcome> f = worker.submit(() -> {
            PaymentsRun r = running;
            if (r != null && !r.startedSelling() && settings.config().seller().paidSlots() > 0 && !r.ownsKey()) {
                replace(r, settings); // torrents only hold an auction if selling was on when they joined
            } else if (r != null) {
                r.plugin().updateBidding(settings.effectiveConfig(), caps(settings));
                LOG.info("bidding settings applied to the running plugin");
            } else {
                UnlockedWallet key = sharedKey;
                if (wantsPlugin(settings) && (key == null || key.isLocked())) {
                    return Outcome.WAITING_FOR_WALLET; // unlocked() starts them with the saved settings
                }
                startIfWanted(settings);
                if (!lastError.isEmpty()) {
                    throw new IllegalStateException(lastError);
                }
            }
            return Outcome.APPLIED;
        });
        return await(f);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("payments did not start within 2 minutes");
        }
    }

    /** The saved settings, or null if the user never saved any (bidding then stays off). Payments thread. */
    private BiddingSettings saved() {
        if (!Files.exists(store.file())) {
            return null;
        }
        try {
            return store.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void startIfWanted(BiddingSettings given) {
        lastError = "";
        UnlockedWallet key = sharedKey;
        String network = keyNetwork;
        if (running != null || key == null || key.isLocked() || shuttingDown) {
            return;
        }
        try {
            BiddingSettings s = given != null ? given : saved();
            if (s == null || !wantsPlugin(s)) {
                return;
            }
            WalletService service = wallets.open(network);
            PaymentsRun r = PaymentsRun.open(s.effectiveConfig(), caps(s), service, key, false, ledger, stateDir,
                    chokeInterval);
            startWith(r);
        } catch (RuntimeException | IOException e) {
            lastError = "payments did not start: " + OneLine.of(e);
            LOG.warn("{}", lastError);
        }
    }

    private void startWith(PaymentsRun r) throws IOException {
        try {
            session.restart(List.<EnginePlugin>of(r.plugin()));
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        running = r;
        LOG.info("payments on for {} on {}", r.address(), r.network());
    }

    /** A new plugin with {@code settings} in place of {@code old}'s, on the same key, in one restart. */
    private void replace(PaymentsRun old, BiddingSettings settings) throws IOException {
        PaymentsRun next = PaymentsRun.open(settings.effectiveConfig(), caps(settings), wallets.open(old.network()),
                old.key(), false, ledger, stateDir, chokeInterval);
        try {
            session.restart(List.<EnginePlugin>of(next.plugin()));
        } catch (IOException | RuntimeException e) {
            next.close();
            running = null;
            old.close();
            throw e;
        }
        running = next;
        old.close();
        LOG.info("payments restarted: selling switched on");
    }

    private void stop() {
        PaymentsRun r = running;
        if (r == null) {
            return;
        }
        running = null;
        try {
            session.restart(List.of());
        } catch (IOException | RuntimeException e) {
            LOG.warn("restarting the session without payments: {}", OneLine.of(e));
        }
        r.close();
        LOG.info("payments off");
    }

    /**
     * Starts payments at once with a key this object owns and wipes when done (the demo: its wallet is unlocked
     * with the preset password). Blocks until the session runs with the plugin.
     */
    public void startWithOwnKey(BiddingSettings settings, WalletService service, UnlockedWallet key) {
        await(worker.submit(() -> {
            if (running != null) {
                throw new IllegalStateException("payments are already on");
            }
            startWith(PaymentsRun.open(settings.effectiveConfig(), caps(settings), service, key, true, ledger,
                    stateDir, chokeInterval));
            return null;
        }));
    }

    /** Stops payments (tests; the launcher closes the session first, then this). */
    public void stopNow() {
        await(worker.submit(this::stop));
    }

    /** The client is quitting: from now on nothing starts or stops (the session is about to close). */
    public void shuttingDown() {
        shuttingDown = true;
    }

    /**
     * After the session is closed: closes the run's services. The plugin itself was closed with the engine.
     */
    @Override
    public void close() {
        shuttingDown = true;
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PaymentsRun r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }
}
