package org.swarmbid.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.ui.wallet.FxTestSupport.fx;
import static org.swarmbid.ui.wallet.FxTestSupport.fxRun;
import static org.swarmbid.ui.wallet.FxTestSupport.screenshot;
import static org.swarmbid.ui.wallet.FxTestSupport.until;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.ui.wallet.WalletModel.Phase;
import org.swarmbid.ui.wallet.send.SendModel;
import org.swarmbid.ui.wallet.setup.SetupModel;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wallet screen end to end on headless JavaFX against a real in-process devnet (real gRPC through Trident, real
 * keystore and history files): setup with the backup quiz, receive with a QR code that decodes, unlock, send with
 * confirmation to SOLID, and the balance change.
 */
@ExtendWith(ApplicationExtension.class)
class WalletScreenTest {

    private static final String PASSWORD = "Tr0ub4dor&3-horse";
    private static final AtomicInteger WALLETS = new AtomicInteger();

    @TempDir
    static Path base;
    private static Devnet devnet;
    private static Locale savedLocale;

    private Path walletDir;
    private WalletScreen screen;
    private Stage stage;

    @BeforeAll
    static void startDevnet() throws IOException {
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        devnet = Devnet.start(DevnetConfig.forTests().withBlockInterval(Duration.ofMillis(40)));
    }

    @AfterAll
    static void stopDevnet() {
        devnet.close();
        Locale.setDefault(savedLocale);
    }

    static WalletOptions options(String network, Keystore keystore) {
        WalletOptions o = WalletOptions.defaults().withNetwork(network).withKeystore(keystore)
                .withTiming(Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMinutes(10));
        // other networks keep their name but point at a closed loopback port: tests never leave this machine
        return network.equals("devnet")
                ? o.withNodes("127.0.0.1:" + devnet.fullNodePort(), "127.0.0.1:" + devnet.solidityPort())
                : o.withNodes("127.0.0.1:9", "127.0.0.1:9");
    }

    static Keystore cheapScrypt() {
        return Keystore.withScryptCost(1024, 8, 1, new SecureRandom());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        walletDir = base.resolve("wallet-" + WALLETS.incrementAndGet());
        screen = new WalletScreen(network -> WalletService.open(walletDir, options(network, cheapScrypt())), "devnet",
                Locale.ENGLISH);
        stage.setScene(new Scene((javafx.scene.Parent) screen.view(), 960, 680));
        stage.show();
    }

    @AfterEach
    void close() {
        fxRun(() -> screen.close());
    }

