package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.ext.btt.plugin.BttPlugin;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.bidding.BiddingApplier;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.tray.TrayHost;
import org.swarmbid.ui.wallet.WalletModel;
import org.swarmbid.ui.wallet.WalletScreen;

/**
 * On a devnet: bidding settings saved while the wallet is locked wait for the unlock (and say so); once unlocked,
 * payments run, and switching the language (which rebuilds the screens) keeps the same wallet screen, still
 * unlocked, and the same running plugin: no lock, no session restart.
 */
@Tag("slow")
class LanguageSwitchKeepsPaymentsTest {

    @Test
    void aLanguageSwitchKeepsTheWalletUnlockedAndPaymentsOn() throws Exception {
        try (DemoWorld world = DemoWorld.start(new DemoWorld.Options(4L << 20, 256L << 10,
                Duration.ofSeconds(2)))) {
            SettingsStore store = new SettingsStore(world.userState());
            store.save(Settings.defaults().withLanguage(Locale.ENGLISH));
            SessionConfig config = store.load().applyTo(SessionConfig.defaults(world.userState()))
                    .withBind(InetAddress.getLoopbackAddress(), 0);
            GuiApp app = GuiApp.open(world.userState(), world.userWallets(), store, config);
            try {
                app.biddingStore().save(DemoWorld.userBidding());
                assertThat(app.payments().apply(DemoWorld.userBidding())).as("saved while locked")
                        .isEqualTo(BiddingApplier.Outcome.WAITING_FOR_WALLET);
                assertThat(app.payments().plugin()).isEmpty();

                Desktop d = app.show(TrayHost.NONE);
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
                assertThat(app.payments().apply(DemoWorld.userBidding())).isEqualTo(BiddingApplier.Outcome.APPLIED);

                Fx.run(() -> d.window().apply(d.window().settings(),
                        d.window().settings().withLanguage(Locale.GERMAN)));
                assertThat(Fx.on(() -> d.window().i18n().locale())).isEqualTo(Locale.GERMAN);
                assertThat(Fx.on(() -> d.window().settingsScreen().title())).isEqualTo("Einstellungen");
                Thread.sleep(GuiPayments.STOP_DELAY_MS * 3); // a lock would have stopped payments by now
                assertThat(Fx.on(() -> d.window().screen("wallet").orElseThrow())).isSameAs(wallet);
                assertThat(Fx.on(() -> wallet.unlocked().isPresent())).as("still unlocked").isTrue();
                assertThat(Fx.on(wallet::language)).as("the kept wallet screen relabelled").isEqualTo(Locale.GERMAN);
                assertThat(app.payments().plugin()).as("the same plugin, no restart").containsSame(plugin);

                d.quit();
                assertThat(d.awaitExit(Duration.ofSeconds(10))).isTrue();
            } finally {
                app.close();
            }
        }
    }
}
