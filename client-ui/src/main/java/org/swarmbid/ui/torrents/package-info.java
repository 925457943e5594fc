/**
 * The torrent list: one row per torrent with name, size, progress, status, rates, peers, ETA and what the torrent
 * earned and spent through bidding; the toolbar (add file, add magnet, create, start, pause, recheck, remove) and
 * drag and drop of {@code .torrent} files. {@link org.swarmbid.ui.torrents.TorrentLibrary} remembers which torrents
 * the user added (the engine keeps resume data, not the list) so they come back after a restart.
 *
 * <p>Threading: the engine's {@code SessionListener} runs on the engine's status thread and only posts the event
 * batch to the FX thread ({@code Platform.runLater}); the model is touched on the FX thread only. Parsing torrent
 * files, library I/O and earnings look-ups run on the background executor.
 */
package org.swarmbid.ui.torrents;
