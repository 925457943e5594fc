package org.swarmbid.ext.btt.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.SigningDomain;
import org.swarmbid.ext.btt.TronAccount;

/**
 * Everything the {@code swarmbid_btt} plugin needs to know besides its ports.
 *
 * <p>Selling is on when {@code bidding.seller().paidSlots() > 0}; spending is on only when
 * {@code bidding.buyer().spendingEnabled()} (a per-torrent budget, a per-day budget and a maximum price are all set).
 * The plugin announces the extension in either case, so that receipts and settlements of earlier sessions can
 * still be exchanged.
 *
 * @param chainId        TRON chain id of the signing domain (1..2^32-1; mainnet 728126428)
 * @param asset          the one asset we pay and accept (wire form, e.g. {@link AssetId#BTT})
 * @param decimals       its decimals, for display and the handshake (0..77; BTT 18)
 * @param account        our TRON address: payee when selling, payer when buying (must be the signer's)
 * @param bidding        seller and buyer policy
 * @param roundLength    the engine's choke interval ({@code SessionConfig.chokeInterval}); sent in offers and used
 *                       as the length of a sold slot
 * @param wantedRate     download rate (bytes/s) above which the buyer does not bid; 0 = always bid while it may
 * @param paymentGrace   how long a paid-slot holder may sit at its credit limit (its requests deferred) before the
 *                       seller revokes its slot for non-payment (error 10)
 * @param chainPoll      how often settlements are polled on chain until final
 * @param clock          wall clock (bid expiry, ledger times, budget days)
 */
public record BttSettings(long chainId, AssetId asset, int decimals, TronAccount account, BiddingConfig bidding,
                          Duration roundLength, long wantedRate, Duration paymentGrace, Duration chainPoll,
                          Clock clock) {

    public BttSettings {
        new SigningDomain(chainId, asset); // validates both
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bidding, "bidding");
        Objects.requireNonNull(clock, "clock");
        if (decimals < 0 || decimals > 77) {
            throw new IllegalArgumentException("decimals must be 0..77, got " + decimals);
        }
        if (roundLength.toSeconds() < 1 || roundLength.toSeconds() > 3600) {
            throw new IllegalArgumentException("roundLength must be 1..3600 s, got " + roundLength);
        }
        if (wantedRate < 0) {
            throw new IllegalArgumentException("wantedRate must not be negative");
        }
        if (paymentGrace.isNegative() || paymentGrace.isZero() || chainPoll.isNegative() || chainPoll.isZero()) {
            throw new IllegalArgumentException("paymentGrace and chainPoll must be positive");
        }
    }

    /** 10 s rounds, no rate target, 5 s payment grace, chain polled every 3 s, system UTC clock. */
    public static BttSettings of(long chainId, AssetId asset, int decimals, TronAccount account,
                                 BiddingConfig bidding) {
        return new BttSettings(chainId, asset, decimals, account, bidding, Duration.ofSeconds(10), 0,
                Duration.ofSeconds(5), Duration.ofSeconds(3), Clock.systemUTC());
    }

    /** A copy with another round length (the engine's choke interval). */
    public BttSettings withRoundLength(Duration round) {
        return new BttSettings(chainId, asset, decimals, account, bidding, round, wantedRate, paymentGrace, chainPoll,
                clock);
    }

    /** A copy with other payment grace and chain poll intervals. */
    public BttSettings withTimers(Duration grace, Duration poll) {
        return new BttSettings(chainId, asset, decimals, account, bidding, roundLength, wantedRate, grace, poll, clock);
    }

    /** A copy with another bidding policy (seller and buyer). */
    public BttSettings withBidding(BiddingConfig b) {
        return new BttSettings(chainId, asset, decimals, account, b, roundLength, wantedRate, paymentGrace, chainPoll,
                clock);
    }

    /** A copy with another clock. */
    public BttSettings withClock(Clock c) {
        return new BttSettings(chainId, asset, decimals, account, bidding, roundLength, wantedRate, paymentGrace,
                chainPoll, c);
    }

    /** True if we sell paid slots. */
    public boolean sells() {
        return bidding.seller().paidSlots() > 0;
    }

    /** True if we may bid. */
    public boolean buys() {
        return bidding.buyer().spendingEnabled();
    }

    /** The signing domain of our cheques and bids. */
    public SigningDomain domain() {
        return new SigningDomain(chainId, asset);
    }
}
