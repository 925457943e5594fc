package org.swarmbid.app.btt;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.SettlementPort;
import org.swarmbid.bidding.port.SettlementRequest;
import org.swarmbid.bidding.port.TransferClaim;
import org.swarmbid.bidding.port.TxIds;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.PreparedTransfer;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;

/**
 * The bidding engine's {@link SettlementPort} over the wallet (docs/btt-extension.md §8.1): plain transfers of TRX
 * ({@code TransferContract}), legacy BTT ({@code TransferAssetContract}) and BTT ({@code transfer(address,uint256)}),
 * and the on-chain check of a payer's claim.
 *
 * <p><b>Paying at most once per settlement id.</b> {@link #transfer} signs offline, writes settlement id → txid to the
 * {@link SettlementJournal}, then lets the wallet record the transaction (SIGNED) and broadcast it. Asked again for the
 * same settlement id it never signs a second payment while the first could still land:
 * <pre>
 *   journal has no row               → sign, journal, record + broadcast, answer the new txid
 *   row, txid not in wallet history  → crashed before the wallet recorded it: it was never broadcast, sign anew
 *   row, history says SIGNED         → broadcast the same bytes again, answer that txid
 *   row, any other state             → answer that txid (status() tells the engine how it went)
 *   row with other terms             → refused (a settlement id names one payment)
 * </pre>
 *
 * <p>{@link #verifyIncoming} asks our own node, never the payer: see {@link TransferCheck} for the verdicts.
 *
 * <p>Threading: thread-safe; every method returns at once and works on {@code executor} (node round trips, SQLite).
 * Transfers are serialised. Never logs the key; failures are one-line {@link WalletException}s or
 * {@link IllegalArgumentException}s.
 */
public final class WalletSettlement implements SettlementPort {
    private static final Logger LOG = LoggerFactory.getLogger(WalletSettlement.class);

    private final WalletService wallet;
    private final UnlockedWallet unlocked;
    private final TronNodeReader reader;
    private final SettlementJournal journal;
    private final ChainId chain;
    private final Executor executor;
    private final Clock clock;
    private final Object transferLock = new Object();

    /**
     * @param wallet the wallet service (its network must be {@code chain}'s)
     * @param unlocked the unlocked wallet that pays; the caller locks it after closing the session
     * @param reader our own node, for incoming claims
     * @param journal settlement id → txid
     * @param chain the engine's id of the chain the wallet is on (the decimal TIP-712 chain id)
     * @param executor where the blocking work runs
     */
    public WalletSettlement(WalletService wallet, UnlockedWallet unlocked, TronNodeReader reader,
            SettlementJournal journal, ChainId chain, Executor executor, Clock clock) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Longest wait for a new head block when a settlement would repeat an earlier transaction. */
    static final java.time.Duration TWIN_WAIT = java.time.Duration.ofSeconds(30);
    private static final long TWIN_POLL_MILLIS = 200;

    @Override
    public CompletableFuture<String> transfer(SettlementRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.supplyAsync(() -> {
            synchronized (transferLock) {
                return transferNow(request);
            }
        }, executor);
    }

    private String transferNow(SettlementRequest request) {
        Account a = request.account();
        if (!a.chain().equals(chain)) {
            throw new IllegalArgumentException("settlement " + request.settlementId() + " is for chain " + a.chain()
                    + ", the wallet is on " + chain);
        }
        TronAddress payer = TronAddress.parse(a.payer().value());
        if (!payer.equals(unlocked.address())) {
            throw new IllegalArgumentException("settlement " + request.settlementId() + " is paid by " + payer
                    + ", the wallet is " + unlocked.address());
        }
        TronAddress payee = WalletService.parseAddress(a.payee().value());
        SettlementAsset asset = SettlementAsset.parse(a.asset().value());
        Amount amount;
        try {
            amount = asset.amount(request.amount());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("settlement " + request.settlementId() + ": " + e.getMessage(), e);
        }
        Optional<SettlementJournal.Entry> existing = journal.find(chain.value(), request.settlementId());
        if (existing.isPresent()) {
            SettlementJournal.Entry e = existing.get();
            if (!e.sameTerms(a, request.amount())) {
                throw new IllegalArgumentException("settlement " + request.settlementId()
                        + " was already made with other terms (txid " + e.txid() + ")");
            }
            Optional<TxStatus> known = recorded(e.txid());
            if (known.isPresent()) {
                if (known.get().state() == TxState.SIGNED) {
                    rebroadcastQuietly(e.txid());
                }
                LOG.info("settlement {} already has transaction {} ({})", request.settlementId(), e.txid(),
                        known.get().state());
                return e.txid();
            }
            LOG.warn("settlement {}: transaction {} was never recorded by the wallet (crash before broadcast);"
                    + " signing it again", request.settlementId(), e.txid());
        }
        PreparedTransfer prepared = distinctTransfer(request.settlementId(), payee, amount);
        journal.put(new SettlementJournal.Entry(request.settlementId(), a, request.amount(), prepared.txid()),
                clock.millis());
        try {
            wallet.send(prepared);
        } catch (WalletException e) {
            if (e.reason() != WalletException.Reason.NETWORK) {
                throw e;
            }
            LOG.warn("settlement {}: {} recorded but not broadcast yet: {}", request.settlementId(), prepared.txid(),
                    e.getMessage());
        }
        LOG.info("settlement {}: {} to {} in {}", request.settlementId(), asset.format(request.amount()), payee,
                prepared.txid());
        return prepared.txid();
    }

