package org.swarmbid.ui;

/** The desktop client cannot start because there is no display (or JavaFX cannot use it). One-line message. */
public final class DisplayUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public DisplayUnavailableException(String message) {
        super(message);
    }
}
