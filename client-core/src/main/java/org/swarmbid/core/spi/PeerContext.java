package org.swarmbid.core.spi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/** What a plugin may see and do on one connection. Use from the loop only, or through {@link #execute}. */
public interface PeerContext {

    InetSocketAddress remoteAddress();

    /** The peer's 20-byte id from its handshake. */
    byte[] peerId();

    /** Client name from the peer id or the extension handshake's {@code v}. */
    String client();

    boolean isIncoming();

    /** True if the peer announced {@code name} in its extension handshake. */
    boolean supportsExtension(String name);

    /**
     * Sends an extension message. Takes ownership of {@code payload}. Does nothing (and releases it) if the peer did
     * not announce {@code name}.
     */
    void sendExtension(String name, ByteBuf payload);

    ByteBufAllocator alloc();

    /** Payload bytes the peer sent us / we sent the peer over this connection. */
    long bytesReceived();

    long bytesSent();

    /** True while we choke the peer. */
    boolean amChoking();

    boolean peerInterested();

    /** Publishes a fact for status views ({@link org.swarmbid.core.api.PeerStatus#attributes()}); null removes. */
    void setAttribute(String key, String value);

    /** Closes the connection with a reason for the log. */
    void disconnect(String reason);

    /** Runs a task on this connection's event loop (from any thread). */
    void execute(Runnable task);

    /**
     * Offers the peer's deferred block requests ({@link RequestVerdict#DEFER}) to
     * {@link PeerPlugin#onBlockRequest} again now instead of at the engine's next retry (within 100 ms), e.g. once
     * a payment arrived. Loop only.
     */
    void retryDeferredRequests();

    /** A stable key for the choke policy's snapshots of this peer. */
    Object chokeKey();
}
