package org.swarmbid.ext.btt.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.buyer.ChequeBook;
import org.swarmbid.bidding.buyer.DailyBudget;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.port.SettlementPort;
import org.swarmbid.bidding.seller.SellerBook;
import org.swarmbid.bidding.seller.SellerTerms;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.core.spi.TorrentPlugin;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.BttHandshake;
import org.swarmbid.ext.btt.ChequeSigner;
import org.swarmbid.ext.btt.SignatureVerifier;

/**
 * The {@code swarmbid_btt} extension (docs/btt-extension.md) as an engine plugin: pass it to
 * {@code Engine.start(config, List.of(plugin))}.
 *
 * <p>It sells {@code paidSlots} upload slots per torrent and round by uniform-price auction on top of the regular
 * and optimistic slots ({@link PaidSlotChoker}), and it buys paid slots within the configured budgets, paying after
 * each verified piece with cumulative cheques and settling on chain through the {@link SettlementPort}. Every
 * cheque, settlement and paid piece goes to the {@link Ledger} before it is acted on; the books are rebuilt from
 * the ledger when the plugin is constructed.
 *
 * <p>Threading: engine callbacks run on the engine's loop and never block. Ledger writes, signing, signature
 * recovery and chain results run on the plugin's one worker thread ("swarmbid-btt"), whose results go back to the
 * loop through {@code PeerContext.execute}. {@link #close} (called by the engine when the session closes) drains
 * the worker; the caller owns the ledger and closes it after the engine. {@link #stats()} is thread-safe.
 */
public final class BttPlugin implements EnginePlugin {
    /** The BEP 10 extension name. */
    public static final String EXTENSION = "swarmbid_btt";

    private final Set<BttTorrent> torrents = ConcurrentHashMap.newKeySet();
    private final PluginParts parts;
    private volatile BttHandshake handshake;
    private volatile Map<String, BuyerConfig> byTorrent = Map.of();
    private final Receipts receipts;
    private final ChequeIntake chequeIntake;
    private final SettlementIntake settlementIntake;
    private final Settler settler;
    private final ChequeIssuer issuer;
    private final ReceiptCheck receiptCheck;

    /**
     * Builds the plugin and restores its books from {@code ledger} (blocking: call before starting the engine).
     *
     * @param settings   chain, asset, our account and the bidding policy
     * @param signer     signs our cheques and bids; its address must be {@code settings.account()}
     * @param verifier   recovers the signer of cheques, bids and receipts
     * @param settlement transfers on chain and verifies incoming transfers
     * @param ledger     an open ledger (owned by the caller)
     * @throws IllegalArgumentException if the signer's address is not the settings' account
     */
    public BttPlugin(BttSettings settings, ChequeSigner signer, SignatureVerifier verifier,
                     SettlementPort settlement, Ledger ledger) {
        Objects.requireNonNull(settings, "settings");
        if (!signer.address().equals(settings.account())) {
            throw new IllegalArgumentException("the signer's address is not the settings' account");
        }
        Address us = Ids.address(settings.account());
        VerifierAdapter adapter = new VerifierAdapter(Objects.requireNonNull(verifier, "verifier"));
        var cfg = settings.bidding();
        SellerBook book = new SellerBook(cfg.seller(), new SellerTerms(us, Ids.asset(settings.asset()),
                Ids.chain(settings.chainId())), adapter);
        SellerDesk seller = new SellerDesk(book, settings.paymentGrace().toMillis());
        BuyerDesk buyer = new BuyerDesk(new ChequeBook(),
                new DailyBudget(cfg.buyer().perDayBudget(), cfg.buyer().zone()));
        parts = new PluginParts(new AtomicReference<>(settings), us, signer, adapter, Objects.requireNonNull(settlement, "settlement"),
                Objects.requireNonNull(ledger, "ledger"), new SlowLane("swarmbid-btt"), seller, buyer,
                new Sessions(), new BttStats(settings.decimals(), unit(settings.asset())));
        handshake = handshakeOf(settings);
        receipts = new Receipts(parts);
        chequeIntake = new ChequeIntake(parts);
        settlementIntake = new SettlementIntake(parts, receipts);
        settler = new Settler(parts);
        issuer = new ChequeIssuer(parts, settler);
        receiptCheck = new ReceiptCheck(parts, settler);
        LedgerRestore.restore(ledger, parts);
        parts.lane().execute(() -> {
            settlementIntake.resume();
            settler.resume();
            for (Account a : LedgerRestore.unpaid(ledger, parts)) {
                issuer.issue(a, null);
            }
        });
    }

    private static BttHandshake handshakeOf(BttSettings settings) {
        return new BttHandshake(BttHandshake.VERSION, settings.account(), settings.chainId(),
                List.of(new BttHandshake.AssetInfo(settings.asset(), settings.decimals())), settings.sells(),
                settings.buys());
    }

    private static String unit(AssetId asset) {
        if (asset.equals(AssetId.BTT) || asset.equals(AssetId.BTT_OLD)) {
            return "BTT";
        }
        return asset.equals(AssetId.TRX) ? "TRX" : asset.wire();
    }

    /** Earned, spent and settled totals (thread-safe; listeners run on the worker). */
    public BttStats stats() {
        return parts.stats();
    }

    /** As {@link #updateBidding(BiddingConfig, Map)} without per-torrent caps. */
    public void updateBidding(BiddingConfig config) {
        updateBidding(config, Map.of());
    }

