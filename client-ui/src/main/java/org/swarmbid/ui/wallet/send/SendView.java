package org.swarmbid.ui.wallet.send;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.ui.wallet.send.SendModel.Step;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.service.AssetName;

/**
 * The send tab's three pages (form, confirmation, status), bound to {@link SendModel}.
 *
 * <p>Threading: FX thread only.
 */
final class SendView {

    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";
    private final SendModel model;
    private final Texts texts;
    private final StackPane root = new StackPane();

    SendView(SendModel model, Texts texts, SendController controller) {
        this.model = model;
        this.texts = texts;
        root.setId("wallet-send");
        root.setPadding(new Insets(16));
        Node form = formPage(controller);
        Node confirm = confirmPage(controller);
        Node status = statusPage(controller);
        root.getChildren().addAll(form, confirm, status);
        for (Object[] p : new Object[][] {{form, Step.FORM}, {confirm, Step.CONFIRM}, {status, Step.STATUS}}) {
            Node n = (Node) p[0];
            n.visibleProperty().bind(model.stepProperty().isEqualTo(p[1]));
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    Node root() {
        return root;
    }

    private String assetLabel(AssetName a) {
        return a == null ? "" : texts.get("asset." + a.name());
    }

    /** A label showing {@code key}'s text in the current language. */
    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(texts.text(key));
        return l;
    }

    private Label title(String key) {
        Label l = label(key);
        l.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        return l;
    }

    private static Label error(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setStyle(ERROR_STYLE);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.textProperty().bind(text);
        return l;
    }

    private Node formPage(SendController c) {
        ComboBox<AssetName> asset = new ComboBox<>(model.assets());
        asset.setId("send-asset");
        asset.valueProperty().bindBidirectional(model.assetProperty());
        assetCells(asset);
        // the cells keep the names they were given: new cells after a language switch
        texts.localeProperty().addListener((o, a, b) -> assetCells(asset));
        Label available = new Label();
        available.setId("send-available");
        available.textProperty().bind(model.availableProperty());

        TextField to = new TextField();
        to.setId("send-to");
        to.promptTextProperty().bind(texts.text("send.to.prompt"));
        to.setPrefColumnCount(36);
        to.setStyle("-fx-font-family: monospace;");
        to.textProperty().bindBidirectional(model.recipientProperty());
        TextField amount = new TextField();
        amount.setId("send-amount");
        amount.promptTextProperty().bind(texts.text("send.amount.prompt"));
        amount.textProperty().bindBidirectional(model.amountProperty());
        Label unit = new Label();
        unit.textProperty().bind(Bindings.createStringBinding(() -> assetLabel(model.assetProperty().get()),
                model.assetProperty(), texts.localeProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, label("send.asset"), new HBox(12, asset, available));
        grid.addRow(1, label("send.to"), to);
        grid.add(error("send-to-error", model.recipientErrorProperty()), 1, 2);
        grid.addRow(3, label("send.amount"), new HBox(8, amount, unit));
        grid.add(error("send-amount-error", model.amountErrorProperty()), 1, 4);

        Button review = button("send.review");
        review.setId("send-review");
        review.setDefaultButton(true);
        review.disableProperty().bind(model.validProperty().not().or(model.busyProperty()));
        review.setOnAction(e -> c.review());
        ProgressIndicator progress = progress("send-form-progress");
        return new VBox(12, title("send.title"), grid, new HBox(12, review, progress));
    }

    private void assetCells(ComboBox<AssetName> asset) {
        asset.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AssetName item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : assetLabel(item));
            }
        });
        asset.setButtonCell(asset.getCellFactory().call(null));
    }

    /** A button showing {@code key}'s text in the current language. */
    private Button button(String key) {
        Button b = new Button();
        b.textProperty().bind(texts.text(key));
        return b;
    }

    private ProgressIndicator progress(String id) {
        ProgressIndicator p = new ProgressIndicator();
        p.setId(id);
        p.setPrefSize(24, 24);
        p.visibleProperty().bind(model.busyProperty());
        return p;
    }

    private Node confirmPage(SendController c) {
        GridPane grid = new GridPane();
        grid.setId("send-summary");
        grid.setHgap(16);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.setStyle("-fx-border-color: #b0b0b0; -fx-border-radius: 4; -fx-background-color: #fafafa;");
        int row = 0;
        for (Object[] r : List.of(
                new Object[] {"send.confirm.network", model.confirmNetworkProperty(), "confirm-network"},
                new Object[] {"send.confirm.from", model.confirmFromProperty(), "confirm-from"},
                new Object[] {"send.confirm.to", model.confirmToProperty(), "confirm-to"},
                new Object[] {"send.confirm.amount", model.confirmAmountProperty(), "confirm-amount"},
                new Object[] {"send.confirm.fee", model.confirmFeeProperty(), "confirm-fee"},
                new Object[] {"send.confirm.feeLimit", model.confirmFeeLimitProperty(), "confirm-fee-limit"},
                new Object[] {"send.confirm.total", model.confirmTotalProperty(), "confirm-total"},
                new Object[] {"send.confirm.expires", model.confirmExpiresProperty(), "confirm-expires"})) {
            Label key = label((String) r[0]);
            key.setStyle("-fx-text-fill: #505050;");
            Label value = new Label();
            value.setId((String) r[2]);
            value.textProperty().bind((StringProperty) r[1]);
            value.setStyle("-fx-font-weight: bold;");
            if (r[2].equals("confirm-fee-limit")) {
                key.visibleProperty().bind(model.confirmFeeLimitProperty().isNotEmpty());
                key.managedProperty().bind(key.visibleProperty());
                value.visibleProperty().bind(key.visibleProperty());
                value.managedProperty().bind(key.visibleProperty());
            }
            grid.addRow(row++, key, value);
        }
        Label warning = label("send.confirm.warning");
        warning.setWrapText(true);
        warning.setMaxWidth(560);
        Button back = button("send.back");
        back.setId("send-back");
        back.setOnAction(e -> c.back());
        back.disableProperty().bind(model.busyProperty());
        Button confirm = button("send.confirm");
        confirm.setId("send-confirm");
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(model.busyProperty());
        confirm.setOnAction(e -> c.confirm());
        return new VBox(12, title("send.confirm.title"), grid, warning,
                new HBox(12, back, confirm, progress("send-confirm-progress")));
    }

    private Node statusPage(SendController c) {
        HBox steps = new HBox(8);
        steps.setId("send-steps");
        TxState[] path = {TxState.BROADCAST, TxState.IN_BLOCK, TxState.SOLID};
        for (int i = 0; i < path.length; i++) {
            TxState s = path[i];
            Label l = label("tx.state." + s.name());
            l.styleProperty().bind(Bindings.createStringBinding(() -> {
                TxState now = model.stateProperty().get();
                boolean reached = now != null && !now.isFinal() && now.compareTo(s) >= 0
                        || now == TxState.SOLID;
                return "-fx-padding: 4 10; -fx-background-radius: 10; -fx-background-color: "
                        + (reached ? "#1b7f3a; -fx-text-fill: white;" : "#e0e0e0;");
            }, model.stateProperty()));
            steps.getChildren().add(l);
            if (i < path.length - 1) {
                steps.getChildren().add(new Label("→"));
            }
        }
        Label state = new Label();
        state.setId("send-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == null ? ""
                : texts.get("tx.state." + model.stateProperty().get().name()), model.stateProperty(),
                texts.localeProperty()));
        state.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        TextField txid = new TextField();
        txid.setId("send-txid");
        txid.setEditable(false);
        txid.setStyle("-fx-font-family: monospace;");
        txid.setPrefColumnCount(44);
        txid.textProperty().bind(model.txidProperty());
        Label detail = new Label();
        detail.setId("send-status-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.statusDetailProperty());
        Button again = button("send.another");
        again.setId("send-another");
        again.setOnAction(e -> c.another());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("send.status.state"), state);
        grid.addRow(1, label("send.status.txid"), txid);
        grid.addRow(2, label("send.status.detail"), detail);
        return new VBox(14, title("send.status.title"), steps, grid, again);
    }
}