    /**
     * A transfer whose txid no other settlement has. The wallet stamps a transaction with its reference (head) block's
     * time, so two settlements with the same payee and amount prepared within one block are byte for byte the same
     * transaction: one payment on chain that both would count as theirs (the second is refused by the wallet and the
     * node as a duplicate, and found "already made" on the retry). Such a twin is prepared again once the head block
     * moved on.
     */
    private PreparedTransfer distinctTransfer(long settlementId, TronAddress payee, Amount amount) {
        long deadline = clock.millis() + TWIN_WAIT.toMillis();
        while (true) {
            PreparedTransfer prepared = wallet.prepare(unlocked, payee, amount);
            Optional<Long> owner = journal.settlementOf(chain.value(), prepared.txid());
            boolean twin = owner.isPresent() && owner.get() != settlementId || recorded(prepared.txid()).isPresent();
            if (!twin) {
                return prepared;
            }
            if (clock.millis() > deadline) {
                throw new IllegalStateException("settlement " + settlementId + ": the chain's head block did not move"
                        + " in " + TWIN_WAIT.toSeconds() + " s, so its transfer would repeat transaction "
                        + prepared.txid());
            }
            LOG.info("settlement {}: same transaction as an earlier one ({}); waiting for the next block",
                    settlementId, prepared.txid());
            try {
                Thread.sleep(TWIN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("settlement " + settlementId + " interrupted");
            }
        }
    }

    /** The wallet's status of one of its transactions, or empty if the wallet never recorded it. */
    private Optional<TxStatus> recorded(String txid) {
        try {
            return Optional.of(wallet.refresh(txid));
        } catch (WalletException e) {
            if (e.reason() == WalletException.Reason.INVALID_INPUT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void rebroadcastQuietly(String txid) {
        try {
            wallet.rebroadcast(txid);
        } catch (WalletException e) {
            LOG.warn("re-broadcasting {} failed: {}", txid, e.getMessage());
        }
    }

    @Override
    public CompletableFuture<ChainStatus> status(String txid) {
        TxIds.require(txid);
        return CompletableFuture.supplyAsync(() -> {
            TxStatus s = recorded(txid).orElseThrow(() -> new IllegalArgumentException(
                    "transaction " + txid + " is not one of this wallet's"));
            if (s.state() == TxState.SIGNED) {
                rebroadcastQuietly(txid);
                s = recorded(txid).orElse(s);
            }
            return toChainStatus(s.state());
        }, executor);
    }

    @Override
    public CompletableFuture<ChainStatus> verifyIncoming(TransferClaim claim) {
        Objects.requireNonNull(claim, "claim");
        return CompletableFuture.supplyAsync(() -> {
            Optional<ObservedTransfer> observed = claim.account().chain().equals(chain)
                    ? reader.transfer(claim.txid()) : Optional.empty();
            TransferCheck.Verdict v = TransferCheck.check(claim, chain, observed);
            if (v.status() == ChainStatus.FAILED) {
                LOG.info("settlement claim {} refused: {}", claim.txid(), v.reason());
            } else {
                LOG.debug("settlement claim {}: {} ({})", claim.txid(), v.status(), v.reason());
            }
            return v.status();
        }, executor);
    }

    static ChainStatus toChainStatus(TxState state) {
        switch (state) {
            case SIGNED:
                return ChainStatus.SIGNED;
            case BROADCAST:
                return ChainStatus.BROADCAST;
            case IN_BLOCK:
                return ChainStatus.IN_BLOCK;
            case SOLID:
                return ChainStatus.SOLID;
            case EXPIRED:
                return ChainStatus.EXPIRED;
            default:
                return ChainStatus.FAILED;
        }
    }

    /** The chain this adapter settles on. */
    public ChainId chain() {
        return chain;
    }
}
