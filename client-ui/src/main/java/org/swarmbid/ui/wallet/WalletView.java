package org.swarmbid.ui.wallet;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.swarmbid.ui.wallet.WalletModel.Phase;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.service.Balances;

/**
 * The wallet screen's frame: header (network selector, lock state), a loading page, the setup pages and the tabs
 * (balances, receive, send behind the unlock form, history). Binds to {@link WalletModel}.
 *
 * <p>Threading: FX thread only.
 */
final class WalletView {

    final ComboBox<String> network = new ComboBox<>();
    final PasswordField unlockPassword = new PasswordField();
    final TabPane tabs = new TabPane();
    final Tab balancesTab;
    final Tab receiveTab;
    final Tab sendTab;
    final Tab historyTab;
    private final WalletModel model;
    private final Texts texts;
    private final BorderPane root = new BorderPane();

    WalletView(WalletModel model, Texts texts, WalletScreen screen, List<String> networks, Node setup, Node receive,
            Node send, Node history) {
        this.model = model;
        this.texts = texts;
        root.setId("wallet-screen");
        root.setTop(header(screen, networks));
        Node loading = loadingPage(screen);
        tabs.setId("wallet-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        balancesTab = tab("tab-balances", "tab.balances", balancesPage(screen));
        receiveTab = tab("tab-receive", "tab.receive", receive);
        Node unlock = unlockPage(screen);
        unlock.visibleProperty().bind(model.unlockedProperty().not());
        send.visibleProperty().bind(model.unlockedProperty());
        sendTab = tab("tab-send", "tab.send", new StackPane(unlock, send));
        historyTab = tab("tab-history", "tab.history", history);
        tabs.getTabs().addAll(balancesTab, receiveTab, sendTab, historyTab);
        StackPane center = new StackPane(loading, setup, tabs);
        show(loading, Phase.LOADING);
        show(setup, Phase.SETUP);
        show(tabs, Phase.READY);
        root.setCenter(center);
    }

    Node root() {
        return root;
    }

    private void show(Node n, Phase phase) {
        n.visibleProperty().bind(model.phaseProperty().isEqualTo(phase));
        n.managedProperty().bind(n.visibleProperty());
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab("", content);
        t.textProperty().bind(texts.text(key));
        t.setId(id);
        return t;
    }

    /** A label showing {@code key}'s text in the current language. */
    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(texts.text(key));
        return l;
    }

    /** A button showing {@code key}'s text in the current language. */
    private Button button(String key) {
        Button b = new Button();
        b.textProperty().bind(texts.text(key));
        return b;
    }

    private Node header(WalletScreen screen, List<String> networks) {
        Label title = label("wallet.title");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        network.setId("wallet-network");
        network.getItems().setAll(networks);
        network.setValue(model.networkProperty().get());
        network.setOnAction(e -> {
            String chosen = network.getValue();
            if (chosen != null && !chosen.equals(model.networkProperty().get())) {
                screen.switchNetwork(chosen);
            }
        });
        model.networkProperty().addListener((o, a, b) -> network.setValue(b));
        network.disableProperty().bind(model.phaseProperty().isEqualTo(Phase.LOADING)
                .or(model.unlockingProperty()));
        Label lockState = new Label();
        lockState.setId("wallet-lock-state");
        lockState.textProperty().bind(Bindings.when(model.unlockedProperty())
                .then(texts.text("wallet.unlocked")).otherwise(texts.text("wallet.locked")));
        lockState.visibleProperty().bind(model.phaseProperty().isEqualTo(Phase.READY));
        Button lock = button("wallet.lock");
        lock.setId("wallet-lock");
        lock.visibleProperty().bind(model.unlockedProperty());
        lock.setOnAction(e -> screen.lock());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, label("wallet.network"), network, lockState, lock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.setStyle("-fx-border-color: transparent transparent #d0d0d0 transparent;");
        return header;
    }

