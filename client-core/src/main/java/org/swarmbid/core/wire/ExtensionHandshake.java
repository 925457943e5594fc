package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The BEP 10 extension handshake: the payload of an {@link PeerMessage.Extended} message with extended id 0, a
 * bencoded dictionary. Sent once after the BitTorrent handshake when both sides set the BEP 10 reserved bit, and
 * possibly again later to update (e.g. to disable an extension by mapping it to id 0).
 * <pre>
 *  +-----------+-------+----------+--------------------------------------------------------------+
 *  | len=2+n   | id=20 | ext id=0 | d 1:m d 11:ut_metadata i3e 6:ut_pex i1e e 1:p i6881e           |
 *  |           |       |          |   4:reqq i500e 1:v 14:Swarmbid 0.1.0 6:yourip 4:&lt;ip&gt;         |
 *  |           |       |          |   13:metadata_size i31235e  ...plugin keys... e               |
 *  +-----------+-------+----------+--------------------------------------------------------------+
 * </pre>
 * Keys read here: {@code m} (extension name to the id the sender wants to receive it under, 1..255; 0 means
 * disabled), {@code v} (client name and version), {@code p} (TCP listen port), {@code reqq} (request queue
 * length), {@code yourip} (the receiver's address as the sender sees it, 4 or 16 bytes) and BEP 9's
 * {@code metadata_size}. Every other top-level key is kept in {@link #extra()} for plugins, which add their own keys
 * through {@link Builder#put}. {@link #dict()} gives the whole dictionary.
 *
 * <p>Decoding uses {@link BencodeLimits#PEER_MESSAGE}. A standard key of the wrong type or out of range fails with
 * {@link MalformedMessageException}, as does a non-dictionary payload.
 *
 * @param messages           extension name to id, sorted by name; ids 0..255
 * @param client             {@code v}
 * @param listenPort         {@code p}, 1..65535 ({@code p=0} is read as absent)
 * @param requestQueueLength {@code reqq}, positive
 * @param yourIp             {@code yourip}
 * @param metadataSize       {@code metadata_size} (BEP 9), non-negative
 * @param extra              every other top-level key
 */
public record ExtensionHandshake(Map<String, Integer> messages, Optional<String> client, OptionalInt listenPort,
                                 OptionalInt requestQueueLength, Optional<InetAddress> yourIp,
                                 OptionalLong metadataSize, BDict extra) {

    /** The extended message id of the handshake itself. */
    public static final int HANDSHAKE_ID = 0;

    /** Top-level keys this record reads itself; plugins may not {@link Builder#put} them. */
    public static final Set<String> STANDARD_KEYS = Set.of("m", "v", "p", "reqq", "yourip", "metadata_size");

    public ExtensionHandshake {
        TreeMap<String, Integer> sorted = new TreeMap<>();
        messages.forEach((name, id) -> {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty extension name");
            }
            if (id == null || id < 0 || id > 255) {
                throw new IllegalArgumentException("extension '" + name + "' has id " + id + ", outside 0..255");
            }
            sorted.put(name, id);
        });
        messages = Collections.unmodifiableMap(sorted);
        listenPort.ifPresent(p -> {
            if (p < 1 || p > 0xffff) {
                throw new IllegalArgumentException("listen port " + p + " outside 1..65535");
            }
        });
        requestQueueLength.ifPresent(q -> {
            if (q < 1) {
                throw new IllegalArgumentException("request queue length " + q + " is not positive");
            }
        });
        metadataSize.ifPresent(s -> {
            if (s < 0) {
                throw new IllegalArgumentException("metadata size " + s + " is negative");
            }
        });
        for (String key : STANDARD_KEYS) {
            if (extra.containsKey(key)) {
                throw new IllegalArgumentException("extra keys may not contain the standard key '" + key + "'");
            }
        }
        if (client == null || yourIp == null) {
            throw new NullPointerException("client and yourIp must be Optional, not null");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The id the sender wants {@code name} messages sent under; empty if it does not support it or disabled it. */
    public OptionalInt idOf(String name) {
        Integer id = messages.get(name);
        return id == null || id == 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The whole dictionary: standard keys and {@link #extra()}. */
    public BDict dict() {
        BDict.Builder b = BDict.builder().putAll(extra);
        BDict.Builder m = BDict.builder();
        messages.forEach(m::put);
        b.put("m", m.build());
        client.ifPresent(v -> b.put("v", v));
        listenPort.ifPresent(p -> b.put("p", p));
        requestQueueLength.ifPresent(q -> b.put("reqq", q));
        yourIp.ifPresent(ip -> b.put("yourip", ip.getAddress()));
        metadataSize.ifPresent(s -> b.put("metadata_size", s));
        return b.build();
    }

    /** The bencoded dictionary. */
    public byte[] encode() {
        return dict().encode();
    }

    /** An {@link PeerMessage.Extended} message with id 0 carrying this handshake; the caller owns it. */
    public PeerMessage.Extended toMessage() {
        return new PeerMessage.Extended(HANDSHAKE_ID, Unpooled.wrappedBuffer(encode()));
    }

    /** Decodes the payload of an extended message with id 0 (the buffer's readable bytes; not consumed). */
    public static ExtensionHandshake decode(ByteBuf payload) {
        if (payload.readableBytes() > BencodeLimits.PEER_MESSAGE.maxInput()) {
            throw new MalformedMessageException("extension handshake of " + payload.readableBytes()
                    + " bytes exceeds the limit of " + BencodeLimits.PEER_MESSAGE.maxInput());
        }
        return decode(ByteBufUtil.getBytes(payload));
    }

    /** Decodes a bencoded extension handshake. */
    public static ExtensionHandshake decode(byte[] payload) {
        BValue value;
        try {
            value = BencodeReader.decode(payload, BencodeLimits.PEER_MESSAGE);
        } catch (BencodeException e) {
            throw new MalformedMessageException("extension handshake: " + e.getMessage(), e);
        }
        if (!(value instanceof BDict dict)) {
            throw new MalformedMessageException("extension handshake is not a dictionary");
        }
        try {
            return fromDict(dict);
        } catch (BencodeException | IllegalArgumentException e) {
            throw new MalformedMessageException("extension handshake: " + e.getMessage(), e);
        }
    }

    private static ExtensionHandshake fromDict(BDict dict) {
        Builder b = new Builder();
        dict.dict("m").ifPresent(m -> m.entries().forEach((latin1Name, id) -> {
            String name = new String(latin1Name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (!(id instanceof org.swarmbid.core.bencode.BInteger i)) {
                throw new IllegalArgumentException("m['" + name + "'] is not an integer");
            }
            if (i.value() < 0 || i.value() > 255) {
                throw new IllegalArgumentException("extension '" + name + "' has id " + i.value()
                        + ", outside 0..255");
            }
            b.messages.put(name, (int) i.value());
        }));
        dict.string("v").ifPresent(v -> b.client = v.utf8());
        dict.integer("p").ifPresent(p -> {
            if (p < 0 || p > 0xffff) {
                throw new IllegalArgumentException("p " + p + " outside 0..65535");
            }
            if (p != 0) {
                b.listenPort(p.intValue());
            }
        });
        dict.integer("reqq").ifPresent(q -> {
            if (q < 1 || q > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("reqq " + q + " outside 1..2^31-1");
            }
            b.requestQueueLength(q.intValue());
        });
        dict.string("yourip").ifPresent(ip -> b.yourIp(address(ip)));
        dict.integer("metadata_size").ifPresent(s -> {
            if (s < 0) {
                throw new IllegalArgumentException("metadata_size " + s + " is negative");
            }
            b.metadataSize(s);
        });
        BDict.Builder extra = BDict.builder();
        dict.entries().forEach((latin1Key, v) -> {
            if (!STANDARD_KEYS.contains(latin1Key)) {
                extra.put(BString.of(latin1Key.getBytes(StandardCharsets.ISO_8859_1)), v);
            }
        });
        b.extra = extra;
        return b.build();
    }

    private static InetAddress address(BString ip) {
        if (ip.length() != 4 && ip.length() != 16) {
            throw new IllegalArgumentException("yourip of " + ip.length() + " bytes, expected 4 or 16");
        }
        try {
            return InetAddress.getByAddress(ip.bytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("yourip: " + e.getMessage());
        }
    }

    /**
     * Assembles our handshake. The peer layer sets the standard keys; each plugin registers its extension names
     * with {@link #message} and may {@link #put} keys of its own. Clashes (an id or a key taken twice) fail fast.
     */
    public static final class Builder {
        private final TreeMap<String, Integer> messages = new TreeMap<>();
        private String client;
        private Integer listenPort;
        private Integer requestQueueLength;
        private InetAddress yourIp;
        private Long metadataSize;
        private BDict.Builder extra = BDict.builder();
        private final java.util.HashSet<String> extraKeys = new java.util.HashSet<>();

        private Builder() {
        }

        /** Announces extension {@code name}, to be received under {@code id} (1..255). */
        public Builder message(String name, int id) {
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("extension '" + name + "' id " + id + " outside 1..255");
            }
            if (messages.containsKey(name)) {
                throw new IllegalArgumentException("extension '" + name + "' registered twice");
            }
            if (messages.containsValue(id)) {
                throw new IllegalArgumentException("extension id " + id + " already taken");
            }
            messages.put(name, id);
            return this;
        }

        /** Announces that extension {@code name} is disabled (id 0), e.g. in an updated handshake. */
        public Builder disable(String name) {
            if (messages.containsKey(name)) {
                throw new IllegalArgumentException("extension '" + name + "' registered twice");
            }
            messages.put(name, 0);
            return this;
        }

        public Builder client(String v) {
            this.client = v;
            return this;
        }

        public Builder listenPort(int port) {
            this.listenPort = port;
            return this;
        }

        public Builder requestQueueLength(int reqq) {
            this.requestQueueLength = reqq;
            return this;
        }

        public Builder yourIp(InetAddress address) {
            this.yourIp = address;
            return this;
        }

        public Builder metadataSize(long size) {
            this.metadataSize = size;
            return this;
        }

        /** A plugin's own top-level key. Standard keys and keys already put are refused. */
        public Builder put(String key, BValue value) {
            if (STANDARD_KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is a standard key; use its setter");
            }
            if (!extraKeys.add(key)) {
                throw new IllegalArgumentException("key '" + key + "' already set");
            }
            extra.put(key, value);
            return this;
        }

        public ExtensionHandshake build() {
            return new ExtensionHandshake(messages, Optional.ofNullable(client),
                    listenPort == null ? OptionalInt.empty() : OptionalInt.of(listenPort),
                    requestQueueLength == null ? OptionalInt.empty() : OptionalInt.of(requestQueueLength),
                    Optional.ofNullable(yourIp),
                    metadataSize == null ? OptionalLong.empty() : OptionalLong.of(metadataSize),
                    extra.build());
        }
    }
}
