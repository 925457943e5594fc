package org.swarmbid.app.btt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.ext.btt.SigningDomain;
import org.swarmbid.wallet.service.UnlockedWallet;

/**
 * Everything the bid extension's engine plugin needs from the app, built by {@link BiddingSetup}: the configuration,
 * the open ledger, the unlocked wallet's signer, the verifier, the settlement port, and the chain and asset they
 * work on. Closing it shuts the worker threads down, closes the node connection, the journal and the ledger, and
 * locks the wallet (wiping the key), in that order.
 *
 * @param config the engine's configuration from the command line
 * @param ledger the payment ledger ({@code <state-dir>/ledger.sqlite}), open for writing
 * @param signer signs cheques and bids (protocol {@code ChequeSigner} and engine {@code ChequeSignerPort})
 * @param verifier recovers signers (protocol {@code SignatureVerifier} and engine {@code ChequeVerifierPort})
 * @param settlement the engine's {@code SettlementPort}
 * @param asset the asset prices and cheques are in
 * @param chainId the TIP-712 chain id of the wallet's network (e.g. 728126428 on mainnet)
 * @param self our address as the engine names it (Base58Check {@code T...})
 * @param executor the wallet's worker threads, where the ports' futures run
 */
public record BiddingServices(BiddingConfig config, Ledger ledger, WalletChequeSigner signer,
        WalletSignatureVerifier verifier, WalletSettlement settlement, SettlementAsset asset, long chainId,
        Address self, ExecutorService executor, UnlockedWallet unlocked, TronNodeReader reader,
        SettlementJournal journal) implements AutoCloseable {

    public BiddingServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(unlocked, "unlocked");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(journal, "journal");
    }

    /** The engine's chain id text: the decimal TIP-712 chain id. */
    public ChainId chain() {
        return settlement.chain();
    }

    /** The signing domain of cheques and bids in this asset on this chain (docs/btt-extension.md §6.2). */
    public SigningDomain domain() {
        return new SigningDomain(chainId, asset.wire());
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "BiddingServices[" + self + ", " + asset.symbol() + " on chain " + chainId + "]";
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable c : new AutoCloseable[] {reader, journal, ledger}) {
            try {
                c.close();
            } catch (Exception e) {
                failures.add(e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e));
            }
        }
        unlocked.lock();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