    private Node loadingPage(WalletScreen screen) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(32, 32);
        Label l = label("wallet.loading");
        Button retry = button("wallet.retry");
        retry.setId("wallet-retry");
        retry.setOnAction(e -> screen.switchNetwork(model.networkProperty().get()));
        VBox box = new VBox(12, p, l, retry);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node balancesPage(WalletScreen screen) {
        Label address = new Label();
        address.setId("balances-address");
        address.setStyle("-fx-font-family: monospace;");
        address.textProperty().bind(Bindings.createStringBinding(() -> model.addressProperty().get() == null ? ""
                : model.addressProperty().get().toBase58(), model.addressProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        grid.setStyle("-fx-border-color: #d0d0d0; -fx-border-radius: 4;");
        row(grid, 0, "balance-trx", "asset.TRX", "balances.trx.note", b -> Optional.of(b.trx()));
        row(grid, 1, "balance-btt", "asset.BTT", "balances.btt.note", Balances::btt);
        row(grid, 2, "balance-bttold", "asset.BTTOLD", "balances.bttold.note", Balances::bttOld);
        Button refresh = button("balances.refresh");
        refresh.setId("balances-refresh");
        refresh.setOnAction(e -> screen.refreshBalancesByUser());
        refresh.disableProperty().bind(model.balancesLoadingProperty());
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(20, 20);
        p.visibleProperty().bind(model.balancesLoadingProperty());
        Label status = new Label();
        status.setId("balances-status");
        status.textProperty().bind(model.balancesStatusProperty());
        Label title = label("balances.title");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        VBox page = new VBox(12, title, new HBox(8, label("balances.address"), address), grid,
                new HBox(12, refresh, p, status));
        page.setPadding(new Insets(16));
        page.setId("wallet-balances");
        return page;
    }

    private void row(GridPane grid, int row, String id, String nameKey, String noteKey,
            Function<Balances, Optional<Amount>> value) {
        Label name = label(nameKey);
        name.setStyle("-fx-font-weight: bold;");
        Label amount = new Label();
        amount.setId(id);
        amount.setStyle("-fx-font-family: monospace; -fx-font-size: 15px;");
        amount.textProperty().bind(Bindings.createStringBinding(() -> {
            Balances b = model.balancesProperty().get();
            return b == null ? "…" : value.apply(b).map(Amount::toString).orElse(texts.get("balances.none"));
        }, model.balancesProperty(), texts.localeProperty()));
        Label note = label(noteKey);
        note.setStyle("-fx-text-fill: #707070;");
        grid.addRow(row, name, amount, note);
    }

    private Node unlockPage(WalletScreen screen) {
        Label title = label("unlock.title");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label hint = label("unlock.hint");
        hint.setWrapText(true);
        unlockPassword.setId("unlock-password");
        unlockPassword.promptTextProperty().bind(texts.text("unlock.prompt"));
        unlockPassword.setMaxWidth(320);
        unlockPassword.disableProperty().bind(model.unlockingProperty());
        unlockPassword.setOnAction(e -> screen.unlock());
        Button unlock = button("unlock.button");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.unlockingProperty());
        unlock.setOnAction(e -> screen.unlock());
        ProgressIndicator p = new ProgressIndicator();
        p.setId("unlock-progress");
        p.setPrefSize(24, 24);
        p.visibleProperty().bind(model.unlockingProperty());
        Button cancel = button("unlock.cancel");
        cancel.setId("unlock-cancel");
        cancel.visibleProperty().bind(model.unlockingProperty());
        cancel.setOnAction(e -> screen.cancelUnlock());
        Label message = new Label();
        message.setId("unlock-message");
        message.setStyle("-fx-text-fill: #b00020;");
        message.textProperty().bind(model.unlockMessageProperty());
        VBox page = new VBox(12, title, hint, unlockPassword, new HBox(12, unlock, p, cancel), message);
        page.setPadding(new Insets(16));
        page.setId("wallet-unlock");
        return page;
    }
}
