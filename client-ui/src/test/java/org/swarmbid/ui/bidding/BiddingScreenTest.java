package org.swarmbid.ui.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.ui.wallet.FxTestSupport.fx;
import static org.swarmbid.ui.wallet.FxTestSupport.fxRun;
import static org.swarmbid.ui.wallet.FxTestSupport.screenshot;
import static org.swarmbid.ui.wallet.FxTestSupport.until;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.ui.bidding.TorrentNames.TorrentName;
import org.swarmbid.wallet.asset.Asset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The bidding screen on headless JavaFX with the real file store and a real SQLite ledger. */
@ExtendWith(ApplicationExtension.class)
class BiddingScreenTest {

    static final List<TorrentName> TORRENTS = List.of(
            new TorrentName(LedgerFixture.TORRENT, "debian-12.8.0-amd64-netinst.iso"),
            new TorrentName("9a7ee3c8f2a11c36a5aef6e4a2b8b3d05e5c4f10", "ubuntu-24.04.1-desktop-amd64.iso"),
            new TorrentName("c2a1b49e1d0f8d73b8a0b7d25e1a4c6f3e9b8d77", "big-buck-bunny-4k.mkv"));
    private static Locale savedLocale;

    @TempDir
    Path dir;
    private Ledger ledger;
    private FileBiddingSettingsStore store;
    private final List<BiddingSettings> applied = new CopyOnWriteArrayList<>();
    /** What the fake applier answers (the app answers WAITING_FOR_WALLET while the wallet is locked). */
    private volatile BiddingApplier.Outcome outcome = BiddingApplier.Outcome.APPLIED;

    private BiddingApplier.Outcome apply(BiddingSettings s) {
        applied.add(s);
        return outcome;
    }
    private BiddingScreen screen;

    @BeforeAll
    static void english() {
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(savedLocale);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path state = Files.createTempDirectory("bidding-ui");
        ledger = LedgerFixture.populate(state.resolve("ledger.db"), System.currentTimeMillis());
        store = new FileBiddingSettingsStore(state.resolve("bidding.properties"));
        screen = new BiddingScreen(store, this::apply, () -> TORRENTS, new SqliteLedgerActivity(ledger), Asset.BTT,
                Locale.ENGLISH);
        stage.setScene(new Scene((Parent) screen.view(), 960, 760));
        stage.show();
        screen.onShow();
    }

    @AfterEach
    void close() {
        fxRun(() -> screen.close());
        ledger.close();
    }

    private void type(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        fxRun(() -> ((TextField) robot.lookup("#" + id).query()).clear());
        robot.write(text);
    }

    private String label(FxRobot robot, String id) {
        return fx(() -> ((Label) robot.lookup("#" + id).query()).getText());
    }

    @Test
    void savingWhileTheWalletIsLockedSaysPaymentsStartAtTheUnlock(FxRobot robot) throws Exception {
        until(10, "settings loaded", () -> !screen.model().busyProperty().get()
                && screen.model().torrents().size() == 3);
        outcome = BiddingApplier.Outcome.WAITING_FOR_WALLET;
        fxRun(() -> {
            screen.model().spendingEnabledProperty().set(true);
            screen.model().perTorrentBudgetProperty().set("5");
            screen.model().perDayBudgetProperty().set("50");
            screen.model().maxPriceProperty().set("0.002");
            screen.model().reservePriceProperty().set("0.0015");
        });
        robot.clickOn("#settings-save");
        until(10, "saved", () -> label(robot, "settings-status").startsWith("Saved at"));
        assertThat(label(robot, "settings-message")).isEmpty();
        assertThat(label(robot, "settings-status")).endsWith("Payments start when you unlock the wallet.")
                .doesNotContain("applied");
        assertThat(applied).hasSize(1);
        assertThat(Files.exists(store.file())).isTrue();
    }

