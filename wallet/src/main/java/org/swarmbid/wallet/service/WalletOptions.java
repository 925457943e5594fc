package org.swarmbid.wallet.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.swarmbid.wallet.keystore.Keystore;

/**
 * How a {@link WalletService} runs. The network choices override the wallet folder's settings for this run only
 * (except at create/import, where they are written to the settings).
 *
 * @param network          a preset name ({@code devnet}, {@code nile}, {@code shasta}, {@code mainnet}), or empty for
 *                         the wallet's setting (devnet for a new wallet)
 * @param fullNode         a full-node endpoint {@code host:port} replacing the preset's
 * @param solidityNode     a solidity-node endpoint; empty with a full node given means its host, port + 10
 * @param apiKey           TronGrid API key (never stored, never printed)
 * @param callTimeout      deadline of each call to the node
 * @param pollInterval     how often {@link WalletService#await} asks the node
 * @param transactionTtl   how long a signed transaction stays valid (at most 24 h)
 * @param trc20FeeLimitSun the most a TRC-20 transfer may burn for energy
 * @param keystore         the keystore cost for new and re-encrypted files
 * @param clock            time for history entries
 */
public record WalletOptions(Optional<String> network, Optional<String> fullNode, Optional<String> solidityNode,
        Optional<String> apiKey, Duration callTimeout, Duration pollInterval, Duration transactionTtl,
        long trc20FeeLimitSun, Keystore keystore, Clock clock) {

    /** 100 TRX: a cap, not a price (a BTT transfer burns a few TRX of energy on mainnet). */
    public static final long DEFAULT_TRC20_FEE_LIMIT_SUN = 100_000_000L;

    public WalletOptions {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(fullNode, "fullNode");
        Objects.requireNonNull(solidityNode, "solidityNode");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(clock, "clock");
        positive(callTimeout, "call timeout");
        positive(pollInterval, "poll interval");
        positive(transactionTtl, "transaction TTL");
        if (transactionTtl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("transaction TTL must be at most 24 h");
        }
        if (trc20FeeLimitSun <= 0) {
            throw new IllegalArgumentException("TRC-20 fee limit must be positive");
        }
    }

    /** The wallet's own network, 15 s per call, 1 s polls, 10 min TTL, 100 TRX fee limit, standard scrypt. */
    public static WalletOptions defaults() {
        return new WalletOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMinutes(10), DEFAULT_TRC20_FEE_LIMIT_SUN,
                Keystore.standard(), Clock.systemUTC());
    }

    /** With a network preset name (null: the wallet's setting). */
    public WalletOptions withNetwork(String name) {
        return new WalletOptions(Optional.ofNullable(name), fullNode, solidityNode, apiKey, callTimeout, pollInterval,
                transactionTtl, trc20FeeLimitSun, keystore, clock);
    }

    /** With node endpoints (null: the preset's). */
    public WalletOptions withNodes(String full, String solidity) {
        return new WalletOptions(network, Optional.ofNullable(full), Optional.ofNullable(solidity), apiKey,
                callTimeout, pollInterval, transactionTtl, trc20FeeLimitSun, keystore, clock);
    }

    /** With a TronGrid API key (null or blank: none). */
    public WalletOptions withApiKey(String key) {
        return new WalletOptions(network, fullNode, solidityNode, Optional.ofNullable(key).filter(k -> !k.isBlank()),
                callTimeout, pollInterval, transactionTtl, trc20FeeLimitSun, keystore, clock);
    }

    /** With other timing. */
    public WalletOptions withTiming(Duration call, Duration poll, Duration ttl) {
        return new WalletOptions(network, fullNode, solidityNode, apiKey, call, poll, ttl, trc20FeeLimitSun, keystore,
                clock);
    }

    /** With another keystore cost (tests use a cheap scrypt). */
    public WalletOptions withKeystore(Keystore cost) {
        return new WalletOptions(network, fullNode, solidityNode, apiKey, callTimeout, pollInterval, transactionTtl,
                trc20FeeLimitSun, cost, clock);
    }

    /** With another TRC-20 fee limit. */
    public WalletOptions withTrc20FeeLimit(long sun) {
        return new WalletOptions(network, fullNode, solidityNode, apiKey, callTimeout, pollInterval, transactionTtl,
                sun, keystore, clock);
    }

    /** Never the API key. */
    @Override
    public String toString() {
        return "WalletOptions[network=" + network.orElse("(wallet's)") + ", fullNode=" + fullNode.orElse("-")
                + ", solidityNode=" + solidityNode.orElse("-") + (apiKey.isPresent() ? ", apiKey=***" : "")
                + ", callTimeout=" + callTimeout + "]";
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
