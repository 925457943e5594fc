package org.swarmbid.ui.details;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.api.TrackerStatus;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.I18n;

/** The details tabs: overview (pieces bar), files, peers, trackers, speed. Binds to {@link DetailsModel}. */
final class DetailsView {
    /** Peer attribute the bid extension publishes for a paid upload slot. */
    static final String SLOT_KEY = "btt.slot";
    /** Peer attribute the bid extension publishes for the slot's price. */
    static final String PRICE_KEY = "btt.price";
    /** Peer attribute the bid extension publishes, as a buyer, for a paid slot we hold at that seller: the price. */
    static final String BOUGHT_KEY = "btt.bought";
    /** Prices are base units of BTT (10^-18) per MiB, the one asset the desktop client bids in. */
    private static final int PRICE_DECIMALS = 18;

    final TabPane tabs = new TabPane();
    final PiecesBar pieces = new PiecesBar();
    final Label piecesText = new Label();
    final Label overviewName = new Label();
    final Label overviewHash = new Label();
    final Label overviewDir = new Label();
    final Label overviewTransfer = new Label();
    final TableView<FileRow> files = new TableView<>();
    final TableView<PeerStatus> peers = new TableView<>();
    final TableView<TrackerStatus> trackers = new TableView<>();
    final XYChart.Series<Number, Number> down = new XYChart.Series<>();
    final XYChart.Series<Number, Number> up = new XYChart.Series<>();
    final LineChart<Number, Number> chart;
    private final I18n i18n;
    private final Formats formats;

    DetailsView(DetailsModel model, I18n i18n, Formats formats) {
        this.i18n = i18n;
        this.formats = formats;
        tabs.setId("details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.t("details.name")), overviewName);
        grid.addRow(1, new Label(i18n.t("details.hash")), overviewHash);
        grid.addRow(2, new Label(i18n.t("details.saveDir")), overviewDir);
        grid.addRow(3, new Label(i18n.t("details.transfer")), overviewTransfer);
        pieces.setId("pieces-bar");
        piecesText.setId("pieces-text");
        VBox overview = new VBox(10, grid, new Label(i18n.t("details.pieces")), pieces, piecesText);
        overview.setPadding(new Insets(10));

        files.setId("files-table");
        files.setEditable(true);
        files.setItems(model.files);
        files.setPlaceholder(new Label(i18n.t("details.noSelection")));
        files.getColumns().add(col(i18n.t("details.file.path"), 380, FileRow::path));
        files.getColumns().add(col(i18n.t("details.file.size"), 90, f -> formats.bytes(f.size())));
        files.getColumns().add(fileProgressColumn());
        TableColumn<FileRow, FilePriority> prio = new TableColumn<>(i18n.t("details.file.priority"));
        prio.setId("col-priority");
        prio.setPrefWidth(110);
        prio.setEditable(true);
        prio.setCellValueFactory(cd -> cd.getValue().priorityProperty());
        prio.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(FilePriority p) {
                return p == null ? "" : i18n.t("priority." + p.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public FilePriority fromString(String s) {
                return null;
            }
        }, FXCollections.observableArrayList(FilePriority.values())));
        files.getColumns().add(prio);

        peers.setId("peers-table");
        peers.setItems(model.peers);
        peers.setPlaceholder(new Label(i18n.t("details.noPeers")));
        peers.getColumns().add(col(i18n.t("details.peer.address"), 150, PeerStatus::address));
        peers.getColumns().add(col(i18n.t("details.peer.client"), 140, PeerStatus::client));
        peers.getColumns().add(col(i18n.t("details.peer.flags"), 60, PeerStatus::flags));
        peers.getColumns().add(col(i18n.t("details.peer.down"), 85, p -> formats.rate(p.downloadRate())));
        peers.getColumns().add(col(i18n.t("details.peer.up"), 85, p -> formats.rate(p.uploadRate())));
        peers.getColumns().add(col(i18n.t("details.peer.progress"), 70, p -> formats.percent(p.progress())));
        peers.getColumns().add(col(i18n.t("details.peer.slot"), 80, this::slot));
        peers.getColumns().add(col(i18n.t("details.peer.price"), 120, this::price));

        trackers.setId("trackers-table");
        trackers.setItems(model.trackers);
        trackers.setPlaceholder(new Label(i18n.t("details.noTrackers")));
        trackers.getColumns().add(col(i18n.t("details.tracker.url"), 300, TrackerStatus::url));
        trackers.getColumns().add(col(i18n.t("details.tracker.tier"), 50, t -> Integer.toString(t.tier())));
        trackers.getColumns().add(col(i18n.t("details.tracker.status"), 220, this::trackerStatus));
        trackers.getColumns().add(col(i18n.t("details.tracker.seeders"), 70, t -> count(t.seeders())));
        trackers.getColumns().add(col(i18n.t("details.tracker.leechers"), 70, t -> count(t.leechers())));
        trackers.getColumns().add(col(i18n.t("details.tracker.next"), 90, this::nextAnnounce));

        NumberAxis x = new NumberAxis(-org.swarmbid.ui.torrents.TorrentRow.HISTORY, 0, 60);
        x.setLabel(i18n.t("details.speed.seconds"));
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.t("details.speed.kib"));
        y.setForceZeroInRange(true);
        chart = new LineChart<>(x, y);
        chart.setId("speed-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        down.setName(i18n.t("details.speed.down"));
        up.setName(i18n.t("details.speed.up"));
        chart.getData().add(down);
        chart.getData().add(up);

        tabs.getTabs().addAll(tab("tab-overview", "details.tab.overview", overview),
                tab("tab-files", "details.tab.files", files), tab("tab-peers", "details.tab.peers", peers),
                tab("tab-trackers", "details.tab.trackers", trackers),
                tab("tab-speed", "details.tab.speed", chart));
    }

