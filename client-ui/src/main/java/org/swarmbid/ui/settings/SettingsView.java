package org.swarmbid.ui.settings;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.swarmbid.ui.common.I18n;

/** The settings form: one labelled field per setting, Save and Revert. Binds to {@link SettingsModel}. */
final class SettingsView {
    final Button browse;
    final Button save;
    final Button revert;
    final Label note = new Label();
    private final ScrollPane root;

    SettingsView(SettingsModel model, I18n i18n) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        Label heading = new Label(i18n.t("settings.heading"));
        heading.getStyleClass().add("screen-heading");
        grid.add(heading, 0, 0, 2, 1);

        TextField dir = field("settings-download-dir", model.downloadDir);
        browse = new Button(i18n.t("settings.browse"));
        browse.setId("settings-browse");
        HBox dirBox = new HBox(6, dir, browse);
        HBox.setHgrow(dir, Priority.ALWAYS);
        int r = 1;
        grid.addRow(r++, new Label(i18n.t("settings.downloadDir")), dirBox);
        grid.addRow(r++, new Label(i18n.t("settings.port")), narrow(field("settings-port", model.port)));
        grid.addRow(r++, new Label(i18n.t("settings.downloadLimit")),
                narrow(field("settings-down-limit", model.downloadLimitKib)));
        grid.addRow(r++, new Label(i18n.t("settings.uploadLimit")),
                narrow(field("settings-up-limit", model.uploadLimitKib)));
        grid.addRow(r++, new Label(i18n.t("settings.maxConnections")),
                narrow(field("settings-max-connections", model.maxConnections)));
        grid.addRow(r++, new Label(i18n.t("settings.maxPeers")),
                narrow(field("settings-max-peers", model.maxPeersPerTorrent)));
        grid.addRow(r++, new Label(i18n.t("settings.uploadSlots")),
                narrow(field("settings-upload-slots", model.uploadSlots)));

        ComboBox<Locale> language = new ComboBox<>(FXCollections.observableArrayList(I18n.SUPPORTED));
        language.setId("settings-language");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : i18n.t("language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        language.valueProperty().bindBidirectional(model.language);
        grid.addRow(r++, new Label(i18n.t("settings.language")), language);

        ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
        theme.setId("settings-theme");
        theme.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Theme t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : i18n.t("theme." + t.name().toLowerCase(Locale.ROOT)));
            }
        });
        theme.setButtonCell(theme.getCellFactory().call(null));
        theme.valueProperty().bindBidirectional(model.theme);
        grid.addRow(r++, new Label(i18n.t("settings.theme")), theme);

        save = new Button(i18n.t("settings.save"));
        save.setId("settings-save");
        save.setDefaultButton(true);
        revert = new Button(i18n.t("settings.revert"));
        revert.setId("settings-revert");
        note.setId("settings-note");
        note.setWrapText(true);
        grid.add(new HBox(8, save, revert), 1, r++);
        grid.add(note, 1, r);
        Label hint = new Label(i18n.t("settings.limitsHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox box = new VBox(grid, hint);
        VBox.setMargin(hint, new Insets(0, 16, 16, 16));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("settings-screen");
    }

    Node root() {
        return root;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Node narrow(TextField f) {
        f.setMaxWidth(160);
        return f;
    }
}
