package org.swarmbid.app.gui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.app.btt.BiddingSetup;
import org.swarmbid.app.btt.SettlementAsset;
import org.swarmbid.app.btt.SettlementJournal;
import org.swarmbid.app.btt.TronNodeReader;
import org.swarmbid.app.btt.WalletChequeSigner;
import org.swarmbid.app.btt.WalletSettlement;
import org.swarmbid.app.btt.WalletSignatureVerifier;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ext.btt.plugin.BttSettings;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletService;

/**
 * The bid extension while it runs in the desktop client: the {@link BttPlugin} and what it needs from the wallet
 * (signer, settlement through our node, the settlement journal, worker threads), built around a key that is already
 * unlocked: the wallet screen's (shared; the screen wipes it) or, in the demo, one of our own. Unlike the CLI's
 * {@code BiddingSetup}, it never asks for a password and leaves the ledger open: the bidding screen reads it the
 * whole time.
 *
 * <p>Closing (after the engine that held the plugin is gone) stops the workers, closes the node connection, the
 * journal and the wallet service, and wipes the key only if it is ours.
 */
final class PaymentsRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsRun.class);
    /** The one asset the desktop client bids in. */
    static final SettlementAsset ASSET = SettlementAsset.BTT;

    private final BttPlugin plugin;
    private final WalletService wallet;
    private final UnlockedWallet key;
    private final boolean ownsKey;
    private final ExecutorService executor;
    private final TronNodeReader reader;
    private final SettlementJournal journal;
    private final boolean sells;

    private PaymentsRun(BttPlugin plugin, WalletService wallet, UnlockedWallet key, boolean ownsKey,
            ExecutorService executor, TronNodeReader reader, SettlementJournal journal, boolean sells) {
        this.plugin = plugin;
        this.sells = sells;
        this.wallet = wallet;
        this.key = key;
        this.ownsKey = ownsKey;
        this.executor = executor;
        this.reader = reader;
        this.journal = journal;
    }

    /**
     * Builds the plugin (blocking: reads the chain id from the node for a devnet, restores the books from the
     * ledger). On failure whatever was opened is closed again, {@code wallet} included.
     *
     * @param wallet        a wallet service of the key's network, owned by the run from now on
     * @param ownsKey       true if closing the run may wipe the key
     * @param chokeInterval the engine's choke round: the length of a sold slot
     */
    static PaymentsRun open(BiddingConfig config, Map<String, BuyerConfig> caps, WalletService wallet,
            UnlockedWallet key, boolean ownsKey, Ledger ledger, Path stateDir, Duration chokeInterval) {
        Objects.requireNonNull(ledger, "ledger");
        ExecutorService executor = null;
        TronNodeReader reader = null;
        SettlementJournal journal = null;
        try {
            if (key.isLocked()) {
                throw new IllegalStateException("the wallet was locked before payments could start");
            }
            reader = new TronNodeReader(wallet.network(), BiddingSetup.NODE_TIMEOUT);
            long chainId = BiddingSetup.chainId(wallet.network().name(), reader);
            journal = SettlementJournal.open(stateDir.resolve(SettlementJournal.FILE_NAME));
            executor = Executors.newFixedThreadPool(BiddingSetup.WORKERS, daemonThreads());
            WalletChequeSigner signer = WalletChequeSigner.of(key, executor);
            WalletSettlement settlement = new WalletSettlement(wallet, key, reader, journal,
                    ChainId.of(Long.toString(chainId)), executor, Clock.systemUTC());
            long round = Math.max(1, Math.min(3600, chokeInterval.toSeconds()));
            BttSettings settings = BttSettings.of(chainId, ASSET.wire(), ASSET.decimals(), signer.address(), config)
                    .withRoundLength(Duration.ofSeconds(round));
            BttPlugin plugin = new BttPlugin(settings, signer, new WalletSignatureVerifier(), settlement, ledger);
            if (!caps.isEmpty()) {
                plugin.updateBidding(config, caps);
            }
            return new PaymentsRun(plugin, wallet, key, ownsKey, executor, reader, journal,
                    config.seller().paidSlots() > 0);
        } catch (RuntimeException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            for (AutoCloseable c : new AutoCloseable[] {journal, reader, wallet}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (ownsKey) {
                key.lock();
            }
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "swarmbid-gui-wallet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    BttPlugin plugin() {
        return plugin;
    }

    /** Our payment address (Base58). */
    String address() {
        return key.address().toBase58();
    }

    /** The network the payments run on. */
    String network() {
        return wallet.network().name();
    }

    /** True if the plugin sold paid slots when it started (only then do its torrents hold an auction). */
    boolean startedSelling() {
        return sells;
    }

    UnlockedWallet key() {
        return key;
    }

    boolean ownsKey() {
        return ownsKey;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable c : new AutoCloseable[] {reader, journal, wallet}) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing payments: {}", e.getMessage());
            }
        }
        if (ownsKey) {
            key.lock();
        }
    }
}
