package org.swarmbid.ui.bidding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.swarmbid.ui.bidding.BiddingModel.OverrideRow;
import org.swarmbid.ui.bidding.BiddingModel.Range;
import org.swarmbid.ui.bidding.TorrentNames.TorrentName;

/**
 * The bidding screen's two tabs: settings (spending switch, budgets, maximum price, per-torrent overrides, seller
 * settings) and activity (totals, cumulative chart, ledger table). Binds to {@link BiddingModel}.
 *
 * <p>Threading: FX thread only.
 */
final class BiddingView {

    private final BiddingModel model;
    private final Units units;
    private final TabPane root = new TabPane();
    final ComboBox<TorrentName> overrideTorrent = new ComboBox<>();
    final TextField overridePrice = new TextField();
    final TextField overrideBudget = new TextField();
    final TableView<OverrideRow> overrideTable = new TableView<>();
    private final BiddingTexts texts;
    final Tab settingsTab;
    final Tab activityTab;

    BiddingView(BiddingModel model, BiddingTexts texts, BiddingScreen controller, Units units) {
        this.model = model;
        this.texts = texts;
        this.units = units;
        root.setId("bidding-screen");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ScrollPane settings = new ScrollPane(settingsPage(controller));
        settings.setFitToWidth(true);
        settingsTab = new Tab(texts.get("tab.settings"), settings);
        settingsTab.setId("tab-bidding-settings");
        activityTab = new Tab(texts.get("tab.activity"), activityPage(controller));
        activityTab.setId("tab-bidding-activity");
        root.getTabs().addAll(settingsTab, activityTab);
    }

    TabPane root() {
        return root;
    }

    private Label heading(String key) {
        Label l = new Label(texts.get(key));
        l.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        return l;
    }

    private Label note(String key, Object... args) {
        Label l = new Label(texts.get(key, args));
        l.setWrapText(true);
        l.setMaxWidth(640);
        l.setStyle("-fx-text-fill: #606060;");
        return l;
    }

