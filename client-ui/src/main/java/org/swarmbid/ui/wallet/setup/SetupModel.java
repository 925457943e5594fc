package org.swarmbid.ui.wallet.setup;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.swarmbid.ui.wallet.PasswordStrength;

/**
 * The first-run pages' state. The recovery words are here only while the WORDS page shows them; passwords and
 * typed secrets stay in their controls until submitted.
 *
 * <p>Threading: FX thread only.
 */
public final class SetupModel {

    /** The page showing. */
    public enum Step {
        /** Create or import. */
        CHOOSE,
        /** The new recovery phrase, to write down. */
        WORDS,
        /** Re-enter some of the words. */
        QUIZ,
        /** The password (and, when importing, the phrase or key). */
        PASSWORD
    }

    /** What an import reads. */
    public enum ImportKind {
        MNEMONIC,
        PRIVATE_KEY
    }

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final ObjectProperty<ImportKind> importKind = new SimpleObjectProperty<>(ImportKind.MNEMONIC);
    private final ObservableList<String> words = FXCollections.observableArrayList();
    private final BooleanProperty backupConfirmed = new SimpleBooleanProperty();
    private final ObservableList<Integer> quizPositions = FXCollections.observableArrayList();
    private final StringProperty quizMessage = new SimpleStringProperty("");
    private final ObjectProperty<PasswordStrength> strength = new SimpleObjectProperty<>(PasswordStrength.NONE);
    private final BooleanProperty passwordsMatch = new SimpleBooleanProperty();
    private final BooleanProperty secretEntered = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** True on the import path, false when creating. */
    public BooleanProperty importingProperty() {
        return importing;
    }

    public ObjectProperty<ImportKind> importKindProperty() {
        return importKind;
    }

    /** The words of the new phrase while the WORDS page shows them, else empty. */
    public ObservableList<String> words() {
        return words;
    }

    /** The "I wrote them down" box. */
    public BooleanProperty backupConfirmedProperty() {
        return backupConfirmed;
    }

    /** The 0-based positions the quiz asks for. */
    public ObservableList<Integer> quizPositions() {
        return quizPositions;
    }

    public StringProperty quizMessageProperty() {
        return quizMessage;
    }

    public ObjectProperty<PasswordStrength> strengthProperty() {
        return strength;
    }

    public BooleanProperty passwordsMatchProperty() {
        return passwordsMatch;
    }

    /** True when the import field holds something. */
    public BooleanProperty secretEnteredProperty() {
        return secretEntered;
    }

    /** Why the last submit failed, or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
