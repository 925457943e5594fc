package org.swarmbid.app.btt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.ext.btt.SigningDomain;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/**
 * Builds the payment side of a {@code download}/{@code seed} run from the {@link BiddingOptions}, an open
 * {@link WalletService} and the state folder: opens the ledger ({@code <state-dir>/ledger.sqlite}) and the settlement
 * journal, unlocks the wallet with the password from {@link PasswordSource}, learns the chain id, and wires the
 * ports. The caller hands the result to the engine plugin and closes it after the session stopped.
 *
 * <p>Failures: {@link BiddingOptionException} (usage, exit 2), {@code CorruptLedgerException} (bad input, exit 3),
 * {@code WalletException} (WRONG_PASSWORD / NO_WALLET / CORRUPT_KEYSTORE: bad input; NETWORK: failure), each one
 * line and secret-free. Whatever was opened before a failure is closed again.
 */
public final class BiddingSetup {
    /** Deadline of each call to our node when checking claims or reading the chain id. */
    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(15);
    /** Worker threads for the wallet's blocking work (signing, node round trips, SQLite). */
    public static final int WORKERS = 2;

    private BiddingSetup() {
    }

    /** The wallet options for a run: {@code base} with the network of {@code --network}, if given. */
    public static WalletOptions walletOptions(BiddingOptions options, WalletOptions base) {
        return options.network().map(base::withNetwork).orElse(base);
    }

    /** Builds everything from the command-line options. */
    public static BiddingServices open(BiddingOptions options, WalletService wallet, PasswordSource passwords,
            Path stateDir) {
        return open(options.config(), options.asset(), wallet, passwords, stateDir, Clock.systemUTC());
    }

    /** Builds everything from an explicit configuration. */
    public static BiddingServices open(BiddingConfig config, SettlementAsset asset, WalletService wallet,
            PasswordSource passwords, Path stateDir, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(stateDir, "stateDir");
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir + ": "
                    + e.getClass().getSimpleName(), e);
        }
        Ledger ledger = null;
        UnlockedWallet unlocked = null;
        TronNodeReader reader = null;
        SettlementJournal journal = null;
        ExecutorService executor = null;
        try {
            ledger = Ledger.open(StateDir.ledger(stateDir));
            char[] password = passwords.read("Wallet password: ");
            try {
                unlocked = wallet.unlock(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            reader = new TronNodeReader(wallet.network(), NODE_TIMEOUT);
            long chainId = chainId(wallet.network().name(), reader);
            journal = SettlementJournal.open(stateDir.resolve(SettlementJournal.FILE_NAME));
            executor = Executors.newFixedThreadPool(WORKERS, daemonThreads());
            ChainId chain = ChainId.of(Long.toString(chainId));
            WalletChequeSigner signer = WalletChequeSigner.of(unlocked, executor);
            WalletSettlement settlement = new WalletSettlement(wallet, unlocked, reader, journal, chain, executor,
                    clock);
            return new BiddingServices(config, ledger, signer, new WalletSignatureVerifier(), settlement, asset,
                    chainId, Address.of(unlocked.address().toBase58()), executor, unlocked, reader, journal);
        } catch (RuntimeException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            closeQuietly(journal, e);
            closeQuietly(reader, e);
            if (unlocked != null) {
                unlocked.lock();
            }
            closeQuietly(ledger, e);
            throw e;
        }
    }

    /**
     * The TIP-712 chain id: the published value for mainnet, Nile and Shasta; for anything else (a devnet) read
     * from the node's genesis block (docs/btt-extension.md §6.2).
     */
    public static long chainId(String networkName, TronNodeReader reader) {
        switch (networkName) {
            case "mainnet":
                return SigningDomain.MAINNET;
            case "nile":
                return SigningDomain.NILE;
            case "shasta":
                return SigningDomain.SHASTA;
            default:
                return reader.chainId();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "swarmbid-wallet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException primary) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
