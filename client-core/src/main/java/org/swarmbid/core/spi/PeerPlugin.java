package org.swarmbid.core.spi;

import io.netty.buffer.ByteBuf;
import java.util.Set;
import org.swarmbid.core.bencode.BDict;

/** A plugin's part in one connection. All methods run on the connection's event loop. */
public interface PeerPlugin {

    /** BEP 10 message names this plugin sends and receives, e.g. {@code "btt_bid"}; may be empty. */
    Set<String> extensionNames();

    /** Adds this plugin's own keys to our extension handshake (not {@code m}, which the engine fills). */
    default void contributeHandshake(BDict.Builder handshake) {
    }

    /**
     * The peer's extension handshake arrived.
     *
     * @param handshake the whole dictionary the peer sent
     * @param supported which of our {@link #extensionNames()} the peer also announced in {@code m}
     */
    default void onExtensionHandshake(BDict handshake, Set<String> supported) {
    }

    /** An extension message for one of our names. The engine releases {@code payload} after the call. */
    default void onExtensionMessage(String name, ByteBuf payload) {
    }

    /** May the engine serve this request now? Called for requests from unchoked peers and for allowed-fast ones. */
    default RequestVerdict onBlockRequest(int piece, int begin, int length) {
        return RequestVerdict.SERVE;
    }

    /** A block was written to the peer's socket. */
    default void onBlockSent(int piece, int begin, int length) {
    }

    /** A block arrived from the peer (not yet verified: that happens per piece). */
    default void onBlockReceived(int piece, int begin, int length) {
    }

    /**
     * The peer announced a piece with a BEP 3 {@code have}: it has verified that piece since the connection began
     * (pieces in its initial bitfield are not reported). A seller uses this to learn which of the blocks it sent
     * have passed the peer's hash check.
     */
    default void onPeerHave(int piece) {
    }

    /** The peer unchoked or choked us. */
    default void onPeerChoke(boolean choked) {
    }

    /**
     * Asked when the engine would close a connection it no longer needs (both sides are seeds), and again about
     * once a second while the answer is true: true keeps the connection open a little longer, e.g. while a payment
     * for the last pieces is still in flight. A plugin must not hold a connection indefinitely.
     */
    default boolean holdsConnection() {
        return false;
    }

    /** The connection closed. */
    default void onDisconnect() {
    }
}
