package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.ui.Screen;
import org.swarmbid.ui.bidding.BiddingModel.OverrideRow;
import org.swarmbid.ui.bidding.BiddingModel.Range;
import org.swarmbid.ui.bidding.TorrentNames.TorrentName;
import org.swarmbid.ui.wallet.Background;
import org.swarmbid.wallet.asset.Asset;

/**
 * The bidding screen (controller): edit and save the buyer's and seller's settings (spending is off until the user
 * switches it on with both budgets and a maximum price), per-torrent overrides, and watch earnings and spending from
 * the payment ledger. Amounts are typed in whole units of the bidding asset (e.g. "0.001" BTT) and kept as exact
 * base units.
 *
 * <p>Threading: FX thread; the store, the applier, the torrent list and the ledger are called on a background
 * thread.
 */
public final class BiddingScreen implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(BiddingScreen.class);
    /** Ledger rows shown. */
    public static final int LEDGER_ROWS = 500;

    private final BiddingSettingsStore store;
    private final BiddingApplier applier;
    private final TorrentNames torrents;
    private final LedgerActivity ledger;
    private final Units units;
    private final BiddingTexts texts;
    private final Clock clock;
    private final BiddingModel model = new BiddingModel();
    private final Background background = new Background("bidding");
    private final List<TorrentOverride> overrides = new ArrayList<>();
    private BiddingSettings current = BiddingSettings.defaults();
    private BiddingView view;
    private boolean loaded;

    /**
     * @param store    where the settings are saved
     * @param applier  hands saved settings to the running plugin
     * @param torrents the torrents an override can name
     * @param ledger   the payment ledger to show
     * @param asset    the bidding asset (its symbol and decimals; BTT in practice)
     * @param language the language chosen in the settings ({@code UiContext.locale()}); the shell makes a new
     *                 screen when the user switches it
     */
    public BiddingScreen(BiddingSettingsStore store, BiddingApplier applier, TorrentNames torrents,
            LedgerActivity ledger, Asset asset, Locale language) {
        this(store, applier, torrents, ledger, asset, language, Clock.systemDefaultZone());
    }

    /** As above with another clock for the chart's time range. */
    public BiddingScreen(BiddingSettingsStore store, BiddingApplier applier, TorrentNames torrents,
            LedgerActivity ledger, Asset asset, Locale language, Clock clock) {
        this.texts = new BiddingTexts(Objects.requireNonNull(language, "language"));
        this.store = Objects.requireNonNull(store, "store");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.torrents = Objects.requireNonNull(torrents, "torrents");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.units = new Units(asset);
        this.clock = clock;
    }

    @Override
    public String id() {
        return "bidding";
    }

    @Override
    public String title() {
        return texts.get("bidding.title");
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new BiddingView(model, texts, this, units);
        }
        return view.root();
    }

    @Override
    public void onShow() {
        view();
        if (!loaded) {
            load();
        }
        refreshActivity();
    }

    /** The model (tests, screenshots). */
    public BiddingModel model() {
        return model;
    }

    /** Selects the settings ({@code false}) or the activity ({@code true}) tab. */
    public void showActivity(boolean activity) {
        view();
        view.root().getSelectionModel().select(activity ? view.activityTab : view.settingsTab);
    }

    private void load() {
        model.busyProperty().set(true);
        background.submit(() -> new Loaded(store.load(), torrents.torrents()), l -> {
            loaded = true;
            model.busyProperty().set(false);
            model.torrents().setAll(l.torrents());
            show(l.settings());
        }, e -> {
            model.busyProperty().set(false);
            error(texts.get("settings.loadFailed"), e);
        });
    }

    private record Loaded(BiddingSettings settings, List<TorrentName> torrents) {
    }

    private void show(BiddingSettings s) {
        current = s;
        BuyerConfig b = s.config().buyer();
        model.spendingEnabledProperty().set(s.spendingEnabled());
        model.perTorrentBudgetProperty().set(human(b.perTorrentBudget()));
        model.perDayBudgetProperty().set(human(b.perDayBudget()));
        model.maxPriceProperty().set(human(b.maxPricePerMiB()));
        model.paidSlotsProperty().set(s.config().seller().paidSlots());
        model.reservePriceProperty().set(units.format(s.config().seller().reservePricePerMiB()));
        overrides.clear();
        overrides.addAll(s.overrides());
        showOverrides();
        model.messageProperty().set("");
    }

    private String human(BigInteger units) {
        return units.signum() == 0 ? "" : this.units.format(units);
    }

    private void showOverrides() {
        List<OverrideRow> rows = new ArrayList<>();
        for (TorrentOverride o : overrides) {
            String name = model.torrents().stream().filter(t -> t.infoHash().equals(o.infoHash()))
                    .map(TorrentName::name).findFirst().orElse(o.infoHash());
            rows.add(new OverrideRow(o.infoHash(), name, units.format(o.maxPricePerMiB()), units.format(o.budget())));
        }
        model.overrides().setAll(rows);
    }

    private BigInteger amount(String labelKey, String text) {
        try {
            return units.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(texts.get("invalid.amount", texts.get(labelKey),
                    e.getMessage()), e);
        }
    }

    /**
     * The settings as the form holds them.
     *
     * @throws IllegalArgumentException with a localised one-line message
     */
    BiddingSettings fromForm() {
        BigInteger perTorrent = amount("buyer.perTorrent", model.perTorrentBudgetProperty().get());
        BigInteger perDay = amount("buyer.perDay", model.perDayBudgetProperty().get());
        BigInteger maxPrice = amount("buyer.maxPrice", model.maxPriceProperty().get());
        BigInteger reserve = amount("seller.reserve", model.reservePriceProperty().get());
        boolean spending = model.spendingEnabledProperty().get();
        if (spending && (perTorrent.signum() == 0 || perDay.signum() == 0 || maxPrice.signum() == 0)) {
            throw new IllegalArgumentException(texts.get("invalid.spending"));
        }
        if (reserve.signum() == 0) {
            throw new IllegalArgumentException(texts.get("invalid.reserve"));
        }
        int slots = model.paidSlotsProperty().get();
        if (slots < 0 || slots > 64) {
            throw new IllegalArgumentException(texts.get("invalid.slots"));
        }
        BuyerConfig buyer = current.config().buyer().withBudget(perTorrent, perDay, maxPrice);
        SellerConfig seller = current.config().seller().withPaidSlots(slots).withReserve(reserve);
        return new BiddingSettings(spending, new BiddingConfig(seller, buyer), overrides);
    }

    /** Validates the form, saves it and hands it to the running plugin. */
    public void save() {
        BiddingSettings s;
        try {
            s = fromForm();
        } catch (IllegalArgumentException e) {
            model.messageProperty().set(e.getMessage());
            model.statusProperty().set("");
            return;
        }
        model.messageProperty().set("");
        model.busyProperty().set(true);
        background.submit(() -> {
            store.save(s);
            return applier.apply(s);
        }, outcome -> {
            model.busyProperty().set(false);
            current = s;
            String at = LocalTime.now(clock).format(
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(texts.locale()));
            model.statusProperty().set(outcome == BiddingApplier.Outcome.WAITING_FOR_WALLET
                    ? texts.get("settings.savedWaitingForWallet", at) : texts.get("settings.saved", at));
        }, e -> {
            model.busyProperty().set(false);
            model.statusProperty().set("");
            error(texts.get("settings.saveFailed"), e);
        });
    }

    void addOverride() {
        TorrentName t = view.overrideTorrent.getValue();
        if (t == null) {
            model.messageProperty().set(texts.get("invalid.overrideTorrent"));
            return;
        }
        TorrentOverride o;
        try {
            o = new TorrentOverride(t.infoHash(), amount("override.maxPrice", view.overridePrice.getText()),
                    amount("override.budget", view.overrideBudget.getText()));
        } catch (IllegalArgumentException e) {
            model.messageProperty().set(e.getMessage());
            return;
        }
        overrides.removeIf(x -> x.infoHash().equals(o.infoHash()));
        overrides.add(o);
        showOverrides();
        view.overridePrice.clear();
        view.overrideBudget.clear();
        model.messageProperty().set("");
        model.statusProperty().set(texts.get("settings.unsaved"));
    }

    void removeOverride(OverrideRow row) {
        if (row != null && overrides.removeIf(x -> x.infoHash().equals(row.infoHash()))) {
            showOverrides();
            model.statusProperty().set(texts.get("settings.unsaved"));
        }
    }

    /** Reads the ledger again: table, totals and chart. */
    public void refreshActivity() {
        Range range = model.rangeProperty().get();
        ZonedDateTime now = ZonedDateTime.now(clock);
        long bucket;
        int buckets;
        long from;
        if (range == Range.DAYS) {
            bucket = 24L * 3_600_000L;
            buckets = 30;
            from = now.truncatedTo(ChronoUnit.DAYS).minusDays(buckets - 1).toInstant().toEpochMilli();
        } else {
            bucket = 3_600_000L;
            buckets = 48;
            from = now.truncatedTo(ChronoUnit.HOURS).minusHours(buckets - 1).toInstant().toEpochMilli();
        }
        String asset = units.assetId();
        background.submit(() -> new Activity(ledger.recent(LEDGER_ROWS),
                ActivitySeries.cumulative(ledger.chequesSince(from), asset, from, bucket, buckets),
                ledger.summary(asset)), a -> {
                    model.ledgerRows().setAll(a.rows());
                    model.chart().setAll(a.points());
                    LedgerActivity.Summary s = a.summary();
                    model.earnedProperty().set(texts.get("summary.earned", units.format(s.earned()),
                            units.symbol(), units.format(s.earnedSettled())));
                    model.spentProperty().set(texts.get("summary.spent", units.format(s.spent()),
                            units.symbol(), units.format(s.spentSettled())));
                    model.blocklistedProperty().set(texts.get("summary.blocklisted", s.blocklisted()));
                }, e -> error(texts.get("activity.failed"), e));
    }

    private record Activity(List<LedgerEntry> rows, List<ActivitySeries.Point> points,
            LedgerActivity.Summary summary) {
    }

    private void error(String what, Exception e) {
        LOG.warn("{}: {}", what, e.toString());
        String line = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        Alert alert = new Alert(Alert.AlertType.ERROR, line, ButtonType.OK);
        alert.setTitle(texts.get("error.title"));
        alert.setHeaderText(what);
        alert.getDialogPane().setId("bidding-error");
        if (view != null && view.root().getScene() != null && view.root().getScene().getWindow() != null) {
            alert.initOwner(view.root().getScene().getWindow());
        }
        alert.show();
    }

    @Override
    public void close() {
        background.close();
    }

    /** The zone of the chart's days. */
    ZoneId zone() {
        return clock.getZone();
    }
}
