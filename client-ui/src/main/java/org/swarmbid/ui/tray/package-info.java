/**
 * The system tray icon ({@code java.awt.SystemTray}, where the desktop has one): a tooltip with the seeding status
 * and a menu to open the window, pause every torrent, or quit. With a tray, closing the window keeps the client
 * seeding; without one, closing the window quits.
 *
 * <p>{@link org.swarmbid.ui.tray.TrayController} holds the logic (menu entries, tooltip text) without AWT, so it is
 * tested without a system tray; {@link org.swarmbid.ui.tray.SeedingTray} is the thin AWT adapter behind
 * {@link org.swarmbid.ui.tray.TrayHost}.
 *
 * <p>Threading: AWT objects are created and changed on the AWT event thread ({@code EventQueue.invokeLater}); menu
 * actions hop to the FX thread with {@code Platform.runLater}.
 */
package org.swarmbid.ui.tray;
