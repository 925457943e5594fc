package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.chain.Network;
import picocli.CommandLine.Option;

/**
 * The bid extension's options for {@code download} and {@code seed} (a picocli mixin). Amounts are typed in whole
 * units of the chosen asset ("0.5" BTT per MiB) and converted exactly to base units with the asset's decimals
 * (docs/btt-extension.md §1: no floating point); more decimals than the asset has, a sign, exponents, blanks or
 * anything else than digits and one '.' are refused with a one-line message naming the option (exit code 2).
 *
 * <ul>
 *   <li>Spending is off unless both {@code --max-price} and {@code --budget} are given ({@code --daily-budget}
 *       defaults to the per-torrent budget, so one run can never spend more than the user typed once).</li>
 *   <li>Selling is on only with {@code --paid-slots N} (N &gt; 0) or {@code --sell-price P}; the reserve price then
 *       defaults to a thousandth of a whole unit per MiB and the settlement threshold ({@code --settle-threshold})
 *       to 100 whole units.</li>
 * </ul>
 *
 * <p>Inside a {@code swarmbid} command a {@link BiddingOptionException} from {@link #config()} needs no handling:
 * {@code Main} prints it as one line and exits with code 2, like every usage error.
 *
 * <p>Not thread-safe (picocli fills it in); {@link #config()} returns immutable values.
 */
public final class BiddingOptions {
    /** Paid slots when only {@code --sell-price} is given. */
    public static final int DEFAULT_PAID_SLOTS = SellerConfig.defaults().paidSlots();

    @Option(names = "--max-price", paramLabel = "P",
            description = "buy paid upload slots, bidding at most P per MiB (in --asset units, e.g. 0.05)")
    String maxPrice;

    @Option(names = "--budget", paramLabel = "B", description = "most to spend on this torrent (needs --max-price)")
    String budget;

    @Option(names = "--daily-budget", paramLabel = "B",
            description = "most to spend per day over all torrents (default: --budget)")
    String dailyBudget;

    @Option(names = "--sell-price", paramLabel = "P",
            description = "sell paid upload slots at a reserve price of P per MiB (default when selling: 0.001)")
    String sellPrice;

    @Option(names = "--paid-slots", paramLabel = "N",
            description = "paid upload slots to sell per round, 0..64 (default: " + "2 with --sell-price, else 0)")
    Integer paidSlots;

    @Option(names = "--settle-threshold", paramLabel = "B",
            description = "when selling: a payer settles on chain once its accepted cheques exceed what it settled"
                    + " by B (default: 100)")
    String settleThreshold;

    @Option(names = "--asset", paramLabel = "ASSET", defaultValue = "btt",
            description = "what prices are paid in: btt, trx or btt-old (default: ${DEFAULT-VALUE})")
    String asset = "btt";

    @Option(names = "--network", paramLabel = "NAME",
            description = "TRON network for payments: devnet, nile, shasta or mainnet (default: the wallet's own)")
    String network;

    /** The asset prices are in. */
    public SettlementAsset asset() {
        try {
            return SettlementAsset.byName(asset);
        } catch (IllegalArgumentException e) {
            throw new BiddingOptionException("--asset: " + e.getMessage());
        }
    }

    /** The network named with {@code --network}, or empty for the wallet's own. */
    public Optional<String> network() {
        if (network == null) {
            return Optional.empty();
        }
        String n = network.strip().toLowerCase(Locale.ROOT);
        if (!Network.PRESET_NAMES.contains(n)) {
            throw new BiddingOptionException("--network: unknown network '" + network + "' (expected "
                    + String.join(", ", Network.PRESET_NAMES) + ")");
        }
        return Optional.of(n);
    }

    /** True if any payment option is given, i.e. the wallet is needed. */
    public boolean enabled() {
        if (maxPrice == null && budget == null && dailyBudget == null && sellPrice == null && paidSlots == null) {
            // a plain run: nothing to check, and no wallet classes loaded (their Bouncy Castle jar is signed, so the
            // JDK verifies it on first use and its classes cannot come from the start-up archive: ~0.2 CPU s)
            return false;
        }
        BiddingConfig c = config();
        return c.buyer().spendingEnabled() || c.seller().paidSlots() > 0;
    }

