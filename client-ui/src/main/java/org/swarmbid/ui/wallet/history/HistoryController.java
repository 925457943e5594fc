package org.swarmbid.ui.wallet.history;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.ui.wallet.ErrorDialog;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.ui.wallet.WalletContext;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;

/**
 * The history tab: the wallet's own transactions on the selected network, newest first, with where each stands on
 * chain (SIGNED, BROADCAST, IN_BLOCK, SOLID, EXPIRED, FAILED). Refreshing asks the node about the unsettled ones
 * first; if the node is unreachable the local history still shows, with a note.
 *
 * <p>Threading: FX thread; reads run on the context's background.
 */
public final class HistoryController {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryController.class);
    /** Most entries shown. */
    public static final int LIMIT = 500;

    private final WalletContext context;
    private final Texts texts;
    private final ObservableList<HistoryEntry> rows = FXCollections.observableArrayList();
    private final Label status = new Label();
    private final VBox root;
    private boolean loading;
    private DateTimeFormatter time;

    public HistoryController(WalletContext context) {
        this.context = context;
        this.texts = context.texts();
        this.time = timeFormat();
        TableView<HistoryEntry> table = new TableView<>(rows);
        table.setId("history-table");
        table.setPlaceholder(label("history.empty"));
        table.getColumns().add(column("history.time", e -> time.format(Instant.ofEpochMilli(e.createdAtMillis())), 150));
        table.getColumns().add(column("history.direction", this::direction, 80));
        table.getColumns().add(column("history.counterparty", e -> counterparty(e).toBase58(), 290));
        table.getColumns().add(column("history.amount", e -> e.amount().toString(), 150));
        table.getColumns().add(column("history.fee", e -> e.feeSun() == 0 && !e.state().isFinal()
                ? "" : e.fee().toString(), 100));
        table.getColumns().add(column("history.state", e -> texts.get("tx.state." + e.state().name())
                + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"), 140));
        table.getColumns().add(column("history.block", e -> e.blockNumber().isPresent()
                ? Long.toString(e.blockNumber().getAsLong()) : "", 80));
        table.getColumns().add(column("history.txid", e -> e.txid().substring(0, 16) + "…", 150));
        VBox.setVgrow(table, Priority.ALWAYS);
        // cells hold text computed in the old language: compute them again after a switch
        texts.localeProperty().addListener((o, a, b) -> {
            time = timeFormat();
            table.refresh();
        });
        Button refresh = new Button();
        refresh.textProperty().bind(texts.text("history.refresh"));
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> refresh());
        status.setId("history-status");
        Label title = label("history.title");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        root = new VBox(10, new HBox(12, title, refresh, status), table);
        root.setPadding(new Insets(16));
        root.setId("wallet-history");
    }

    private DateTimeFormatter timeFormat() {
        return texts.dateTime(FormatStyle.SHORT, FormatStyle.MEDIUM);
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(texts.text(key));
        return l;
    }

    private TableColumn<HistoryEntry, String> column(String key, Function<HistoryEntry, String> value,
            double width) {
        TableColumn<HistoryEntry, String> c = new TableColumn<>();
        c.textProperty().bind(texts.text(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private String direction(HistoryEntry e) {
        TronAddress me = context.model().addressProperty().get();
        return texts.get(me != null && me.equals(e.to()) && !me.equals(e.from()) ? "history.in" : "history.out");
    }

    private TronAddress counterparty(HistoryEntry e) {
        TronAddress me = context.model().addressProperty().get();
        return me != null && me.equals(e.from()) ? e.to() : e.from();
    }

    public Node view() {
        return root;
    }

    /** The rows shown (tests, screenshots). */
    public ObservableList<HistoryEntry> rows() {
        return rows;
    }

    /** Asks the node about unsettled entries, then reads the local history. */
    public void refresh() {
        if (loading) {
            return;
        }
        loading = true;
        texts.show(status.textProperty(), () -> texts.get("history.loading"));
        WalletService service = context.service();
        context.background().submit(() -> {
            boolean online = true;
            try {
                service.refreshUnsettled();
            } catch (WalletException e) {
                if (e.reason() != WalletException.Reason.NETWORK) {
                    throw e;
                }
                LOG.debug("history refresh offline: {}", e.getMessage());
                online = false;
            }
            return new Loaded(service.history(LIMIT), online);
        }, loaded -> {
            loading = false;
            rows.setAll(loaded.entries());
            texts.show(status.textProperty(), () -> loaded.online() ? "" : texts.get("history.offline"));
        }, e -> {
            loading = false;
            status.setText("");
            ErrorDialog.show(texts, root, texts.get("history.failed"), e);
        });
    }

    /** Forgets the rows (another network was selected). */
    public void clear() {
        rows.clear();
        status.setText("");
    }

    private record Loaded(List<HistoryEntry> entries, boolean online) {
    }
}
