package org.swarmbid.ui.wallet.receive;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.swarmbid.ui.wallet.QrCodes;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.wallet.key.TronAddress;

/**
 * The receive tab: the wallet's address as selectable text, a button that copies it (only when pressed), and the
 * same address as a QR code (the plain Base58 form, which TRON wallets scan). Follows the address property it is
 * given (it changes when a wallet is created).
 *
 * <p>Threading: FX thread only.
 */
public final class ReceiveController {

    /** Side of the QR code image in pixels. */
    public static final int QR_SIZE = 240;

    private final ObjectProperty<Image> qr = new SimpleObjectProperty<>();
    private final VBox root;

    private final Texts texts;

    /** Labels in {@code texts}' language, following switches. */
    public ReceiveController(Texts texts, ReadOnlyObjectProperty<TronAddress> address) {
        this.texts = texts;
        TextField text = new TextField();
        text.setId("receive-address");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = new Button();
        copy.textProperty().bind(texts.text("receive.copy"));
        copy.setId("receive-copy");
        Label copied = new Label();
        copied.setId("receive-copied");
        copy.setOnAction(e -> {
            TronAddress a = address.get();
            if (a != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(a.toBase58());
                Clipboard.getSystemClipboard().setContent(content);
                texts.show(copied.textProperty(), () -> texts.get("receive.copied"));
            }
        });
        copy.disableProperty().bind(address.isNull());
        ImageView image = new ImageView();
        image.setId("receive-qr");
        image.setSmooth(false);
        image.setPreserveRatio(true);
        image.imageProperty().bind(qr);
        address.addListener((o, a, b) -> show(b, text, copied));
        show(address.get(), text, copied);
        Label title = new Label();
        title.textProperty().bind(texts.text("receive.title"));
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label hint = new Label();
        hint.textProperty().bind(texts.text("receive.hint"));
        hint.setWrapText(true);
        root = new VBox(12, title, hint, new HBox(8, text, copy), copied, image);
        root.setPadding(new Insets(16));
        root.setId("wallet-receive");
    }

    private void show(TronAddress a, TextField text, Label copied) {
        copied.setText("");
        text.setText(a == null ? "" : a.toBase58());
        qr.set(a == null ? null : QrCodes.of(a.toBase58(), QR_SIZE));
    }

    public Node view() {
        return root;
    }
}