    /**
     * The bidding engine's configuration.
     *
     * @throws BiddingOptionException (one line, naming the option) for a bad value or combination
     */
    public BiddingConfig config() {
        SettlementAsset a = asset();
        network();
        BuyerConfig buyer = BuyerConfig.defaults();
        if (maxPrice != null || budget != null || dailyBudget != null) {
            if (maxPrice == null || budget == null) {
                throw new BiddingOptionException((maxPrice == null ? "--budget" : "--max-price")
                        + " needs " + (maxPrice == null ? "--max-price" : "--budget")
                        + " (spending is on only with both)");
            }
            BigInteger max = positive("--max-price", maxPrice, a);
            BigInteger perTorrent = positive("--budget", budget, a);
            BigInteger perDay = dailyBudget == null ? perTorrent : positive("--daily-budget", dailyBudget, a);
            buyer = buyer.withBudget(perTorrent, perDay, max);
        }
        SellerConfig seller = SellerConfig.defaults()
                .withReserve(defaultReserve(a))
                .withSettlementThreshold(BigInteger.valueOf(100).multiply(BigInteger.TEN.pow(a.decimals())))
                .withPaidSlots(0);
        if (paidSlots != null && (paidSlots < 0 || paidSlots > 64)) {
            throw new BiddingOptionException("--paid-slots: " + paidSlots + " is not between 0 and 64");
        }
        if (sellPrice != null && paidSlots != null && paidSlots == 0) {
            throw new BiddingOptionException("--sell-price needs --paid-slots above 0 (or leave --paid-slots out)");
        }
        if (sellPrice != null) {
            seller = seller.withReserve(positive("--sell-price", sellPrice, a));
        }
        int slots = paidSlots != null ? paidSlots : sellPrice != null ? DEFAULT_PAID_SLOTS : 0;
        seller = seller.withPaidSlots(slots);
        if (settleThreshold != null) {
            if (slots == 0) {
                throw new BiddingOptionException("--settle-threshold needs --paid-slots or --sell-price (it is a"
                        + " seller's term)");
            }
            seller = seller.withSettlementThreshold(positive("--settle-threshold", settleThreshold, a));
        }
        return new BiddingConfig(creditConsistent(seller), buyer);
    }

    /**
     * The seller's terms with the cheque-lag tolerance no tighter than the credit window. The engine's default
     * tolerance (2 MiB) refuses honest cheques as underpaid (error 9) once the rate times the buyer's cheque cadence
     * exceeds it: cheques are at least 100 ms apart (the peer's rate limit) and follow each piece's ledger write and
     * signature, so at 90 MB/s a cheque lags by about 9 MiB; the refused cheque then leaves the payer "over credit",
     * and the seller revokes the slot of a buyer that pays (measured with scripts/bench-bidding, docs/benchmarks.md).
     * The credit window (docs/btt-extension.md 7.2) already bounds what a payer may owe, so the tolerance adds no
     * protection beyond it.
     */
    static SellerConfig creditConsistent(SellerConfig s) {
        long lag = Math.max(s.chequeLagBytes(), s.maxCreditBytes());
        return new SellerConfig(s.paidSlots(), s.regularSlots(), s.reservePricePerMiB(), s.initialCreditBytes(),
                s.creditIncreaseBytes(), s.maxCreditBytes(), s.settlementThreshold(), s.settlementDeadlineMillis(),
                s.maxMissedSettlements(), lag);
    }

    /** A thousandth of a whole unit per MiB (1 sun for an asset with 3 decimals or fewer). */
    static BigInteger defaultReserve(SettlementAsset a) {
        return a.decimals() >= 3 ? BigInteger.TEN.pow(a.decimals() - 3) : BigInteger.ONE;
    }

    /**
     * Parses {@code text} in whole units of {@code asset} into base units: exact, more than zero.
     *
     * @throws BiddingOptionException naming {@code option}
     */
    public static BigInteger parseAmount(String option, String text, SettlementAsset asset) {
        try {
            return Amount.parse(text, asset.wallet()).units();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BiddingOptionException(option + ": " + oneLine(e.getMessage()) + " (got '" + printable(text) + "')");
        }
    }

    private static BigInteger positive(String option, String text, SettlementAsset asset) {
        BigInteger v = parseAmount(option, text, asset);
        if (v.signum() == 0) {
            throw new BiddingOptionException(option + ": must be more than 0");
        }
        return v;
    }

    private static String oneLine(String s) {
        return s == null ? "invalid" : s.replaceAll("[\\r\\n]+", " ");
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 40 ? b + "..." : b.toString();
    }
}
