package org.swarmbid.ui;

import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.swarmbid.ui.common.BalanceSource;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.OneLine;
import org.swarmbid.ui.common.TokenAmount;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.torrents.TorrentsModel;

/**
 * The bottom line of the window: global download and upload rate, connections, and the wallet balance (fetched in
 * the background every ten seconds).
 */
final class StatusBar implements AutoCloseable {
    private static final int BALANCE_EVERY_SECONDS = 10;
    private final HBox root = new HBox(18);
    private final Label rates = new Label();
    private final Label connections = new Label();
    private final Label balance = new Label();
    private final Timeline timer;
    private final UiContext ctx;
    private final BalanceSource source;
    private boolean inFlight;

    StatusBar(UiContext ctx, TorrentsModel model, BalanceSource source) {
        this.ctx = ctx;
        this.source = source;
        Formats f = ctx.formats();
        rates.setId("status-rates");
        rates.textProperty().bind(Bindings.createStringBinding(() -> ctx.i18n().t("status.rates",
                f.rateAlways(model.totalDownloadProperty().get()), f.rateAlways(model.totalUploadProperty().get())),
                model.totalDownloadProperty(), model.totalUploadProperty()));
        connections.setId("status-connections");
        connections.textProperty().bind(Bindings.createStringBinding(() -> ctx.i18n().t("status.connections",
                model.connectionsProperty().get()), model.connectionsProperty()));
        balance.setId("status-balance");
        balance.setText(ctx.i18n().t("status.balance", Formats.NONE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(rates, connections, spacer, balance);
        root.setPadding(new Insets(4, 10, 4, 10));
        root.getStyleClass().add("status-bar");
        timer = new Timeline(new KeyFrame(Duration.seconds(BALANCE_EVERY_SECONDS), e -> refreshBalance()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
        refreshBalance();
    }

    Node root() {
        return root;
    }

    /** Shows a balance at once (screenshots); the next refresh replaces it. */
    void showBalance(Optional<TokenAmount> amount) {
        balance.setText(ctx.i18n().t("status.balance", ctx.formats().amount(amount)));
    }

    private void refreshBalance() {
        if (source == BalanceSource.NONE || inFlight) {
            return;
        }
        inFlight = true;
        ctx.background().run(source::balance, b -> {
            inFlight = false;
            showBalance(b);
            balance.setTooltip(null);
        }, err -> {
            inFlight = false;
            showBalance(Optional.empty());
            balance.setTooltip(new Tooltip(OneLine.of(err)));
        });
    }

    @Override
    public void close() {
        timer.stop();
    }
}
