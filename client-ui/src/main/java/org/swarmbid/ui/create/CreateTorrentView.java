package org.swarmbid.ui.create;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.I18n;

/** The create-torrent form with progress bar and Create / Cancel / Close buttons. */
final class CreateTorrentView {
    final Button chooseFile;
    final Button chooseFolder;
    final Button chooseOutput;
    final Button create;
    final Button cancel;
    final Button close;
    final ProgressBar progress = new ProgressBar(0);
    private final GridPane root = new GridPane();

    CreateTorrentView(CreateTorrentModel model, I18n i18n, Formats formats) {
        root.setId("create-dialog");
        root.getStyleClass().add("dialog-form");
        root.setHgap(10);
        root.setVgap(8);
        root.setPadding(new Insets(16));
        ColumnConstraints l = new ColumnConstraints();
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints f = new ColumnConstraints();
        f.setHgrow(Priority.ALWAYS);
        root.getColumnConstraints().setAll(l, f);

        TextField source = text("create-source", model.source);
        chooseFile = new Button(i18n.t("create.chooseFile"));
        chooseFolder = new Button(i18n.t("create.chooseFolder"));
        HBox sourceBox = new HBox(6, source, chooseFile, chooseFolder);
        HBox.setHgrow(source, Priority.ALWAYS);
        TextArea trackers = new TextArea();
        trackers.setId("create-trackers");
        trackers.setPrefRowCount(3);
        trackers.setPromptText(i18n.t("create.trackers.prompt"));
        trackers.textProperty().bindBidirectional(model.trackers);
        TextArea seeds = new TextArea();
        seeds.setId("create-webseeds");
        seeds.setPrefRowCount(2);
        seeds.textProperty().bindBidirectional(model.webSeeds);
        TextField comment = text("create-comment", model.comment);
        CheckBox priv = new CheckBox(i18n.t("create.private"));
        priv.setId("create-private");
        priv.selectedProperty().bindBidirectional(model.privateFlag);
        ComboBox<Integer> piece = new ComboBox<>(FXCollections.observableArrayList(0, 16 << 10, 32 << 10,
                64 << 10, 128 << 10, 256 << 10, 512 << 10, 1 << 20, 2 << 20, 4 << 20, 8 << 20, 16 << 20));
        piece.setId("create-piece-length");
        piece.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null || v == 0 ? i18n.t("create.pieceAuto") : formats.bytes(v);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        piece.setValue(model.pieceLength.get());
        piece.valueProperty().addListener((o, a, b) -> model.pieceLength.set(b == null ? 0 : b));
        TextField output = text("create-output", model.output);
        chooseOutput = new Button(i18n.t("create.chooseOutput"));
        HBox outBox = new HBox(6, output, chooseOutput);
        HBox.setHgrow(output, Priority.ALWAYS);
        CheckBox seed = new CheckBox(i18n.t("create.startSeeding"));
        seed.setId("create-seed");
        seed.selectedProperty().bindBidirectional(model.startSeeding);

        progress.setId("create-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progress.map(v -> v.doubleValue() < 0 ? 0 : v.doubleValue()));
        Label message = new Label();
        message.setId("create-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        create = new Button(i18n.t("create.create"));
        create.setId("create-start");
        create.setDefaultButton(true);
        create.disableProperty().bind(model.running);
        cancel = new Button(i18n.t("button.cancel"));
        cancel.setId("create-cancel");
        cancel.disableProperty().bind(model.running.not());
        close = new Button(i18n.t("button.close"));
        close.setId("create-close");
        close.disableProperty().bind(model.running);

        int r = 0;
        root.addRow(r++, new Label(i18n.t("create.source")), sourceBox);
        root.addRow(r++, new Label(i18n.t("create.trackers")), trackers);
        root.addRow(r++, new Label(i18n.t("create.webSeeds")), seeds);
        root.addRow(r++, new Label(i18n.t("create.comment")), comment);
        root.addRow(r++, new Label(i18n.t("create.pieceLength")), piece);
        root.addRow(r++, new Label(), priv);
        root.addRow(r++, new Label(i18n.t("create.output")), outBox);
        root.addRow(r++, new Label(), seed);
        root.addRow(r++, new Label(i18n.t("create.progress")), progress);
        root.add(message, 1, r++);
        HBox buttons = new HBox(8, create, cancel, close);
        root.add(buttons, 1, r);
        root.setPrefWidth(620);
    }

    Parent root() {
        return root;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
