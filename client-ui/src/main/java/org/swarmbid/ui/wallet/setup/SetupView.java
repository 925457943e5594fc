package org.swarmbid.ui.wallet.setup;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.swarmbid.ui.wallet.PasswordStrength;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.ui.wallet.setup.SetupModel.ImportKind;
import org.swarmbid.ui.wallet.setup.SetupModel.Step;

/**
 * The first-run pages: choose, the 24 words, the quiz, the password (with the phrase or key when importing).
 * Binds to {@link SetupModel}; hands button presses to {@link SetupController}.
 *
 * <p>Threading: FX thread only.
 */
final class SetupView {

    static final int QUIZ_SIZE = 3;

    private final SetupModel model;
    private final Texts texts;
    private final StackPane root = new StackPane();
    private final GridPane wordGrid = new GridPane();
    private final TextField[] quizFields = new TextField[QUIZ_SIZE];
    private final Label[] quizLabels = new Label[QUIZ_SIZE];
    final PasswordField password = new PasswordField();
    final PasswordField passwordRepeat = new PasswordField();
    final TextArea mnemonicInput = new TextArea();
    final PasswordField keyInput = new PasswordField();

    SetupView(SetupModel model, Texts texts, SetupController controller) {
        this.model = model;
        this.texts = texts;
        root.setId("wallet-setup");
        root.setPadding(new Insets(24));
        Node choose = choosePage(controller);
        Node words = wordsPage(controller);
        Node quiz = quizPage(controller);
        Node pass = passwordPage(controller);
        root.getChildren().addAll(choose, words, quiz, pass);
        showOnly(choose, Step.CHOOSE);
        showOnly(words, Step.WORDS);
        showOnly(quiz, Step.QUIZ);
        showOnly(pass, Step.PASSWORD);
    }

    Node root() {
        return root;
    }

    private void showOnly(Node page, Step step) {
        page.visibleProperty().bind(model.stepProperty().isEqualTo(step));
        page.managedProperty().bind(page.visibleProperty());
    }

