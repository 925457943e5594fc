/**
 * The engine: {@link org.swarmbid.core.session.Engine} implements the public
 * {@link org.swarmbid.core.api.Session}; {@link org.swarmbid.core.session.TorrentRuntime} drives one torrent (picker,
 * choker, storage, trackers, plugins); {@link org.swarmbid.core.peer.PeerConnection} drives one connection.
 *
 * <p>Threading: one Netty event loop (the "engine loop") owns every torrent's and every connection's state, as
 * libtorrent's network thread does; nothing here is locked. Piece hashing runs on the storage hasher's pool, disk
 * writes on a single disk thread, tracker I/O on its own scheduler; their results are handed back to the loop with
 * {@code loop.execute}. Status snapshots are published to listeners on a separate status thread about once a second.
 */
package org.swarmbid.core.session;
