package org.swarmbid.ui.common;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Error and confirmation dialogs. Messages are one line (see {@link OneLine}); a stack trace never reaches the
 * user. Dialogs are non-blocking ({@code show}) where the caller does not need an answer, so tests and the engine's
 * updates keep running.
 */
public final class Dialogs {
    /** Style class of the message label in every dialog (tests look it up). */
    public static final String MESSAGE_ID = "dialog-message";

    private Dialogs() {
    }

    /** Shows an error: a title and a one-line message. Returns the alert (already showing). */
    public static Alert error(Window owner, I18n i18n, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        prepare(a, owner, i18n.t("dialog.error.title"), title, message);
        a.getButtonTypes().setAll(new ButtonType(i18n.t("button.ok"), ButtonBar.ButtonData.OK_DONE));
        a.show();
        return a;
    }

    /** Shows an information message (non-blocking). */
    public static Alert info(Window owner, I18n i18n, String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        prepare(a, owner, i18n.t("dialog.info.title"), title, message);
        a.getButtonTypes().setAll(new ButtonType(i18n.t("button.ok"), ButtonBar.ButtonData.OK_DONE));
        a.show();
        return a;
    }

    /** Asks a question; {@code onAnswer} runs with the chosen button (or empty when dismissed). */
    public static Alert ask(Window owner, String windowTitle, String header, String message,
            java.util.function.Consumer<Optional<ButtonType>> onAnswer, ButtonType... buttons) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(a, owner, windowTitle, header, message);
        a.getButtonTypes().setAll(buttons);
        a.setOnHidden(e -> onAnswer.accept(Optional.ofNullable(a.getResult())));
        a.show();
        return a;
    }

    private static void prepare(Alert a, Window owner, String windowTitle, String header, String message) {
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(windowTitle);
        a.setHeaderText(header);
        Label l = new Label(message);
        l.setId(MESSAGE_ID);
        l.setWrapText(true);
        l.setMaxWidth(480);
        a.getDialogPane().setContent(l);
        if (owner != null && owner.getScene() != null) {
            a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }
}
