package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.bidding.config.BiddingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Parsing of the bid options: exact base units, every kind of bad value a one-line usage error (exit 2). */
class BiddingOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Mixin
        BiddingOptions bidding;
        BiddingConfig config;

        @Override
        public Integer call() {
            config = bidding.config();
            return 0;
        }
    }

    private record Run(int exit, String err, BiddingConfig config) {}

    private static Run run(String... args) {
        Probe probe = new Probe();
        CommandLine cl = new CommandLine(probe);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> { // what Main does
            cmd.getErr().println("swarmbid: " + ex.getMessage());
            return ex instanceof BiddingOptionException ? 2 : 1;
        });
        int exit = cl.execute(args);
        return new Run(exit, err.toString(), probe.config);
    }

    private static BiddingConfig config(String... args) {
        Run r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.config();
    }

    @Test
    void withNothingGivenNothingIsBoughtOrSold() {
        BiddingConfig c = config();
        assertThat(c.buyer().spendingEnabled()).isFalse();
        assertThat(c.seller().paidSlots()).isZero();
    }

    @Test
    void humanAmountsBecomeExactBaseUnitsOfTheAsset() {
        BiddingConfig c = config("--max-price", "0.5", "--budget", "10", "--daily-budget", "25.000000000000000001");
        assertThat(c.buyer().spendingEnabled()).isTrue();
        assertThat(c.buyer().maxPricePerMiB()).isEqualTo(new BigInteger("500000000000000000"));
        assertThat(c.buyer().perTorrentBudget()).isEqualTo(new BigInteger("10000000000000000000"));
        assertThat(c.buyer().perDayBudget()).isEqualTo(new BigInteger("25000000000000000001"));

        BiddingConfig trx = config("--asset", "trx", "--max-price", "0.000001", "--budget", "3");
        assertThat(trx.buyer().maxPricePerMiB()).isEqualTo(BigInteger.ONE);
        assertThat(trx.buyer().perTorrentBudget()).isEqualTo(BigInteger.valueOf(3_000_000));
        assertThat(trx.buyer().perDayBudget()).as("defaults to the per-torrent budget")
                .isEqualTo(BigInteger.valueOf(3_000_000));

        BiddingConfig old = config("--asset", "btt-old", "--sell-price", "1.5");
        assertThat(old.seller().reservePricePerMiB()).isEqualTo(BigInteger.valueOf(1_500_000));
    }

    @Test
    void sellingNeedsPaidSlotsOrASellPrice() {
        BiddingConfig price = config("--sell-price", "0.002");
        assertThat(price.seller().paidSlots()).isEqualTo(BiddingOptions.DEFAULT_PAID_SLOTS).isPositive();
        assertThat(price.seller().reservePricePerMiB()).isEqualTo(new BigInteger("2000000000000000"));
        assertThat(price.buyer().spendingEnabled()).isFalse();

        BiddingConfig slots = config("--paid-slots", "5", "--asset", "trx");
        assertThat(slots.seller().paidSlots()).isEqualTo(5);
        assertThat(slots.seller().reservePricePerMiB()).as("0.001 TRX per MiB").isEqualTo(BigInteger.valueOf(1000));
        assertThat(slots.seller().settlementThreshold()).as("100 TRX").isEqualTo(BigInteger.valueOf(100_000_000));

        assertThat(config("--paid-slots", "0").seller().paidSlots()).isZero();
    }

    @Test
    void theSettlementThresholdIsASellersTermInAssetUnits() {
        assertThat(config("--paid-slots", "1", "--settle-threshold", "0.02").seller().settlementThreshold())
                .isEqualTo(new BigInteger("20000000000000000"));
        assertThat(config("--sell-price", "1", "--asset", "trx", "--settle-threshold", "2.5").seller()
                .settlementThreshold()).isEqualTo(BigInteger.valueOf(2_500_000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "too many decimals  | --max-price=0.0000000000000000001 --budget=1 | --max-price: amount has 19 decimals but BTT allows 18",
        "too many for TRX   | --asset=trx --max-price=0.0000001 --budget=1 | --max-price: amount has 7 decimals but TRX allows 6",
        "negative           | --max-price=-1 --budget=1                    | --max-price: amount must not be negative",
        "garbage            | --max-price=1 --budget=lots                  | --budget: invalid character 'l' at position 0",
        "exponent           | --max-price=1e3 --budget=1                   | --max-price: invalid character 'e'",
        "blank              | --max-price=' 1' --budget=1                  | --max-price: invalid character",
        "bare dot           | --max-price=.5 --budget=1                    | --max-price: amount needs a digit before '.'",
        "zero               | --max-price=0 --budget=1                     | --max-price: must be more than 0",
        "zero budget        | --max-price=1 --budget=0.0                   | --budget: must be more than 0",
        "price alone        | --max-price=1                                | --max-price needs --budget",
        "budget alone       | --budget=1                                   | --budget needs --max-price",
        "daily alone        | --daily-budget=1                             | --budget needs --max-price",
        "zero daily         | --max-price=1 --budget=1 --daily-budget=0    | --daily-budget: must be more than 0",
        "sell zero          | --sell-price=0                               | --sell-price: must be more than 0",
        "sell with 0 slots  | --sell-price=1 --paid-slots=0                | --sell-price needs --paid-slots above 0",
        "threshold zero     | --paid-slots=1 --settle-threshold=0          | --settle-threshold: must be more than 0",
        "threshold no sale  | --max-price=1 --budget=1 --settle-threshold=1 | --settle-threshold needs --paid-slots or --sell-price",
        "slots too many     | --paid-slots=65                              | --paid-slots: 65 is not between 0 and 64",
        "slots negative     | --paid-slots=-1                              | --paid-slots: -1 is not between 0 and 64",
        "unknown asset      | --asset=doge --paid-slots=1                  | --asset: unknown asset 'doge' (expected btt, trx or btt-old)",
        "unknown network    | --network=ropsten                            | --network: unknown network 'ropsten'",
        "huge               | --max-price=1" + "000000000000000000000000000000000000000000000000000000000000000000000 --budget=1 | --max-price: amount exceeds the largest BTT amount",
    })
    void badValuesAreOneLineUsageErrors(String name, String args, String message) {
        String[] argv = args.strip().replace("'", "").split(" (?=--)");
        Run r = run(argv);
        assertThat(r.exit()).as(name).isEqualTo(2);
        assertThat(r.err().lines().count()).as(name + ": " + r.err()).isEqualTo(1);
        assertThat(r.err()).as(name).startsWith("swarmbid: " + message.strip());
    }

    @Test
    void theNetworkIsOneOfThePresets() {
        BiddingOptions o = new BiddingOptions();
        assertThat(o.network()).isEmpty();
        o.network = "Nile";
        assertThat(o.network()).contains("nile");
        o.network = "mainnet";
        assertThat(o.network()).contains("mainnet");
    }

    @Test
    void outsideACommandTheErrorIsABiddingOptionException() {
        BiddingOptions o = new BiddingOptions();
        o.maxPrice = "1.5";
        assertThatThrownBy(o::config).isInstanceOf(BiddingOptionException.class)
                .hasMessage("--max-price needs --budget (spending is on only with both)");
        assertThat(BiddingOptions.parseAmount("--x", "1.25", SettlementAsset.TRX)).isEqualTo(BigInteger.valueOf(1_250_000));
        o.budget = "2";
        assertThat(o.enabled()).isTrue();
        assertThat(new BiddingOptions().enabled()).isFalse();
    }
}
