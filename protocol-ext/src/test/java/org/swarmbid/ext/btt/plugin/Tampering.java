package org.swarmbid.ext.btt.plugin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.choke.ChokePolicy;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.RequestVerdict;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.core.spi.TorrentPlugin;
import org.swarmbid.ext.btt.BttCodec;
import org.swarmbid.ext.btt.BttMessage;

/**
 * Test wrapper around a real {@link BttPlugin}: a man in the middle of its connections that rewrites (or drops) the
 * extension messages it sends, to play a cheating buyer with real engines, and records every extension message it
 * receives. Everything else is passed through unchanged.
 */
final class Tampering implements EnginePlugin {
    private final EnginePlugin inner;
    private final Function<BttMessage, Optional<BttMessage>> outgoing;
    final List<BttMessage> received = new CopyOnWriteArrayList<>();
    final List<BttMessage> sent = new CopyOnWriteArrayList<>();

    Tampering(EnginePlugin inner, Function<BttMessage, Optional<BttMessage>> outgoing) {
        this.inner = inner;
        this.outgoing = outgoing;
    }

    /** Error codes received so far. */
    List<Integer> errorCodes() {
        return received.stream().filter(m -> m instanceof BttMessage.ErrorMessage)
                .map(m -> ((BttMessage.ErrorMessage) m).code()).toList();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public Optional<TorrentPlugin> forTorrent(TorrentContext torrent) {
        return inner.forTorrent(torrent).map(TorrentWrapper::new);
    }

    private final class TorrentWrapper implements TorrentPlugin {
        private final TorrentPlugin t;

        TorrentWrapper(TorrentPlugin t) {
            this.t = t;
        }

        @Override
        public Optional<PeerPlugin> forPeer(PeerContext peer) {
            return t.forPeer(new Context(peer)).map(PeerWrapper::new);
        }

        @Override
        public void onPiecePassed(int piece, Map<PeerContext, Long> bytesByPeer) {
            t.onPiecePassed(piece, bytesByPeer);
        }

        @Override
        public void onPieceFailed(int piece, Map<PeerContext, Long> bytesByPeer) {
            t.onPieceFailed(piece, bytesByPeer);
        }

        @Override
        public Optional<ChokePolicy> chokePolicy(ChokePolicy base) {
            return t.chokePolicy(base);
        }

        @Override
        public void tick(long nowMillis) {
            t.tick(nowMillis);
        }

        @Override
        public void onFinished() {
            t.onFinished();
        }

        @Override
        public void close() {
            t.close();
        }
    }

    private final class PeerWrapper implements PeerPlugin {
        private final PeerPlugin p;

        PeerWrapper(PeerPlugin p) {
            this.p = p;
        }

        @Override
        public Set<String> extensionNames() {
            return p.extensionNames();
        }

        @Override
        public void contributeHandshake(BDict.Builder handshake) {
            p.contributeHandshake(handshake);
        }

        @Override
        public void onExtensionHandshake(BDict handshake, Set<String> supported) {
            p.onExtensionHandshake(handshake, supported);
        }

        @Override
        public void onExtensionMessage(String name, ByteBuf payload) {
            byte[] bytes = new byte[payload.readableBytes()];
            payload.getBytes(payload.readerIndex(), bytes);
            try {
                BttCodec.decode(bytes).ifPresent(received::add);
            } catch (RuntimeException ignored) {
                // the plugin itself answers malformed input
            }
            p.onExtensionMessage(name, payload);
        }

        @Override
        public RequestVerdict onBlockRequest(int piece, int begin, int length) {
            return p.onBlockRequest(piece, begin, length);
        }

        @Override
        public void onBlockSent(int piece, int begin, int length) {
            p.onBlockSent(piece, begin, length);
        }

        @Override
        public void onBlockReceived(int piece, int begin, int length) {
            p.onBlockReceived(piece, begin, length);
        }

        @Override
        public void onPeerHave(int piece) {
            p.onPeerHave(piece);
        }

        @Override
        public void onPeerChoke(boolean choked) {
            p.onPeerChoke(choked);
        }

        @Override
        public boolean holdsConnection() {
            return p.holdsConnection();
        }

        @Override
        public void onDisconnect() {
            p.onDisconnect();
        }
    }

    private final class Context implements PeerContext {
        private final PeerContext c;

        Context(PeerContext c) {
            this.c = c;
        }

        @Override
        public void sendExtension(String name, ByteBuf payload) {
            byte[] bytes = new byte[payload.readableBytes()];
            payload.getBytes(payload.readerIndex(), bytes);
            payload.release();
            Optional<BttMessage> m = BttCodec.decode(bytes);
            Optional<BttMessage> out = m.isPresent() ? outgoing.apply(m.get()) : Optional.empty();
            out.ifPresent(msg -> {
                sent.add(msg);
                c.sendExtension(name, Unpooled.wrappedBuffer(BttCodec.encode(msg)));
            });
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return c.remoteAddress();
        }

        @Override
        public byte[] peerId() {
            return c.peerId();
        }

        @Override
        public String client() {
            return c.client();
        }

        @Override
        public boolean isIncoming() {
            return c.isIncoming();
        }

        @Override
        public boolean supportsExtension(String name) {
            return c.supportsExtension(name);
        }

        @Override
        public ByteBufAllocator alloc() {
            return c.alloc();
        }

        @Override
        public long bytesReceived() {
            return c.bytesReceived();
        }

        @Override
        public long bytesSent() {
            return c.bytesSent();
        }

        @Override
        public boolean amChoking() {
            return c.amChoking();
        }

        @Override
        public boolean peerInterested() {
            return c.peerInterested();
        }

        @Override
        public void setAttribute(String key, String value) {
            c.setAttribute(key, value);
        }

        @Override
        public void disconnect(String reason) {
            c.disconnect(reason);
        }

        @Override
        public void execute(Runnable task) {
            c.execute(task);
        }

        @Override
        public void retryDeferredRequests() {
            c.retryDeferredRequests();
        }

        @Override
        public Object chokeKey() {
            return c.chokeKey();
        }
    }
}