    private void show() {
        fxRun(() -> screen.onShow());
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    private String text(FxRobot robot, String id) {
        Node n = node(robot, id);
        return fx(() -> n instanceof Label ? ((Label) n).getText() : ((TextField) n).getText());
    }

    private void type(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        fxRun(() -> ((TextField) node(robot, id)).clear());
        robot.write(text);
    }

    @Test
    void createConfirmBackupReceiveUnlockSendToSolid(FxRobot robot) throws Exception {
        show();
        until(20, "setup page", () -> screen.walletModel().phaseProperty().get() == Phase.SETUP);
        screenshot(screen.view(), "wallet-setup");

        robot.clickOn("#setup-create");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            words.add(text(robot, "word-" + i));
        }
        assertThat(words).allMatch(w -> w.matches("[a-z]{3,8}"));
        assertThat(fx(() -> ((Button) node(robot, "words-next")).isDisabled())).as("needs the checkbox").isTrue();
        screenshot(screen.view(), "wallet-backup-words");
        robot.clickOn("#backup-confirmed");
        robot.clickOn("#words-next");
        SetupModel setup = screen.setup().model();
        assertThat(fx(() -> setup.stepProperty().get())).isEqualTo(SetupModel.Step.QUIZ);
        assertThat(fx(() -> setup.words().isEmpty())).as("words hidden during the quiz").isTrue();
        List<Integer> positions = fx(() -> List.copyOf(setup.quizPositions()));
        assertThat(positions).hasSize(3).doesNotHaveDuplicates();
        assertThat(text(robot, "quiz-label-0")).isEqualTo("Word " + (positions.get(0) + 1));

        // wrong words: the right ones shifted by one position
        for (int i = 0; i < 3; i++) {
            type(robot, "quiz-" + i, words.get((positions.get(i) + 1) % 24));
        }
        robot.clickOn("#quiz-check");
        assertThat(text(robot, "quiz-message")).contains("do not match");
        assertThat(fx(() -> setup.stepProperty().get())).isEqualTo(SetupModel.Step.QUIZ);
        // two right and one wrong is still refused
        type(robot, "quiz-0", words.get(positions.get(0)));
        type(robot, "quiz-1", words.get(positions.get(1)));
        robot.clickOn("#quiz-check");
        assertThat(fx(() -> setup.stepProperty().get())).isEqualTo(SetupModel.Step.QUIZ);
        type(robot, "quiz-2", words.get(positions.get(2)).toUpperCase(Locale.ROOT) + " ");
        screenshot(screen.view(), "wallet-backup-check");
        robot.clickOn("#quiz-check");
        assertThat(fx(() -> setup.stepProperty().get())).isEqualTo(SetupModel.Step.PASSWORD);

        type(robot, "password", "short");
        type(robot, "password-repeat", "short");
        assertThat(text(robot, "password-strength")).isEqualTo("Too weak");
        assertThat(fx(() -> ((Button) node(robot, "setup-submit")).isDisabled())).isTrue();
        type(robot, "password", PASSWORD);
        type(robot, "password-repeat", PASSWORD + "x");
        assertThat(text(robot, "password-match")).isEqualTo("Passwords do not match");
        assertThat(fx(() -> ((Button) node(robot, "setup-submit")).isDisabled())).isTrue();
        type(robot, "password-repeat", PASSWORD);
        assertThat(fx(() -> ((Button) node(robot, "setup-submit")).isDisabled())).isFalse();
        robot.clickOn("#setup-submit");
        until(20, "wallet created", () -> screen.walletModel().phaseProperty().get() == Phase.READY);

        TronAddress address = fx(() -> screen.walletModel().addressProperty().get());
        try (Mnemonic m = WalletService.parseMnemonic(String.join(" ", words));
                PrivateKey k = m.deriveTronKey(new char[0], 0)) {
            assertThat(address).as("the wallet derives from the words shown").isEqualTo(k.address());
        }
        assertThat(Files.readString(walletDir.resolve("keystore.json"))).doesNotContain(words.get(0) + " ")
                .doesNotContain(PASSWORD);

        // receive: the address and a QR code that decodes back to it
        fxRun(() -> screen.selectTab("tab-receive"));
        assertThat(text(robot, "receive-address")).isEqualTo(address.toBase58());
        assertThat(decodeQr(FxTestSupport.snapshot(node(robot, "receive-qr")))).isEqualTo(address.toBase58());
        screenshot(screen.view(), "wallet-receive");

        // fund it on the devnet and read the balances
        devnet.faucet(address, Amount.parse("100", Asset.TRX));
        devnet.faucet(address, Amount.parse("2500", Asset.BTT));
        devnet.faucet(address, Amount.parse("40", Devnet.bttOld()));
        fxRun(() -> screen.selectTab("tab-balances"));
        robot.clickOn("#balances-refresh");
        until(20, "balances", () -> "100 TRX".equals(((Label) node(robot, "balance-trx")).getText()));
        assertThat(text(robot, "balance-btt")).isEqualTo("2500 BTT");
        assertThat(text(robot, "balance-bttold")).isEqualTo("40 BTTOLD");
        screenshot(screen.view(), "wallet-balances");

        // send: unlock first; a wrong password is refused and the form stays usable
        fxRun(() -> screen.selectTab("tab-send"));
        type(robot, "unlock-password", "not the password");
        robot.clickOn("#unlock");
        until(20, "wrong password message", () -> !screen.walletModel().unlockMessageProperty().get().isEmpty());
        assertThat(text(robot, "unlock-message")).isEqualTo("Wrong password. Try again.");
        assertThat(fx(() -> screen.walletModel().unlockedProperty().get())).isFalse();
        assertThat(fx(() -> node(robot, "unlock-password").isDisabled())).isFalse();
        type(robot, "unlock-password", PASSWORD);
        robot.clickOn("#unlock");
        until(20, "unlocked", () -> screen.walletModel().unlockedProperty().get());
        assertThat(fx(() -> ((TextField) node(robot, "unlock-password")).getText())).isEmpty();

        TronAddress friend;
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            friend = k.address();
        }
        String mistyped = friend.toBase58().substring(0, 33) + (friend.toBase58().endsWith("a") ? "b" : "a");
        type(robot, "send-to", mistyped);
        assertThat(text(robot, "send-to-error")).startsWith("Not a valid TRON address").contains("checksum");
        type(robot, "send-amount", "1.5");
        assertThat(fx(() -> ((Button) node(robot, "send-review")).isDisabled())).as("invalid address").isTrue();
        type(robot, "send-to", friend.toBase58());
        assertThat(text(robot, "send-to-error")).isEmpty();
        type(robot, "send-amount", "1.1234567");
        assertThat(text(robot, "send-amount-error")).contains("7 decimals");
        assertThat(fx(() -> ((Button) node(robot, "send-review")).isDisabled())).isTrue();
        type(robot, "send-amount", "1.5");
        robot.clickOn("#send-review");
        SendModel send = screen.send().model();
        until(20, "confirmation", () -> send.stepProperty().get() == SendModel.Step.CONFIRM);
        assertThat(text(robot, "confirm-to")).isEqualTo(friend.toBase58());
        assertThat(text(robot, "confirm-amount")).isEqualTo("1.5 TRX");
        Amount fee = Amount.parse(text(robot, "confirm-fee").replace(" TRX", ""), Asset.TRX);
        assertThat(fee).as("activating the new account costs 1.1 TRX").isEqualTo(Amount.parse("1.1", Asset.TRX));
        assertThat(text(robot, "confirm-total")).isEqualTo("2.6 TRX");
        screenshot(screen.view(), "wallet-send-confirm");
        robot.clickOn("#send-confirm");
        until(30, "solid", () -> send.stateProperty().get() == TxState.SOLID);
        assertThat(text(robot, "send-txid")).matches("[0-9a-f]{64}");
        assertThat(text(robot, "send-status-detail")).contains("fee paid 1.1 TRX");
        screenshot(screen.view(), "wallet-send-status");