    @Test
    void refusesBadAmountsThenSavesReloadsAndApplies(FxRobot robot) throws Exception {
        until(10, "settings loaded", () -> !screen.model().busyProperty().get()
                && screen.model().torrents().size() == 3);
        assertThat(fx(() -> screen.model().spendingEnabledProperty().get())).as("off by default").isFalse();
        assertThat(fx(() -> robot.lookup("#budget-torrent").query().isDisabled())).isTrue();

        robot.clickOn("#spending-enabled");
        type(robot, "budget-torrent", "0.0000000000000000001");
        type(robot, "budget-day", "50");
        type(robot, "max-price", "0.002");
        robot.clickOn("#settings-save");
        assertThat(label(robot, "settings-message")).startsWith("Budget per torrent:").contains("19 decimals");
        type(robot, "budget-torrent", "5,5");
        robot.clickOn("#settings-save");
        assertThat(label(robot, "settings-message")).startsWith("Budget per torrent:").contains("','");
        type(robot, "budget-torrent", "5");
        type(robot, "max-price", "");
        robot.clickOn("#settings-save");
        assertThat(label(robot, "settings-message")).contains("maximum price above 0");
        type(robot, "reserve-price", "0");
        type(robot, "max-price", "0.002");
        robot.clickOn("#settings-save");
        assertThat(label(robot, "settings-message")).isEqualTo("The lowest price must be above 0.");
        assertThat(Files.exists(store.file())).as("nothing saved while invalid").isFalse();
        assertThat(applied).isEmpty();

        type(robot, "reserve-price", "0.0015");
        fxRun(() -> screen.model().paidSlotsProperty().set(4));
        robot.clickOn("#override-torrent");
        robot.clickOn("ubuntu-24.04.1-desktop-amd64.iso");
        type(robot, "override-price", "0.01");
        type(robot, "override-budget", "abc");
        robot.clickOn("#override-add");
        assertThat(label(robot, "settings-message")).startsWith("Budget:");
        type(robot, "override-budget", "12.5");
        robot.clickOn("#override-add");
        assertThat(fx(() -> screen.model().overrides().size())).isEqualTo(1);
        screenshot(screen.view(), "bidding-settings");
        robot.clickOn("#settings-save");
        until(10, "saved", () -> label(robot, "settings-status").startsWith("Saved and applied"));

        assertThat(applied).hasSize(1);
        BiddingSettings saved = applied.get(0);
        BigInteger btt = BigInteger.TEN.pow(18);
        assertThat(saved.spendingEnabled()).isTrue();
        assertThat(saved.effectiveConfig().buyer().perTorrentBudget()).isEqualTo(btt.multiply(BigInteger.valueOf(5)));
        assertThat(saved.config().buyer().perDayBudget()).isEqualTo(btt.multiply(BigInteger.valueOf(50)));
        assertThat(saved.config().buyer().maxPricePerMiB()).isEqualTo(new BigInteger("2000000000000000"));
        assertThat(saved.config().seller().paidSlots()).isEqualTo(4);
        assertThat(saved.config().seller().reservePricePerMiB()).isEqualTo(new BigInteger("1500000000000000"));
        assertThat(saved.override("9a7ee3c8f2a11c36a5aef6e4a2b8b3d05e5c4f10")).contains(new TorrentOverride(
                "9a7ee3c8f2a11c36a5aef6e4a2b8b3d05e5c4f10", new BigInteger("10000000000000000"),
                new BigInteger("12500000000000000000")));
        assertThat(new FileBiddingSettingsStore(store.file()).load()).isEqualTo(saved);

        // a fresh screen on the same store shows what was saved
        BiddingScreen again = fx(() -> {
            BiddingScreen s = new BiddingScreen(store, this::apply, () -> TORRENTS, new SqliteLedgerActivity(ledger),
                    Asset.BTT, Locale.ENGLISH);
            s.view();
            s.onShow();
            return s;
        });
        try {
            until(10, "reloaded", () -> again.model().spendingEnabledProperty().get());
            assertThat(fx(() -> again.model().perTorrentBudgetProperty().get())).isEqualTo("5");
            assertThat(fx(() -> again.model().maxPriceProperty().get())).isEqualTo("0.002");
            assertThat(fx(() -> again.model().reservePriceProperty().get())).isEqualTo("0.0015");
            assertThat(fx(() -> again.model().overrides().get(0).name())).isEqualTo("ubuntu-24.04.1-desktop-amd64.iso");
        } finally {
            fxRun(again::close);
        }
    }

    @Test
    void showsTheLedgerTableTotalsAndChart(FxRobot robot) throws Exception {
        // 12 + 4 cheques received, 7 sent, 7 bids made, 1 received, 2 settlements
        until(10, "ledger rows", () -> screen.model().ledgerRows().size() == 33);
        fxRun(() -> screen.showActivity(true));
        List<LedgerEntry> rows = fx(() -> List.copyOf(screen.model().ledgerRows()));
        assertThat(rows).extracting(LedgerEntry::kind).contains(LedgerEntry.Kind.values());
        assertThat(rows).filteredOn(r -> r.kind() == LedgerEntry.Kind.SETTLEMENT_SENT)
                .extracting(LedgerEntry::status).containsExactly("IN_BLOCK");
        assertThat(rows).filteredOn(r -> r.kind() == LedgerEntry.Kind.SETTLEMENT_RECEIVED)
                .extracting(LedgerEntry::status).containsExactly("SOLID");
        assertThat(rows).isSortedAccordingTo((a, b) -> Long.compare(b.timeMillis(), a.timeMillis()));

        Units units = new Units(Asset.BTT);
        assertThat(label(robot, "summary-earned")).startsWith("Earned " + units.format(LedgerFixture.earned) + " BTT");
        assertThat(label(robot, "summary-spent")).startsWith("Spent " + units.format(LedgerFixture.spent) + " BTT");
        assertThat(label(robot, "summary-blocklisted")).isEqualTo("Blocked peers: 1");

        List<ActivitySeries.Point> points = fx(() -> List.copyOf(screen.model().chart()));
        assertThat(points).hasSize(48);
        assertThat(points.get(47).earned()).isEqualTo(LedgerFixture.earned);
        assertThat(points.get(47).spent()).isEqualTo(LedgerFixture.spent);
        LineChart<?, ?> chart = robot.lookup("#activity-chart").query();
        assertThat(fx(() -> chart.getData().get(0).getData().size())).isEqualTo(48);
        screenshot(screen.view(), "bidding-activity");

        fxRun(() -> {
            screen.model().rangeProperty().set(BiddingModel.Range.DAYS);
            screen.refreshActivity();
        });
        until(10, "daily chart", () -> screen.model().chart().size() == 30);
        assertThat(fx(() -> screen.model().chart().get(29).earned())).isEqualTo(LedgerFixture.earned);
    }
}
