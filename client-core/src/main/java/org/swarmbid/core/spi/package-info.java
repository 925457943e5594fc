/**
 * The plugin SPI: how extensions (the BTT bid extension, ut_metadata, ...) take part in the engine without the
 * engine knowing them. Three levels, as in libtorrent: {@link org.swarmbid.core.spi.EnginePlugin} per session, an
 * optional {@link org.swarmbid.core.spi.TorrentPlugin} per torrent, an optional
 * {@link org.swarmbid.core.spi.PeerPlugin} per connection. An empty answer means "not interested here".
 *
 * <p>BEP 10 plumbing is the engine's: a plugin names its extension messages
 * ({@link org.swarmbid.core.spi.PeerPlugin#extensionNames()}); the engine assigns local ids, advertises them in the
 * {@code m} dictionary of our extension handshake, maps the peer's ids, and delivers messages by name. A plugin may
 * add its own keys to our handshake and reads the peer's whole handshake dictionary.
 *
 * <p><b>Threading contract.</b> Every callback runs on the engine's event loop for that torrent and must not
 * block: no disk, database, wallet or network calls inline. Slow work goes to the plugin's own executor and its
 * result is handed back with {@link org.swarmbid.core.spi.PeerContext#execute(Runnable)} or
 * {@link org.swarmbid.core.spi.TorrentContext#execute(Runnable)}, which run the task on the loop. Contexts may be
 * used from any thread only through {@code execute}. Payload buffers passed to a callback are released by the engine
 * after the call returns; copy what you keep.
 *
 * <p>Owns: the interfaces and their small value types. Imports Netty's {@code ByteBuf} only, as the architecture
 * notes allow.
 */
package org.swarmbid.core.spi;