    /** A label showing {@code key}'s text in the current language. */
    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(texts.text(key));
        return l;
    }

    private Label heading(String key) {
        Label l = label(key);
        l.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        l.setWrapText(true);
        return l;
    }

    private Label text(String key) {
        Label l = label(key);
        l.setWrapText(true);
        l.setMaxWidth(640);
        return l;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(texts.text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node choosePage(SetupController c) {
        Button create = button("setup-create", "setup.create", c::startCreate);
        create.setDefaultButton(true);
        Button imp = button("setup-import", "setup.import", c::startImport);
        VBox page = new VBox(14, heading("setup.title"), text("setup.intro"), new HBox(12, create, imp));
        page.setAlignment(Pos.TOP_LEFT);
        return page;
    }

    private Node wordsPage(SetupController c) {
        wordGrid.setId("word-grid");
        wordGrid.setHgap(18);
        wordGrid.setVgap(6);
        wordGrid.setPadding(new Insets(12));
        wordGrid.setStyle("-fx-border-color: #b0b0b0; -fx-border-radius: 4; -fx-background-color: #fafafa;");
        model.words().addListener((ListChangeListener<String>) ch -> fillWords());
        CheckBox confirmed = new CheckBox();
        confirmed.textProperty().bind(texts.text("setup.words.confirm"));
        confirmed.setId("backup-confirmed");
        confirmed.setWrapText(true);
        confirmed.selectedProperty().bindBidirectional(model.backupConfirmedProperty());
        Button next = button("words-next", "setup.next", c::wordsDone);
        next.disableProperty().bind(model.backupConfirmedProperty().not());
        next.setDefaultButton(true);
        Button back = button("words-back", "setup.back", c::backToChoose);
        return new VBox(12, heading("setup.words.title"), text("setup.words.intro"), wordGrid,
                text("setup.words.warning"), confirmed, new HBox(12, back, next));
    }

    private void fillWords() {
        wordGrid.getChildren().clear();
        int rows = (model.words().size() + 3) / 4;
        for (int i = 0; i < model.words().size(); i++) {
            Label number = new Label((i + 1) + ".");
            number.setMinWidth(28);
            number.setAlignment(Pos.CENTER_RIGHT);
            number.setStyle("-fx-text-fill: #707070;");
            Label word = new Label(model.words().get(i));
            word.setId("word-" + (i + 1));
            word.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
            word.setMinWidth(90);
            HBox cell = new HBox(4, number, word);
            wordGrid.add(cell, i / rows, i % rows);
        }
    }

    private Node quizPage(SetupController c) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        for (int i = 0; i < QUIZ_SIZE; i++) {
            quizLabels[i] = new Label();
            quizLabels[i].setId("quiz-label-" + i);
            quizFields[i] = new TextField();
            quizFields[i].setId("quiz-" + i);
            quizFields[i].setPrefColumnCount(14);
            grid.addRow(i, quizLabels[i], quizFields[i]);
        }
        model.quizPositions().addListener((ListChangeListener<Integer>) ch -> {
            for (TextField f : quizFields) {
                f.clear();
            }
            labelQuiz();
        });
        texts.localeProperty().addListener((o, a, b) -> labelQuiz());
        Label message = new Label();
        message.setId("quiz-message");
        message.setStyle("-fx-text-fill: #b00020;");
        message.setWrapText(true);
        message.textProperty().bind(model.quizMessageProperty());
        Button check = button("quiz-check", "setup.quiz.check", c::checkQuiz);
        check.setDefaultButton(true);
        Button again = button("quiz-show-words", "setup.quiz.showAgain", c::showWordsAgain);
        return new VBox(12, heading("setup.quiz.title"), text("setup.quiz.intro"), grid, message,
                new HBox(12, again, check));
    }

    private void labelQuiz() {
        for (int i = 0; i < QUIZ_SIZE; i++) {
            quizLabels[i].setText(i < model.quizPositions().size()
                    ? texts.get("setup.quiz.word", model.quizPositions().get(i) + 1) : "");
        }
    }

    java.util.List<String> quizAnswers() {
        java.util.List<String> answers = new java.util.ArrayList<>();
        for (TextField f : quizFields) {
            answers.add(f.getText());
        }
        return answers;
    }

    void clearQuiz() {
        for (TextField f : quizFields) {
            f.clear();
        }
    }

    private Node passwordPage(SetupController c) {
        VBox importBox = importSection();
        importBox.visibleProperty().bind(model.importingProperty());
        importBox.managedProperty().bind(importBox.visibleProperty());

        password.setId("password");
        passwordRepeat.setId("password-repeat");
        password.promptTextProperty().bind(texts.text("setup.password.prompt"));
        passwordRepeat.promptTextProperty().bind(texts.text("setup.password.repeatPrompt"));
        password.textProperty().addListener((o, a, b) -> c.passwordsChanged());
        passwordRepeat.textProperty().addListener((o, a, b) -> c.passwordsChanged());
        Label strength = new Label();
        strength.setId("password-strength");
        strength.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("setup.password.strength." + model.strengthProperty().get().name()),
                model.strengthProperty(), texts.localeProperty()));
        strength.styleProperty().bind(Bindings.createStringBinding(
                () -> "-fx-text-fill: " + strengthColour(model.strengthProperty().get()) + ";",
                model.strengthProperty()));
        Label match = new Label();
        match.setId("password-match");
        match.textProperty().bind(Bindings.createStringBinding(() -> passwordRepeat.getLength() == 0 ? ""
                : texts.get(model.passwordsMatchProperty().get() ? "setup.password.match" : "setup.password.mismatch"),
                model.passwordsMatchProperty(), passwordRepeat.textProperty(), texts.localeProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("setup.password.label"), password, strength);
        grid.addRow(1, label("setup.password.repeat"), passwordRepeat, match);

        Label message = new Label();
        message.setId("setup-message");
        message.setStyle("-fx-text-fill: #b00020;");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button submit = new Button();
        submit.setId("setup-submit");
        submit.textProperty().bind(Bindings.when(model.importingProperty())
                .then(texts.text("setup.submit.import")).otherwise(texts.text("setup.submit.create")));
        submit.setOnAction(e -> c.submit());
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty()
                .or(model.passwordsMatchProperty().not())
                .or(Bindings.createBooleanBinding(() -> !model.strengthProperty().get().acceptable(),
                        model.strengthProperty()))
                .or(model.importingProperty().and(model.secretEnteredProperty().not())));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("setup-progress");
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(model.busyProperty());
        Button back = button("setup-back", "setup.back", c::backToChoose);
        back.disableProperty().bind(model.busyProperty());
        Label title = new Label();
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        title.textProperty().bind(Bindings.when(model.importingProperty())
                .then(texts.text("setup.import.title")).otherwise(texts.text("setup.password.title")));
        return new VBox(12, title, importBox, text("setup.password.intro"), grid, message,
                new HBox(12, back, submit, progress));
    }

    private VBox importSection() {
        ToggleGroup group = new ToggleGroup();
        RadioButton byPhrase = new RadioButton();
        byPhrase.textProperty().bind(texts.text("setup.import.mnemonic"));
        byPhrase.setId("import-mnemonic-radio");
        byPhrase.setToggleGroup(group);
        RadioButton byKey = new RadioButton();
        byKey.textProperty().bind(texts.text("setup.import.key"));
        byKey.setId("import-key-radio");
        byKey.setToggleGroup(group);
        byPhrase.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> model.importKindProperty()
                .set(b == byKey ? ImportKind.PRIVATE_KEY : ImportKind.MNEMONIC));
        mnemonicInput.setId("import-mnemonic");
        mnemonicInput.promptTextProperty().bind(texts.text("setup.import.mnemonicPrompt"));
        mnemonicInput.setWrapText(true);
        mnemonicInput.setPrefRowCount(3);
        mnemonicInput.setMaxWidth(560);
        keyInput.setId("import-key");
        keyInput.promptTextProperty().bind(texts.text("setup.import.keyPrompt"));
        keyInput.setMaxWidth(560);
        mnemonicInput.visibleProperty().bind(model.importKindProperty().isEqualTo(ImportKind.MNEMONIC));
        mnemonicInput.managedProperty().bind(mnemonicInput.visibleProperty());
        keyInput.visibleProperty().bind(model.importKindProperty().isEqualTo(ImportKind.PRIVATE_KEY));
        keyInput.managedProperty().bind(keyInput.visibleProperty());
        Runnable entered = () -> model.secretEnteredProperty().set(
                model.importKindProperty().get() == ImportKind.MNEMONIC ? mnemonicInput.getLength() > 0
                        : keyInput.getLength() > 0);
        mnemonicInput.textProperty().addListener((o, a, b) -> entered.run());
        keyInput.textProperty().addListener((o, a, b) -> entered.run());
        model.importKindProperty().addListener((o, a, b) -> entered.run());
        return new VBox(8, text("setup.import.intro"), new HBox(16, byPhrase, byKey), mnemonicInput, keyInput);
    }

    private static String strengthColour(PasswordStrength s) {
        switch (s) {
            case WEAK:
                return "#b00020";
            case FAIR:
                return "#b26a00";
            case GOOD:
            case STRONG:
                return "#1b7f3a";
            default:
                return "#707070";
        }
    }
}
