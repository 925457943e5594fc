package org.swarmbid.ui.torrents;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.I18n;
import org.swarmbid.ui.common.TokenAmount;

/** The torrent list's toolbar and table, with the details pane below. Binds to {@link TorrentsModel}. */
final class TorrentsView {
    final Button addFile;
    final Button addMagnet;
    final Button create;
    final Button start;
    final Button pause;
    final Button recheck;
    final Button cancelCheck;
    final Button remove;
    final TableView<TorrentRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final I18n i18n;
    private final Formats formats;

    TorrentsView(TorrentsModel model, I18n i18n, Formats formats, Node details) {
        this.i18n = i18n;
        this.formats = formats;
        addFile = button("add-file", "torrents.addFile", "torrents.addFile.tip");
        addMagnet = button("add-magnet", "torrents.addMagnet", "torrents.addMagnet.tip");
        create = button("create", "torrents.create", "torrents.create.tip");
        start = button("start", "torrents.start", "torrents.start.tip");
        pause = button("pause", "torrents.pause", "torrents.pause.tip");
        recheck = button("recheck", "torrents.recheck", "torrents.recheck.tip");
        cancelCheck = button("cancel-check", "torrents.cancelCheck", "torrents.cancelCheck.tip");
        remove = button("remove", "torrents.remove", "torrents.remove.tip");
        var none = model.selectedProperty().isNull();
        for (Button b : new Button[] {start, pause, recheck, remove}) {
            b.disableProperty().bind(none);
        }
        // "cancel check" only while the selected torrent checks: follows the selected row's status
        javafx.beans.binding.BooleanBinding checking = Bindings.createBooleanBinding(() -> {
            TorrentStatus s = model.selectedStatusProperty().getValue(); // read it, or it stays invalid and silent
            return s != null && s.state() == TorrentState.CHECKING;
        }, model.selectedProperty(), model.selectedStatusProperty());
        cancelCheck.disableProperty().bind(checking.not());
        ToolBar bar = new ToolBar(addFile, addMagnet, create, new Separator(Orientation.VERTICAL), start, pause,
                recheck, cancelCheck, remove);

        table.setId("torrent-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.t("torrents.empty")));
        table.getColumns().add(text("col-name", "col.name", 230, s -> s.name()));
        table.getColumns().add(text("col-size", "col.size", 80, s -> formats.bytes(s.wantedBytes())));
        table.getColumns().add(progressColumn());
        table.getColumns().add(text("col-status", "col.status", 110, s -> status(s, i18n)));
        table.getColumns().add(text("col-down", "col.down", 85, s -> formats.rate(s.downloadRate())));
        table.getColumns().add(text("col-up", "col.up", 85, s -> formats.rate(s.uploadRate())));
        table.getColumns().add(text("col-peers", "col.peers", 70, s -> s.peers() + " (" + s.seeds() + ")"));
        table.getColumns().add(text("col-eta", "col.eta", 75,
                s -> s.state() == TorrentState.DOWNLOADING ? formats.eta(s.etaSeconds()) : ""));
        table.getColumns().add(amountColumn("col-earned", "col.earned", TorrentRow::earnedProperty));
        table.getColumns().add(amountColumn("col-spent", "col.spent", TorrentRow::spentProperty));

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setTop(bar);
        root.setCenter(split);
        root.setId("torrents-screen");
    }

    Node root() {
        return root;
    }

    /** The localised status of a torrent, e.g. "Seeding" or "Error: disk full". */
    static String status(TorrentStatus s, I18n i18n) {
        if (s.state() == TorrentState.CHECKING && s.checkPieces() > 0) {
            return i18n.t("state.checkingValue", new Formats(i18n.locale()).percent(s.checkProgress()));
        }
        String state = i18n.t("state." + s.state().name().toLowerCase(Locale.ROOT));
        if (s.state() == TorrentState.ERROR && s.error() != null) {
            return state + ": " + s.error();
        }
        return state;
    }

    private Button button(String id, String key, String tipKey) {
        Button b = new Button(i18n.t(key));
        b.setId(id);
        b.setTooltip(new Tooltip(i18n.t(tipKey)));
        return b;
    }

    private TableColumn<TorrentRow, String> text(String id, String key, double width,
            Function<TorrentStatus, String> f) {
        TableColumn<TorrentRow, String> c = new TableColumn<>(i18n.t(key));
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> map(cd.getValue().statusProperty(), f));
        return c;
    }

    private TableColumn<TorrentRow, String> amountColumn(String id, String key,
            Function<TorrentRow, ObservableValue<Optional<TokenAmount>>> p) {
        TableColumn<TorrentRow, String> c = new TableColumn<>(i18n.t(key));
        c.setId(id);
        c.setPrefWidth(85);
        c.setCellValueFactory(cd -> {
            ObservableValue<Optional<TokenAmount>> v = p.apply(cd.getValue());
            return Bindings.createStringBinding(() -> formats.amount(v.getValue()), v);
        });
        return c;
    }

    private TableColumn<TorrentRow, TorrentStatus> progressColumn() {
        TableColumn<TorrentRow, TorrentStatus> c = new TableColumn<>(i18n.t("col.progress"));
        c.setId("col-progress");
        c.setPrefWidth(130);
        c.setCellValueFactory(cd -> cd.getValue().statusProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final StackPane box = new StackPane(bar, label);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                label.getStyleClass().add("progress-text");
                StackPane.setAlignment(label, Pos.CENTER);
            }

            @Override
            protected void updateItem(TorrentStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                double p = s.state() == TorrentState.CHECKING ? s.checkProgress() : s.progress();
                bar.setProgress(p);
                label.setText(formats.percent(p));
                setText(null);
                setGraphic(box);
            }
        });
        return c;
    }

    private static <T> ObservableValue<String> map(ObservableValue<T> v, Function<T, String> f) {
        return Bindings.createStringBinding(() -> v.getValue() == null ? "" : f.apply(v.getValue()), v);
    }
}
