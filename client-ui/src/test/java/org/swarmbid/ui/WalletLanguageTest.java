package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.ui.wallet.WalletModel;
import org.swarmbid.ui.wallet.WalletScreen;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wallet screen follows the language chosen in the settings, not the system's: on a "German" system with English
 * settings it speaks English; after German is saved in the settings screen the same wallet screen (kept across the
 * switch, as {@code app} keeps it) relabels in place, still unlocked, with the send form as typed, messages and time
 * formats in German; switching back gives English again. Expected strings come from the bundle files. The wallet is
 * offline (its node is a closed loopback port), which also gives a balances error to relabel.
 */
@ExtendWith(ApplicationExtension.class)
class WalletLanguageTest {
    private static final String PASSWORD = "Tr0ub4dor&3-horse";
    private static final Properties EN = bundle("");
    private static final Properties DE = bundle("_de");
    private static Locale savedDefault;

    @TempDir
    Path tmp;
    private ShellFixture fx;
    private WalletScreen wallet;
    private TronAddress own;

    @BeforeAll
    static void germanSystem() {
        savedDefault = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN); // the system says German; the settings say English
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(savedDefault);
    }

    @Start
    void start(Stage stage) throws IOException {
        Path walletDir = tmp.resolve("wallet");
        try (WalletService s = WalletService.open(walletDir, options());
                Mnemonic m = WalletService.newMnemonic(24)) {
            own = s.create(m, new char[0], WalletService.DEFAULT_ADDRESS_INDEX, PASSWORD.toCharArray(), false);
        }
        ScreenFactory keepOne = ctx -> { // as app does: one wallet screen for the window's life
            if (wallet == null) {
                wallet = new WalletScreen(network -> WalletService.open(walletDir, options()), "devnet",
                        ctx.locale());
            }
            return wallet;
        };
        fx = new ShellFixture(tmp, stage, List.of(keepOne));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static WalletOptions options() {
        return WalletOptions.defaults().withNetwork("devnet")
                .withKeystore(Keystore.withScryptCost(1024, 8, 1, new SecureRandom()))
                .withNodes("127.0.0.1:9", "127.0.0.1:9")
                .withTiming(Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMinutes(1));
    }

    @Test
    void theWalletFollowsTheLanguageSettingAndKeepsItsState(FxRobot robot) {
        robot.clickOn("#nav-wallet");
        FxWait.until("the wallet ready", Duration.ofSeconds(20),
                () -> wallet.walletModel().phaseProperty().get() == WalletModel.Phase.READY);
        FxWait.until("the balances error", Duration.ofSeconds(30),
                () -> !wallet.walletModel().balancesStatusProperty().get().isEmpty());
        FxWait.onFx(() -> {
            wallet.selectTab("tab-send");
            ((PasswordField) fx.window.scene().lookup("#unlock-password")).setText(PASSWORD);
            wallet.unlock();
        });
        FxWait.until("unlocked", Duration.ofSeconds(20), () -> wallet.unlocked().isPresent());
        FxWait.onFx(() -> {
            ((TextField) fx.window.scene().lookup("#send-to")).setText(own.toBase58()); // to itself: an error
            ((TextField) fx.window.scene().lookup("#send-amount")).setText("1.5");
            wallet.history().rows().setAll(entry());
        });

        assertSpeaks(EN, Locale.ENGLISH);

        chooseLanguage(robot, Locale.GERMAN);
        robot.clickOn("#nav-wallet");
        assertThat(FxWait.onFx(() -> fx.window.screen("wallet").orElseThrow())).as("kept").isSameAs(wallet);
        assertThat(FxWait.onFx(() -> wallet.unlocked().isPresent())).as("still unlocked").isTrue();
        assertThat(text("#send-to")).as("the typed recipient kept").isEqualTo(own.toBase58());
        assertThat(text("#send-amount")).as("the typed amount kept").isEqualTo("1.5");
        assertThat(FxWait.onFx(() -> wallet.history().rows().size())).isEqualTo(1);
        assertSpeaks(DE, Locale.GERMAN);

        chooseLanguage(robot, Locale.ENGLISH);
        robot.clickOn("#nav-wallet");
        assertThat(FxWait.onFx(() -> wallet.unlocked().isPresent())).as("still unlocked").isTrue();
        assertSpeaks(EN, Locale.ENGLISH);
        assertThat(new SettingsStore(fx.state).load().language()).isEqualTo(Locale.ENGLISH);
    }

    /** Picks {@code language} in the settings screen and saves, as a user does. */
    private void chooseLanguage(FxRobot robot, Locale language) {
        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-language").queryAs(ComboBox.class).setValue(language));
        robot.clickOn("#settings-save");
        FxWait.until("the settings applied", Duration.ofSeconds(10),
                () -> fx.window.i18n().locale().equals(language));
    }

    /** Every kind of text on the screen is in {@code bundle}'s language, and differs from the other language's. */
    private void assertSpeaks(Properties bundle, Locale locale) {
        Properties other = bundle == EN ? DE : EN;
        assertThat(FxWait.onFx(() -> wallet.language())).isEqualTo(locale);
        // fixed labels ("Wallet" is German too, so the navigation entry cannot show a difference)
        assertThat(FxWait.onFx(() -> ((ToggleButton) fx.window.scene().lookup("#nav-wallet")).getText()))
                .isEqualTo(get(bundle, "wallet.title"));
        assertLabel("#wallet-lock", bundle, other, "wallet.lock");
        assertLabel("#wallet-lock-state", bundle, other, "wallet.unlocked");
        assertLabel("#send-review", bundle, other, "send.review");
        assertLabel("#balances-refresh", bundle, other, "balances.refresh");
        assertLabel("#receive-copy", bundle, other, "receive.copy");
        assertThat(FxWait.onFx(() -> tab("tab-send").getText())).isEqualTo(get(bundle, "tab.send"))
                .isNotEqualTo(get(other, "tab.send"));
        assertThat(FxWait.onFx(() -> historyTable().getColumns().get(0).getText()))
                .isEqualTo(get(bundle, "history.time")).isNotEqualTo(get(other, "history.time"));
        // messages computed by the controllers
        assertThat(text("#send-to-error")).isEqualTo(get(bundle, "send.to.self"))
                .isNotEqualTo(get(other, "send.to.self"));
        assertThat(text("#balances-status")).as("offline balances")
                .startsWith(get(bundle, "error.reason.NETWORK") + ": ");
        assertThat(get(bundle, "error.reason.NETWORK")).isNotEqualTo(get(other, "error.reason.NETWORK"));
        // formats: the history's times, and MessageFormat's numbers
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        Instant at = Instant.ofEpochMilli(entry().createdAtMillis());
        assertThat(FxWait.onFx(() -> historyTable().getColumns().get(0).getCellData(0))).isEqualTo(time.format(at))
                .isNotEqualTo(time.withLocale(bundle == EN ? Locale.GERMAN : Locale.ENGLISH).format(at));
        assertThat(FxWait.onFx(() -> wallet.texts().get("balances.updated", 1234.5)))
                .isEqualTo(new MessageFormat(get(bundle, "balances.updated"), locale).format(new Object[] {1234.5}))
                .contains(locale == Locale.GERMAN ? "1.234,5" : "1,234.5");
    }

    private void assertLabel(String id, Properties bundle, Properties other, String key) {
        String shown = FxWait.onFx(() -> {
            return ((javafx.scene.control.Labeled) find(id)).getText();
        });
        assertThat(shown).as(id).isEqualTo(get(bundle, key)).isNotEqualTo(get(other, key));
    }

    private String text(String id) {
        return FxWait.onFx(() -> {
            Node n = find(id);
            return n instanceof Label ? ((Label) n).getText() : ((TextField) n).getText();
        });
    }

    /** The node with this id in the window or in a wallet tab that is not showing. FX thread. */
    private Node find(String id) {
        Node n = fx.window.scene().lookup(id);
        TabPane tabs = (TabPane) fx.window.scene().lookup("#wallet-tabs");
        for (int i = 0; n == null && i < tabs.getTabs().size(); i++) {
            n = tabs.getTabs().get(i).getContent().lookup(id);
        }
        assertThat(n).as(id).isNotNull();
        return n;
    }

    private Tab tab(String id) {
        TabPane tabs = (TabPane) fx.window.scene().lookup("#wallet-tabs");
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryEntry> historyTable() {
        return (TableView<HistoryEntry>) find("#history-table");
    }

    private HistoryEntry entry() {
        byte[] twenty = new byte[20];
        java.util.Arrays.fill(twenty, (byte) 7);
        TronAddress other = TronAddress.fromEvmBytes(twenty);
        long created = 1_700_000_000_000L; // 2023-11-14, a day past the 12th so that day and month cannot swap
        return new HistoryEntry("ab".repeat(32), own, other, Amount.ofUnits(1_500_000, Asset.TRX), 0,
                TxState.SIGNED, OptionalLong.empty(), created + 60_000, created, created, "");
    }

    private static String get(Properties bundle, String key) {
        String v = bundle.getProperty(key);
        assertThat(v).as(key).isNotNull();
        return v;
    }

    private static Properties bundle(String suffix) {
        String path = "/" + Texts.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = WalletLanguageTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(path + ": " + e, e);
        }
        return p;
    }
}
