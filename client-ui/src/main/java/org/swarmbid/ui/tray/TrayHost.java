package org.swarmbid.ui.tray;

import java.util.Optional;

/**
 * Puts a {@link TrayController} on the desktop's tray: {@link SeedingTray#HOST} with {@code java.awt.SystemTray},
 * {@link #NONE} where there is no tray (closing the window then quits).
 */
@FunctionalInterface
public interface TrayHost {
    /** No tray. */
    TrayHost NONE = controller -> Optional.empty();

    /**
     * Shows the icon with the controller's menu, or returns empty if this desktop has no tray. Called on a thread
     * other than the FX thread (it may block briefly for the toolkit).
     */
    Optional<TrayIcon> install(TrayController controller);

    /** An installed icon. Both methods may be called from any thread. */
    interface TrayIcon extends AutoCloseable {
        void tooltip(String text);

        /** Removes the icon. */
        @Override
        void close();
    }
}
