/**
 * Launching the desktop client: {@link org.swarmbid.app.gui.GuiLauncher} builds the engine session from the saved
 * settings, starts the JavaFX shell from {@code client-ui} and closes the session when the user quits;
 * {@link org.swarmbid.app.gui.SingleInstance} makes a second launch hand its {@code .torrent} files to the running
 * client (lock file plus a loopback socket in the state folder) and exit 0.
 *
 * <p>Threading: the launcher runs on the {@code main} thread and blocks until the user quits; the single-instance
 * server accepts on its own daemon thread and hands requests to the UI, which moves them to the FX thread. No JavaFX
 * types are used here (only {@code client-ui} imports JavaFX).
 */
package org.swarmbid.app.gui;
