package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.ext.btt.BttCodec;
import org.swarmbid.ext.btt.BttHandshake;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ErrorCode;

/** One connection's plugin fed hostile input directly (no sockets): nothing escapes, errors are answered. */
class HostileMessagesTest {
    private Ledger ledger;
    private BttPlugin plugin;
    private final List<BttMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>(); // written by the worker and the test
    private final Map<String, String> attributes = new HashMap<>();

    @BeforeEach
    void start(@TempDir Path tmp) {
        ledger = Ledger.open(tmp.resolve("ledger.db"));
        BttSettings settings = BttSettings.of(Node.CHAIN, Node.ASSET, 18, Keys.account(Keys.SELLER),
                new BiddingConfig(Node.seller(1), BuyerConfig.defaults()));
        plugin = new BttPlugin(settings, Keys.signer(Keys.SELLER), Keys.VERIFIER, new ChainDouble(), ledger);
    }

    @AfterEach
    void stop() {
        plugin.close();
        ledger.close();
    }

    private PeerPlugin connect() {
        TorrentContext t = (TorrentContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TorrentContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "infoHash" -> "d984f67af9917b214cd8b6048ab5624c7df6a07a";
                    case "infoHashBytes" -> new byte[20];
                    case "name" -> "hostile";
                    case "execute" -> {
                        ((Runnable) args[0]).run();
                        yield null;
                    }
                    case "bytesLeft", "totalLength" -> 0L;
                    case "isComplete" -> true;
                    default -> null;
                });
        PeerContext peer = new PeerContext() {
            @Override
            public InetSocketAddress remoteAddress() {
                return new InetSocketAddress("127.0.0.1", 6881);
            }

            @Override
            public byte[] peerId() {
                return new byte[20];
            }

            @Override
            public String client() {
                return "hostile";
            }

            @Override
            public boolean isIncoming() {
                return true;
            }

            @Override
            public boolean supportsExtension(String name) {
                return true;
            }

            @Override
            public void sendExtension(String name, ByteBuf payload) {
                byte[] b = new byte[payload.readableBytes()];
                payload.readBytes(b);
                payload.release();
                sent.add(BttCodec.decode(b).orElseThrow());
            }

            @Override
            public ByteBufAllocator alloc() {
                return ByteBufAllocator.DEFAULT;
            }

            @Override
            public long bytesReceived() {
                return 0;
            }

            @Override
            public long bytesSent() {
                return 0;
            }

            @Override
            public boolean amChoking() {
                return true;
            }

            @Override
            public boolean peerInterested() {
                return false;
            }

            @Override
            public void setAttribute(String key, String value) {
                attributes.put(key, value);
            }

            @Override
            public void disconnect(String reason) {
            }

            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public void retryDeferredRequests() {
            }

            @Override
            public Object chokeKey() {
                return this;
            }
        };
        return plugin.forTorrent(t).orElseThrow().forPeer(peer).orElseThrow();
    }

    private static BDict handshake(long chain) {
        BttHandshake h = new BttHandshake(1, Keys.account(Keys.BUYER), chain,
                List.of(new BttHandshake.AssetInfo(Node.ASSET, 18)), false, true);
        return BDict.builder().put(BttHandshake.KEY, BttCodec.encodeHandshake(h)).build();
    }

    private List<Integer> errors() {
        return sent.stream().filter(m -> m instanceof BttMessage.ErrorMessage)
                .map(m -> ((BttMessage.ErrorMessage) m).code()).toList();
    }

    @Test
    void malformedMessageIsAnsweredWithError1AndEndsTheSession() {
        PeerPlugin p = connect();
        p.onExtensionHandshake(handshake(Node.CHAIN), Set.of(BttPlugin.EXTENSION));
        assertThat(attributes).containsKey("btt");
        assertThat(sent).anyMatch(m -> m instanceof BttMessage.Offer);
        p.onExtensionMessage(BttPlugin.EXTENSION, Unpooled.copiedBuffer("d1:ti2e5:pricei-1ee", StandardCharsets.US_ASCII));
        assertThat(errors()).containsExactly(ErrorCode.MALFORMED.code());
        assertThat(attributes).containsEntry("btt", "stopped");
        // nothing more is answered on this connection
        int before = sent.size();
        p.onExtensionMessage(BttPlugin.EXTENSION, Unpooled.copiedBuffer("garbage", StandardCharsets.US_ASCII));
        assertThat(sent).hasSize(before);
    }

    @Test
    void oversizeAndFloodsAreBounded() {
        PeerPlugin p = connect();
        p.onExtensionHandshake(handshake(Node.CHAIN), Set.of(BttPlugin.EXTENSION));
        byte[] unknownType = "d1:ti99ee".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 30; i++) {
            p.onExtensionMessage(BttPlugin.EXTENSION, Unpooled.wrappedBuffer(unknownType));
        }
        assertThat(errors()).containsExactly(ErrorCode.RATE_LIMITED.code()); // once per window, not per message
        PeerPlugin q = connect();
        q.onExtensionHandshake(handshake(Node.CHAIN), Set.of(BttPlugin.EXTENSION));
        q.onExtensionMessage(BttPlugin.EXTENSION, Unpooled.wrappedBuffer(new byte[2000]));
        assertThat(errors()).endsWith(ErrorCode.MALFORMED.code());
    }

    @Test
    void anotherChainIsRefusedWithError3AndThePeerStaysPlain() {
        PeerPlugin p = connect();
        p.onExtensionHandshake(handshake(Node.CHAIN + 1), Set.of(BttPlugin.EXTENSION));
        assertThat(errors()).containsExactly(ErrorCode.WRONG_CHAIN.code());
        assertThat(sent).noneMatch(m -> m instanceof BttMessage.Offer);
        assertThat(p.onBlockRequest(0, 0, 16384)).isEqualTo(org.swarmbid.core.spi.RequestVerdict.SERVE);
    }
}
