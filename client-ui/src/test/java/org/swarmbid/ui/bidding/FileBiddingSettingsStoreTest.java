package org.swarmbid.ui.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;

class FileBiddingSettingsStoreTest {

    @TempDir
    Path dir;

    private static BiddingSettings sample() {
        BuyerConfig buyer = BuyerConfig.defaults().withZone(ZoneId.of("Europe/Berlin"))
                .withBudget(new BigInteger("5000000000000000001"), BigInteger.TEN.pow(20), BigInteger.TEN.pow(15));
        SellerConfig seller = SellerConfig.defaults().withPaidSlots(7).withReserve(new BigInteger("123456789"));
        return new BiddingSettings(true, new BiddingConfig(seller, buyer), List.of(
                new TorrentOverride("ab".repeat(20), BigInteger.ZERO, BigInteger.ONE),
                new TorrentOverride("cd".repeat(32), BigInteger.TEN, BigInteger.TEN.pow(30))));
    }

    @Test
    void missingFileIsTheDefaultsWithSpendingOff() throws IOException {
        BiddingSettings s = new FileBiddingSettingsStore(dir.resolve("none.properties")).load();
        assertThat(s).isEqualTo(BiddingSettings.defaults());
        assertThat(s.spendingEnabled()).isFalse();
        assertThat(s.effectiveConfig().buyer().spendingEnabled()).isFalse();
    }

    @Test
    void roundTripsExactlyAndLeavesNoTemporaryFile() throws IOException {
        FileBiddingSettingsStore store = new FileBiddingSettingsStore(dir.resolve("state/bidding.properties"));
        store.save(sample());
        assertThat(store.load()).isEqualTo(sample());
        store.save(BiddingSettings.defaults());
        assertThat(store.load()).isEqualTo(BiddingSettings.defaults());
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bidding.properties");
        }
    }

    @Test
    void switchedOffKeepsTheBudgetsButTheEngineGetsZeros() {
        BiddingSettings on = sample();
        BiddingSettings off = new BiddingSettings(false, on.config(), on.overrides());
        assertThat(off.config().buyer().perTorrentBudget()).isEqualTo(new BigInteger("5000000000000000001"));
        assertThat(off.effectiveConfig().buyer().spendingEnabled()).isFalse();
        assertThat(off.effectiveConfig().seller()).isEqualTo(on.config().seller());
        assertThat(on.effectiveConfig()).isEqualTo(on.config());
    }

    @Test
    void refusesSpendingWithoutCapsAndDuplicateOverrides() {
        assertThatThrownBy(() -> new BiddingSettings(true, BiddingConfig.defaults(), List.of()))
                .hasMessageContaining("positive");
        TorrentOverride o = new TorrentOverride("ab".repeat(20), BigInteger.ONE, BigInteger.ONE);
        assertThatThrownBy(() -> new BiddingSettings(false, BiddingConfig.defaults(), List.of(o, o)))
                .hasMessageContaining("two overrides");
        assertThatThrownBy(() -> new TorrentOverride("AB".repeat(20), BigInteger.ONE, BigInteger.ONE))
                .hasMessageContaining("lower-case");
    }

    @Test
    void malformedValuesFailTheLoadNamingTheKey() throws IOException {
        Path file = dir.resolve("bad.properties");
        FileBiddingSettingsStore store = new FileBiddingSettingsStore(file);
        Files.writeString(file, "buyer.per-day-budget=1.5\n");
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("buyer.per-day-budget");
        Files.writeString(file, "seller.paid-slots=65\n");
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("paidSlots");
        Files.writeString(file, "spending.enabled=yes\n");
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("spending.enabled");
        Files.writeString(file, "override." + "ab".repeat(20) + ".budget=1\n");
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("max-price-per-mib");
        Files.writeString(file, "buyer.zone=Mars/Olympus\n");
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("Mars");
    }
}
