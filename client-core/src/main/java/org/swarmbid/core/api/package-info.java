/**
 * The engine's public API: {@link org.swarmbid.core.api.Session} to add, pause, resume and remove torrents,
 * {@link org.swarmbid.core.api.TorrentHandle} per torrent, configuration records and the sealed
 * {@link org.swarmbid.core.api.SessionEvent} records that a UI or a remote control consumes as diffs.
 *
 * <p>Owns: the contract between the engine and its users; no Netty type appears here. Threading: every method is
 * thread-safe and non-blocking (work is handed to the engine's event loop); status records are immutable snapshots;
 * event listeners are called on the engine's status thread about once a second and must not block.
 */
package org.swarmbid.core.api;
