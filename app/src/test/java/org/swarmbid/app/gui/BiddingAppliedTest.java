package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.bidding.BiddingScreen;
import org.swarmbid.ui.bidding.BiddingSettings;
import org.swarmbid.ui.bidding.FileBiddingSettingsStore;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.torrents.TorrentLibrary;
import org.swarmbid.ui.wallet.WalletModel;
import org.swarmbid.ui.wallet.WalletScreen;

/**
 * Bidding settings through the app's wiring, on a devnet with a seeder selling paid slots at 0.01 BTT/MiB: the
 * saved settings bid at most 0.005, so unlocking the wallet in the wallet screen starts the plugin (a session
 * restart) but nothing is bought; raising the maximum in the bidding screen and saving reaches the running plugin
 * (the same instance, no restart), which then wins the slot and pays; the torrent list shows it.
 */
@Tag("slow")
class BiddingAppliedTest {
    private static final BigInteger BTT = BigInteger.TEN.pow(18);

    private static BiddingSettings withMaxPrice(BiddingSettings s, BigInteger max) {
        BuyerConfig b = s.config().buyer();
        return new BiddingSettings(true, new BiddingConfig(s.config().seller(),
                b.withBudget(b.perTorrentBudget(), b.perDayBudget(), max)), List.of());
    }

    @Test
    void unlockingStartsThePluginAndSavedSettingsChangeItsBids() throws Exception {
        try (DemoWorld world = DemoWorld.start(new DemoWorld.Options(12L << 20, 256L << 10,
                Duration.ofSeconds(2)))) {
            FileBiddingSettingsStore bidding = new FileBiddingSettingsStore(
                    world.userState().resolve(GuiApp.BIDDING_FILE));
            bidding.save(withMaxPrice(DemoWorld.userBidding(), DemoWorld.RESERVE.divide(BigInteger.TWO)));
            SettingsStore store = new SettingsStore(world.userState());
            SessionConfig config = store.load().applyTo(SessionConfig.defaults(world.userState()))
                    .withBind(InetAddress.getLoopbackAddress(), 0);
            GuiApp app = GuiApp.open(world.userState(), world.userWallets(), store, config);
            try {
                new TorrentLibrary(world.userState()).remember(world.torrent(), world.downloads(), false);
                app.session().add(world.torrent(), AddOptions.in(world.downloads())).connect(world.seederAddress());
                String hash = world.torrent().infoHash().hex();
                Desktop d = app.show();
                assertThat(app.payments().plugin()).as("no key yet").isEmpty();

                WalletScreen wallet = Fx.on(() -> {
                    d.window().show("wallet");
                    return (WalletScreen) d.window().screen("wallet").orElseThrow();
                });
                Fx.until("the wallet screen ready", Duration.ofSeconds(30),
                        () -> wallet.walletModel().phaseProperty().get() == WalletModel.Phase.READY);
                Fx.run(() -> {
                    ((PasswordField) d.window().scene().lookup("#unlock-password")).setText(DemoWorld.PASSWORD);
                    wallet.unlock();
                });
                Fx.waitFor("payments on after the unlock", Duration.ofSeconds(60),
                        () -> app.payments().plugin().isPresent());
                BttPlugin plugin = app.payments().plugin().orElseThrow();
                Fx.waitFor("the seeder dialled again after the restart", Duration.ofSeconds(20),
                        () -> app.session().find(hash).map(h -> !h.peers().isEmpty()).orElse(false));
                Thread.sleep(5000); // rounds of 2 s: a maximum below the reserve never wins a slot
                assertThat(plugin.stats().snapshot().total().spent()).isZero();
                assertThat(app.session().find(hash).orElseThrow().status().isComplete()).isFalse();

                BiddingScreen screen = Fx.on(() -> {
                    d.window().show("bidding");
                    return (BiddingScreen) d.window().screen("bidding").orElseThrow();
                });
                Fx.until("the saved settings in the form", Duration.ofSeconds(30),
                        () -> !screen.model().maxPriceProperty().get().isBlank());
                Fx.run(() -> {
                    screen.model().maxPriceProperty().set("0.05");
                    screen.save();
                });
                Fx.waitFor("a paid piece at the new price", Duration.ofSeconds(60),
                        () -> plugin.stats().snapshot().total().spent().signum() > 0);
                assertThat(app.payments().plugin()).as("applied to the running plugin").containsSame(plugin);
                assertThat(bidding.load().config().buyer().maxPricePerMiB()).isEqualTo(BTT.divide(BigInteger.valueOf(20)));
                Fx.until("spent in the torrent list", Duration.ofSeconds(30), () -> d.window().torrents().model()
                        .row(hash).flatMap(r -> r.spentProperty().get()).isPresent());

                Fx.run(wallet::lock);
                Fx.waitFor("payments off after the lock", Duration.ofSeconds(30),
                        () -> app.payments().plugin().isEmpty());
                assertThat(app.session().find(hash)).as("the torrent is back after the restart").isPresent();
                d.quit();
                assertThat(d.awaitExit(Duration.ofSeconds(10))).isTrue();
            } finally {
                app.close();
            }
        }
    }
}
