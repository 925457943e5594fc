package org.swarmbid.ui.wallet.setup;

import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import org.swarmbid.ui.wallet.ErrorDialog;
import org.swarmbid.ui.wallet.PasswordStrength;
import org.swarmbid.ui.wallet.Secrets;
import org.swarmbid.ui.wallet.WalletContext;
import org.swarmbid.ui.wallet.setup.SetupModel.ImportKind;
import org.swarmbid.ui.wallet.setup.SetupModel.Step;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;

/**
 * First run: create a wallet from a new 24-word phrase (shown once, then checked by re-entering {@value
 * SetupView#QUIZ_SIZE} random words before anything is written) or import one from a phrase or a raw private key,
 * under a password typed twice. The keystore is written on a worker thread (scrypt); typed secrets are copied into
 * {@code char[]} buffers, the controls cleared, the buffers wiped afterwards.
 *
 * <p>Threading: FX thread; the write runs on the context's background.
 */
public final class SetupController {

    /** Words of a new phrase (256 bits of entropy). */
    public static final int WORD_COUNT = 24;

    private final WalletContext context;
    private final SetupModel model = new SetupModel();
    private final SetupView view;
    private final Random random;
    private Mnemonic mnemonic;
    private BackupQuiz quiz;

    /** With {@link SecureRandom} choosing the quiz positions. */
    public SetupController(WalletContext context) {
        this(context, new SecureRandom());
    }

    /** With another source for the quiz positions (tests). */
    public SetupController(WalletContext context, Random random) {
        this.context = context;
        this.random = random;
        this.view = new SetupView(model, context.texts(), this);
    }

    public Node view() {
        return view.root();
    }

    public SetupModel model() {
        return model;
    }

    void startCreate() {
        forgetMnemonic();
        mnemonic = WalletService.newMnemonic(WORD_COUNT);
        model.importingProperty().set(false);
        model.backupConfirmedProperty().set(false);
        model.words().setAll(mnemonic.words());
        model.stepProperty().set(Step.WORDS);
    }

    void startImport() {
        forgetMnemonic();
        model.importingProperty().set(true);
        model.messageProperty().set("");
        model.stepProperty().set(Step.PASSWORD);
    }

    void backToChoose() {
        forgetMnemonic();
        clearSecrets();
        model.messageProperty().set("");
        model.stepProperty().set(Step.CHOOSE);
    }

    void wordsDone() {
        if (mnemonic == null || !model.backupConfirmedProperty().get()) {
            return;
        }
        quiz = BackupQuiz.random(WORD_COUNT, SetupView.QUIZ_SIZE, random);
        model.words().clear();
        model.quizMessageProperty().set("");
        model.quizPositions().setAll(Arrays.stream(quiz.positions()).boxed().toList());
        model.stepProperty().set(Step.QUIZ);
    }

    void showWordsAgain() {
        if (mnemonic != null) {
            view.clearQuiz();
            model.words().setAll(mnemonic.words());
            model.stepProperty().set(Step.WORDS);
        }
    }

    void checkQuiz() {
        if (mnemonic == null || quiz == null) {
            return;
        }
        List<String> answers = view.quizAnswers();
        if (quiz.check(mnemonic.words(), answers)) {
            view.clearQuiz();
            model.quizMessageProperty().set("");
            model.messageProperty().set("");
            model.stepProperty().set(Step.PASSWORD);
        } else {
            context.texts().show(model.quizMessageProperty(), () -> context.texts().get("setup.quiz.wrong"));
        }
    }

    void passwordsChanged() {
        model.strengthProperty().set(PasswordStrength.of(view.password.getCharacters()));
        model.passwordsMatchProperty().set(view.password.getLength() > 0
                && CharSequence.compare(view.password.getCharacters(), view.passwordRepeat.getCharacters()) == 0);
    }

    void submit() {
        if (model.busyProperty().get() || !model.passwordsMatchProperty().get()
                || !model.strengthProperty().get().acceptable()) {
            return;
        }
        boolean importing = model.importingProperty().get();
        if (!importing && mnemonic == null) {
            return;
        }
        ImportKind kind = model.importKindProperty().get();
        char[] secret = importing
                ? Secrets.chars(kind == ImportKind.MNEMONIC ? view.mnemonicInput : view.keyInput) : null;
        char[] password = Secrets.chars(view.password);
        Mnemonic created = importing ? null : mnemonic;
        WalletService service = context.service();
        model.busyProperty().set(true);
        model.messageProperty().set("");
        context.background().submit(() -> {
            try {
                if (!importing) {
                    return service.create(created, new char[0], WalletService.DEFAULT_ADDRESS_INDEX, password, false);
                }
                if (kind == ImportKind.PRIVATE_KEY) {
                    return service.importPrivateKey(CharBuffer.wrap(secret), password);
                }
                try (Mnemonic typed = WalletService.parseMnemonic(CharBuffer.wrap(secret))) {
                    return service.create(typed, new char[0], WalletService.DEFAULT_ADDRESS_INDEX, password, false);
                }
            } finally {
                Secrets.wipe(secret, password);
            }
        }, this::created, this::failed);
    }

    private void created(TronAddress address) {
        model.busyProperty().set(false);
        forgetMnemonic();
        clearSecrets();
        model.stepProperty().set(Step.CHOOSE);
        context.walletCreated(address);
    }

    private void failed(Exception e) {
        model.busyProperty().set(false);
        if (e instanceof WalletException
                && ((WalletException) e).reason() == WalletException.Reason.INVALID_INPUT) {
            context.texts().show(model.messageProperty(), () -> ErrorDialog.message(context.texts(), e));
        } else {
            ErrorDialog.show(context.texts(), view.root(), context.texts().get("setup.failed"), e);
        }
    }

    private void clearSecrets() {
        view.password.clear();
        view.passwordRepeat.clear();
        view.mnemonicInput.clear();
        view.keyInput.clear();
        view.clearQuiz();
    }

    /** Wipes the new phrase (after the wallet is written, or when the user goes back). */
    public void forgetMnemonic() {
        model.words().clear();
        model.quizPositions().clear();
        quiz = null;
        if (mnemonic != null) {
            mnemonic.destroy();
            mnemonic = null;
        }
    }
}