        Amount expected = Amount.parse("100", Asset.TRX).subtract(Amount.parse("1.5", Asset.TRX)).subtract(fee);
        fxRun(() -> screen.selectTab("tab-balances"));
        until(20, "balance after send", () -> (expected + "").equals(((Label) node(robot, "balance-trx")).getText()));

        // history shows it with its chain status
        String txid = text(robot, "send-txid");
        fxRun(() -> screen.selectTab("tab-history"));
        until(20, "history row", () -> screen.history().rows().stream()
                .anyMatch(e -> e.txid().equals(txid) && e.state() == TxState.SOLID));
        HistoryEntry row = fx(() -> screen.history().rows().get(0));
        assertThat(row.to()).isEqualTo(friend);
        assertThat(row.fee()).isEqualTo(fee);
        screenshot(screen.view(), "wallet-history");

        robot.clickOn("#wallet-lock");
        assertThat(fx(() -> screen.walletModel().unlockedProperty().get())).isFalse();
        assertThat(fx(() -> screen.unlocked().isPresent())).isFalse();
    }

    @Test
    void importsAPrivateKeyAndRefusesABadPhrase(FxRobot robot) {
        show();
        until(20, "setup page", () -> screen.walletModel().phaseProperty().get() == Phase.SETUP);
        robot.clickOn("#setup-import");
        robot.clickOn("#import-mnemonic");
        robot.write("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon");
        type(robot, "password", PASSWORD);
        type(robot, "password-repeat", PASSWORD);
        robot.clickOn("#setup-submit");
        until(20, "refusal", () -> !screen.setup().model().messageProperty().get().isEmpty());
        assertThat(text(robot, "setup-message")).startsWith("Invalid input").contains("checksum")
                .doesNotContain("abandon");
        assertThat(fx(() -> screen.walletModel().phaseProperty().get())).isEqualTo(Phase.SETUP);

        robot.clickOn("#import-key-radio");
        robot.clickOn("#import-key");
        robot.write(Devnet.GENESIS_PRIVATE_KEY_HEX);
        robot.clickOn("#setup-submit");
        until(20, "imported", () -> screen.walletModel().phaseProperty().get() == Phase.READY);
        assertThat(fx(() -> screen.walletModel().addressProperty().get())).isEqualTo(Devnet.GENESIS_ADDRESS);
    }

    @Test
    void switchingTheNetworkReopensTheServiceAndLocks(FxRobot robot) throws Exception {
        try (WalletService s = WalletService.open(walletDir, options("devnet", cheapScrypt()));
                ) {
            s.importPrivateKey(randomKeyHex(), PASSWORD.toCharArray());
        }
        show();
        until(20, "ready", () -> screen.walletModel().phaseProperty().get() == Phase.READY);
        fxRun(() -> screen.selectTab("tab-send"));
        type(robot, "unlock-password", PASSWORD);
        robot.clickOn("#unlock");
        until(20, "unlocked", () -> screen.walletModel().unlockedProperty().get());
        TronAddress address = fx(() -> screen.walletModel().addressProperty().get());

        fxRun(() -> screen.switchNetwork("nile"));
        assertThat(fx(() -> screen.walletModel().unlockedProperty().get())).as("switching locks").isFalse();
        until(20, "nile ready", () -> screen.walletModel().phaseProperty().get() == Phase.READY);
        assertThat(fx(() -> screen.service().network().name())).isEqualTo("nile");
        assertThat(fx(() -> screen.walletModel().addressProperty().get())).isEqualTo(address);
        fxRun(() -> screen.switchNetwork("devnet"));
        until(20, "devnet ready", () -> screen.walletModel().phaseProperty().get() == Phase.READY
                && screen.service() != null && screen.service().network().name().equals("devnet"));
    }

    @Test
    void cancelledUnlockLeavesTheWalletLocked(FxRobot robot) throws Exception {
        // a keystore at the standard scrypt cost, so the unlock takes long enough to cancel
        try (WalletService s = WalletService.open(walletDir, options("devnet", Keystore.standard()));
                ) {
            s.importPrivateKey(randomKeyHex(), PASSWORD.toCharArray());
        }
        show();
        until(20, "ready", () -> screen.walletModel().phaseProperty().get() == Phase.READY);
        fxRun(() -> screen.selectTab("tab-send"));
        type(robot, "unlock-password", PASSWORD);
        fxRun(() -> {
            screen.unlock();
            assertThat(screen.walletModel().unlockingProperty().get()).isTrue();
            assertThat(node(robot, "unlock-cancel").isVisible()).isTrue();
            screen.cancelUnlock();
        });
        assertThat(text(robot, "unlock-message")).isEqualTo("Unlocking cancelled.");
        Thread.sleep(4000); // scrypt at N=2^18 finishes in about a second; its key must be wiped, not used
        assertThat(fx(() -> screen.walletModel().unlockedProperty().get())).isFalse();
        assertThat(fx(() -> screen.unlocked().isPresent())).isFalse();
        assertThat(fx(() -> node(robot, "unlock-password").isDisabled())).as("no lockout").isFalse();
    }

    static String randomKeyHex() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return org.swarmbid.wallet.crypto.Hex.encode(b);
    }

    static String decodeQr(WritableImage image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))))
                .getText();
    }
}