    Node root() {
        return tabs;
    }

    void showStatus(TorrentStatus s, String saveDir) {
        if (s == null) {
            overviewName.setText(i18n.t("details.noSelection"));
            overviewHash.setText("");
            overviewDir.setText("");
            overviewTransfer.setText("");
            pieces.draw(new java.util.BitSet(), 0);
            piecesText.setText("");
            return;
        }
        overviewName.setText(s.name());
        overviewHash.setText(s.infoHash());
        overviewDir.setText(saveDir);
        overviewTransfer.setText(i18n.t("details.transferValue", formats.bytes(s.downloaded()),
                formats.bytes(s.uploaded()), formats.bytes(s.doneBytes()), formats.bytes(s.wantedBytes())));
        if (s.state() == org.swarmbid.core.api.TorrentState.CHECKING) {
            piecesText.setText(s.checkPieces() > 0 ? i18n.t("details.checkingValue", s.checkedPieces(),
                    s.checkPieces(), formats.percent(s.checkProgress())) : i18n.t("details.checkingStarts"));
        } else {
            piecesText.setText(i18n.t("details.piecesValue", s.piecesDone(), s.pieceCount()));
        }
    }

    /** Verified bytes per file as a bar with the percentage, from the engine's per-file progress. */
    private TableColumn<FileRow, Number> fileProgressColumn() {
        TableColumn<FileRow, Number> c = new TableColumn<>(i18n.t("details.file.progress"));
        c.setId("col-file-progress");
        c.setPrefWidth(120);
        c.setCellValueFactory(cd -> cd.getValue().doneProperty());
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
            private final Label label = new Label();
            private final javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(bar, label);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                label.getStyleClass().add("progress-text");
            }

            @Override
            protected void updateItem(Number done, boolean empty) {
                super.updateItem(done, empty);
                int i = getIndex();
                FileRow row = empty || i < 0 || i >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(i);
                if (empty || done == null || row == null || done.longValue() < 0) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                bar.setProgress(row.progress());
                label.setText(formats.percent(row.progress()));
                setText(null);
                setGraphic(box);
            }
        });
        return c;
    }

    private String price(PeerStatus p) {
        String v = p.attributes().getOrDefault(BOUGHT_KEY, p.attributes().get(PRICE_KEY));
        if (v == null) {
            return Formats.NONE;
        }
        try {
            String whole = new java.math.BigDecimal(new java.math.BigInteger(v), PRICE_DECIMALS).stripTrailingZeros()
                    .toPlainString();
            return i18n.t("details.peer.priceValue", whole);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private String slot(PeerStatus p) {
        if (p.attributes().containsKey(BOUGHT_KEY)) {
            return i18n.t("details.peer.slotBought");
        }
        String v = p.attributes().get(SLOT_KEY);
        if (v == null) {
            return Formats.NONE;
        }
        return "paid".equals(v) || "true".equals(v) || "1".equals(v) ? i18n.t("details.peer.slotPaid") : v;
    }

    private String trackerStatus(TrackerStatus t) {
        if (!t.message().isEmpty()) {
            return (t.working() ? i18n.t("tracker.working") + ": " : i18n.t("tracker.failing") + ": ") + t.message();
        }
        return t.working() ? i18n.t("tracker.working") : i18n.t("tracker.notContacted");
    }

    private String nextAnnounce(TrackerStatus t) {
        long s = (t.nextAnnounceEpochMs() - Instant.now().toEpochMilli()) / 1000;
        return t.nextAnnounceEpochMs() <= 0 ? Formats.NONE : s <= 0 ? i18n.t("tracker.now") : formats.eta(s);
    }

    private static String count(int n) {
        return n < 0 ? Formats.NONE : Integer.toString(n);
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(i18n.t(key), content);
        t.setId(id);
        return t;
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