    /**
     * Replaces the bidding policy of the running plugin (the desktop client's bidding screen saves new settings).
     * Thread-safe; returns at once. What changes, and from when:
     * <ul>
     *   <li>buyer: the per-torrent budget and maximum price apply from the next bid on every torrent (a torrent in
     *       {@code byTorrent}, keyed by hex info-hash, takes that {@link BuyerConfig}'s budget and price instead);
     *       the daily budget from the next comparison; spending switched off stops bidding (slots already won run
     *       out at the end of their round). What was spent or reserved under the old caps still counts. A seller
     *       only offers to a peer whose handshake said it buys: spending switched on from off reaches the
     *       connections made afterwards.</li>
     *   <li>seller: the reserve price and the number of paid slots apply from the next choke round; the credit
     *       terms (initial window, growth, cap), settlement threshold and deadline, missed settlements and cheque
     *       lag from the next decision, each payer's window recomputed from its confirmed settlements (what it owes
     *       and its history are kept). Every buyer connected now for which a term of its offer changed gets one new
     *       {@code offer} (docs/btt-extension.md 4.1: "again whenever a term changes"; {@code slots} 0 when selling
     *       stopped); unchanged terms are not re-sent. A larger credit window binds a paid slot only from the
     *       second round after that offer. The engine's regular slot count stays as started. A torrent that joined
     *       while nothing was sold has no auction in its choker: switching selling on reaches the torrents that
     *       join afterwards.</li>
     *   <li>the extension handshake of connections made from now on announces the new buy/sell flags.</li>
     * </ul>
     * The chain, asset, account and timers are not part of the policy and never change.
     *
     * @param byTorrent per-torrent buyer caps by lower-case hex info-hash (may be empty)
     */
    public void updateBidding(BiddingConfig config, Map<String, BuyerConfig> byTorrent) {
        Objects.requireNonNull(config, "config");
        Map<String, BuyerConfig> caps = Map.copyOf(byTorrent);
        synchronized (this) {
            BttSettings old = parts.settings();
            BiddingConfig was = old.bidding();
            SellerConfig s = config.seller();
            // the engine's regular slots are fixed when it starts; every other seller term is live
            var seller = new SellerConfig(s.paidSlots(), was.seller().regularSlots(), s.reservePricePerMiB(),
                    s.initialCreditBytes(), s.creditIncreaseBytes(), s.maxCreditBytes(), s.settlementThreshold(),
                    s.settlementDeadlineMillis(), s.maxMissedSettlements(), s.chequeLagBytes());
            BiddingConfig next = new BiddingConfig(seller, config.buyer().withZone(was.buyer().zone()));
            BttSettings settings = old.withBidding(next);
            this.byTorrent = caps;
            parts.seller().reconfigure(seller);
            parts.live().set(settings);
            handshake = handshakeOf(settings);
            parts.buyer().locked(() -> parts.buyer().day().perDay(next.buyer().perDayBudget()));
        }
        for (BttTorrent t : List.copyOf(torrents)) {
            t.context().execute(t::reconfigured);
        }
    }

    /** The buyer's caps on the torrent with this hex info-hash: its own, else the plugin's. */
    BuyerConfig buyerConfig(String infoHash) {
        BuyerConfig own = byTorrent.get(infoHash);
        BuyerConfig all = parts.settings().bidding().buyer();
        return own == null ? all : all.withBudget(own.perTorrentBudget(), all.perDayBudget(), own.maxPricePerMiB());
    }

    @Override
    public String name() {
        return EXTENSION;
    }

    @Override
    public Optional<TorrentPlugin> forTorrent(TorrentContext torrent) {
        BttTorrent t = new BttTorrent(this, torrent);
        torrents.add(t);
        return Optional.of(t);
    }

    /** The torrent with this hex info-hash, if it runs. */
    Optional<BttTorrent> torrent(String infoHash) {
        return torrents.stream().filter(t -> t.hex().equals(infoHash)).findFirst();
    }

    void forget(BttTorrent torrent) {
        torrents.remove(torrent);
    }

    /**
     * Waits, from any thread but the engine's loop, until every piece we bought and verified is covered by a cheque
     * its seller acknowledged and every settlement is acknowledged, or {@code max} passes. A finished download
     * calls this before it closes the engine, so the last pieces are paid in this run rather than at the next
     * resynchronisation.
     *
     * @return true if settled up, false on timeout (nothing is lost: the ledger resends at the next session)
     */
    public boolean awaitSettledUp(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            boolean all = true;
            for (BttTorrent t : List.copyOf(torrents)) {
                CompletableFuture<Boolean> done = new CompletableFuture<>();
                t.context().execute(() -> done.complete(t.settledUp()));
                try {
                    long left = Math.max(1, deadline - System.nanoTime());
                    all &= done.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Drains the worker (queued ledger writes finish; chain polls stop and resume at the next start). */
    @Override
    public void close() {
        parts.lane().close();
    }

    PluginParts parts() {
        return parts;
    }

    BttHandshake handshake() {
        return handshake;
    }

    Receipts receipts() {
        return receipts;
    }

    ChequeIntake chequeIntake() {
        return chequeIntake;
    }

    SettlementIntake settlementIntake() {
        return settlementIntake;
    }

    Settler settler() {
        return settler;
    }

    ChequeIssuer issuer() {
        return issuer;
    }

    ReceiptCheck receiptCheck() {
        return receiptCheck;
    }
}
