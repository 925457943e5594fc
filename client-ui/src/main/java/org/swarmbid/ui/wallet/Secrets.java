package org.swarmbid.ui.wallet;

import java.util.Arrays;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/**
 * Moves secrets (passwords, mnemonic phrases, private keys) out of text controls into {@code char[]} buffers the
 * caller wipes, and clears the controls. JavaFX keeps a control's text as a {@code String} while it is shown; this is
 * the shortest life the toolkit allows, not a guarantee that no copy remains in the heap.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The control's characters as a new array (the caller wipes it); does not clear the control. */
    public static char[] chars(TextInputControl control) {
        CharSequence cs = control instanceof TextField ? ((TextField) control).getCharacters() : control.getText();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        return out;
    }

    /** The control's characters, then clears it. */
    public static char[] take(TextInputControl control) {
        char[] out = chars(control);
        control.clear();
        return out;
    }

    /** Overwrites the buffers with zeros. */
    public static void wipe(char[]... buffers) {
        for (char[] b : buffers) {
            if (b != null) {
                Arrays.fill(b, '\0');
            }
        }
    }
}