    private TextField amountField(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(14);
        f.setPromptText("0.0");
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Node settingsPage(BiddingScreen c) {
        CheckBox spend = new CheckBox(texts.get("spending.enabled", units.symbol()));
        spend.setId("spending-enabled");
        spend.selectedProperty().bindBidirectional(model.spendingEnabledProperty());
        GridPane buyer = new GridPane();
        buyer.setHgap(12);
        buyer.setVgap(8);
        buyer.addRow(0, new Label(texts.get("buyer.perTorrent")),
                amountField("budget-torrent", model.perTorrentBudgetProperty()), new Label(units.symbol()));
        buyer.addRow(1, new Label(texts.get("buyer.perDay")),
                amountField("budget-day", model.perDayBudgetProperty()), new Label(units.symbol()));
        buyer.addRow(2, new Label(texts.get("buyer.maxPrice")),
                amountField("max-price", model.maxPriceProperty()), new Label(units.symbol() + " / MiB"));
        buyer.disableProperty().bind(model.spendingEnabledProperty().not());

        overrideTable.setId("override-table");
        overrideTable.setItems(model.overrides());
        overrideTable.setPrefHeight(150);
        overrideTable.setPlaceholder(new Label(texts.get("override.empty")));
        overrideTable.getColumns().add(column("override.torrent", OverrideRow::name, 220));
        overrideTable.getColumns().add(column("override.infoHash", r -> r.infoHash().substring(0, 12) + "…", 120));
        overrideTable.getColumns().add(column("override.maxPrice", r -> r.maxPrice() + " " + units.symbol() + "/MiB",
                160));
        overrideTable.getColumns().add(column("override.budget", r -> r.budget() + " " + units.symbol(), 140));
        overrideTorrent.setId("override-torrent");
        overrideTorrent.setItems(model.torrents());
        overrideTorrent.setPromptText(texts.get("override.choose"));
        overrideTorrent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TorrentName item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.name());
            }
        });
        overrideTorrent.setButtonCell(overrideTorrent.getCellFactory().call(null));
        overrideTorrent.setPrefWidth(220);
        overridePrice.setId("override-price");
        overridePrice.setPromptText(texts.get("override.maxPrice"));
        overridePrice.setPrefColumnCount(10);
        overrideBudget.setId("override-budget");
        overrideBudget.setPromptText(texts.get("override.budget"));
        overrideBudget.setPrefColumnCount(10);
        Button add = new Button(texts.get("override.add"));
        add.setId("override-add");
        add.setOnAction(e -> c.addOverride());
        Button remove = new Button(texts.get("override.remove"));
        remove.setId("override-remove");
        remove.disableProperty().bind(overrideTable.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> c.removeOverride(overrideTable.getSelectionModel().getSelectedItem()));

        Spinner<Integer> slots = new Spinner<>(0, 64, 0);
        slots.setId("paid-slots");
        slots.setEditable(true);
        slots.setPrefWidth(90);
        slots.getValueFactory().valueProperty().addListener((o, a, b) -> model.paidSlotsProperty().set(b));
        model.paidSlotsProperty().addListener((o, a, b) -> slots.getValueFactory().setValue(b.intValue()));
        GridPane seller = new GridPane();
        seller.setHgap(12);
        seller.setVgap(8);
        seller.addRow(0, new Label(texts.get("seller.paidSlots")), slots);
        seller.addRow(1, new Label(texts.get("seller.reserve")),
                amountField("reserve-price", model.reservePriceProperty()), new Label(units.symbol() + " / MiB"));

        Label message = new Label();
        message.setId("settings-message");
        message.setStyle("-fx-text-fill: #b00020;");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label status = new Label();
        status.setId("settings-status");
        status.textProperty().bind(model.statusProperty());
        Button save = new Button(texts.get("settings.save"));
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> c.save());

        VBox page = new VBox(12,
                heading("buyer.title"), note("buyer.note"), spend, buyer,
                heading("override.title"), note("override.note"), overrideTable,
                new HBox(8, overrideTorrent, overridePrice, overrideBudget, add, remove),
                heading("seller.title"), note("seller.note"), seller,
                message, new HBox(12, save, status));
        page.setPadding(new Insets(16));
        return page;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node activityPage(BiddingScreen c) {
        Label earned = new Label();
        earned.setId("summary-earned");
        earned.textProperty().bind(model.earnedProperty());
        Label spent = new Label();
        spent.setId("summary-spent");
        spent.textProperty().bind(model.spentProperty());
        Label blocked = new Label();
        blocked.setId("summary-blocklisted");
        blocked.textProperty().bind(model.blocklistedProperty());
        for (Label l : new Label[] {earned, spent, blocked}) {
            l.setStyle("-fx-font-size: 13px; -fx-padding: 6 12; -fx-background-color: #eef3ee;"
                    + " -fx-background-radius: 6;");
        }
        ComboBox<Range> range = new ComboBox<>();
        range.setId("activity-range");
        range.getItems().setAll(Range.values());
        range.valueProperty().bindBidirectional(model.rangeProperty());
        range.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Range item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : texts.get("range." + item.name()));
            }
        });
        range.setButtonCell(range.getCellFactory().call(null));
        range.setOnAction(e -> c.refreshActivity());
        Button refresh = new Button(texts.get("activity.refresh"));
        refresh.setId("activity-refresh");
        refresh.setOnAction(e -> c.refreshActivity());

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(units.symbol());
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId("activity-chart");
        chart.setTitle(texts.get("chart.title"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(260);
        XYChart.Series<String, Number> earnedSeries = new XYChart.Series<>();
        earnedSeries.setName(texts.get("chart.earned"));
        XYChart.Series<String, Number> spentSeries = new XYChart.Series<>();
        spentSeries.setName(texts.get("chart.spent"));
        chart.getData().addAll(java.util.List.of(earnedSeries, spentSeries));
        model.chart().addListener((ListChangeListener<ActivitySeries.Point>) ch -> {
            DateTimeFormatter f = model.rangeProperty().get() == Range.HOURS
                    ? DateTimeFormatter.ofPattern("dd.MM HH:00") : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);
            f = f.withLocale(texts.locale()).withZone(ZoneId.systemDefault());
            java.util.List<XYChart.Data<String, Number>> e = new java.util.ArrayList<>();
            java.util.List<XYChart.Data<String, Number>> s = new java.util.ArrayList<>();
            for (ActivitySeries.Point p : model.chart()) {
                String label = f.format(Instant.ofEpochMilli(p.startMillis()));
                e.add(new XYChart.Data<>(label, human(p.earned())));
                s.add(new XYChart.Data<>(label, human(p.spent())));
            }
            earnedSeries.getData().setAll(e);
            spentSeries.getData().setAll(s);
        });

        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(texts.locale()).withZone(ZoneId.systemDefault());
        TableView<LedgerEntry> table = new TableView<>(model.ledgerRows());
        table.setId("ledger-table");
        table.setPlaceholder(new Label(texts.get("ledger.empty")));
        table.getColumns().add(column("ledger.time", (LedgerEntry r) -> time.format(Instant.ofEpochMilli(
                r.timeMillis())), 150));
        table.getColumns().add(column("ledger.kind", (LedgerEntry r) -> texts.get("kind." + r.kind().name()),
                150));
        table.getColumns().add(column("ledger.counterparty", LedgerEntry::counterparty, 280));
        table.getColumns().add(column("ledger.amount", this::amount, 200));
        table.getColumns().add(column("ledger.status", (LedgerEntry r) -> r.status().startsWith("#") ? r.status()
                : r.status().isEmpty() ? "" : texts.get("status." + r.status()), 110));
        table.getColumns().add(column("ledger.torrent", (LedgerEntry r) -> r.torrent().isEmpty() ? ""
                : r.torrent().substring(0, 12) + "…", 120));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(12, new HBox(12, earned, spent, blocked),
                new HBox(12, new Label(texts.get("activity.range")), range, refresh), chart, table);
        page.setPadding(new Insets(16));
        return page;
    }

    private String amount(LedgerEntry r) {
        boolean ours = r.asset().equals(units.assetId());
        String value = ours ? units.format(r.amount()) + " " + units.symbol() : r.amount() + " (" + r.asset() + ")";
        boolean bid = r.kind() == LedgerEntry.Kind.BID_SENT || r.kind() == LedgerEntry.Kind.BID_RECEIVED;
        return bid ? value + "/MiB" : value;
    }

    /** For the chart's position only; the numbers shown as text are exact. */
    private Number human(java.math.BigInteger base) {
        return new BigDecimal(base).movePointLeft(units.asset().decimals()).doubleValue();
    }
}
