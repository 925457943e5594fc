package org.swarmbid.ui.wallet;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.service.WalletException;

/**
 * Shows a failure as a dialog with a localised title and a one-line message, never a stack trace. Wallet failures
 * carry secret-free one-line messages by contract ({@link WalletException}); anything else is shown by its kind
 * only, and logged without its message (it could come from code that does not promise to keep secrets out).
 *
 * <p>Threading: FX thread only.
 */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private ErrorDialog() {
    }

    /** The one line a user sees for {@code e}, in {@code texts}' language. */
    public static String message(Texts texts, Throwable e) {
        if (e instanceof WalletException) {
            WalletException w = (WalletException) e;
            return texts.get("error.reason." + w.reason().name()) + ": " + oneLine(w.getMessage());
        }
        return texts.get("error.unexpected", e.getClass().getSimpleName());
    }

    /** Shows {@code e} as a non-blocking error dialog owned by {@code anchor}'s window. */
    public static Alert show(Texts texts, Node anchor, String what, Throwable e) {
        if (e instanceof WalletException) {
            LOG.info("{} failed: {}", what, ((WalletException) e).reason());
        } else {
            LOG.warn("{} failed with {}", what, e.getClass().getName());
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message(texts, e), ButtonType.OK);
        alert.setTitle(texts.get("error.title"));
        alert.setHeaderText(what);
        alert.getDialogPane().setId("wallet-error");
        if (anchor != null && anchor.getScene() != null && anchor.getScene().getWindow() != null) {
            alert.initOwner(anchor.getScene().getWindow());
        }
        alert.show();
        return alert;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
