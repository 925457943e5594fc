/**
 * The "create torrent" dialog: source file or folder, trackers (one per line, a blank line starts a new BEP 12
 * tier), web seeds, comment, private flag, piece size, output file, and whether to start seeding. Hashing runs on
 * the background executor with a progress bar and a Cancel button. Controller, Model and View.
 *
 * <p>Threading: the model and view are FX-thread only; {@code TorrentCreator} runs on a background thread, posts
 * progress at most every 100 ms through {@code Platform.runLater}, and polls a cancel flag.
 */
package org.swarmbid.ui.create;
