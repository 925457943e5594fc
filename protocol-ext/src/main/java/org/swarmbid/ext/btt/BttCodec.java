package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BInteger;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeException;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;
import org.swarmbid.core.bencode.BencodeWriter;

/**
 * Bencode codec for {@link BttMessage}s and the {@link BttHandshake} entry (docs/btt-extension.md). Decoding is
 * bounded: at most {@value #MAX_MESSAGE} bytes, nesting depth {@value #MAX_DEPTH}, {@value #MAX_TOKENS} values and
 * byte strings of at most {@value #MAX_STRING} bytes; every field is range-checked. Unknown keys are ignored and a
 * message whose {@code t} is unknown decodes to empty. Anything else wrong throws {@link BttProtocolException}
 * carrying the code to answer with. Encoding writes canonical bencode (sorted keys).
 */
public final class BttCodec {
    /** Largest message payload, in bytes (the bencoded dictionary after the BEP 10 id byte). */
    public static final int MAX_MESSAGE = 1024;
    public static final int MAX_DEPTH = 4;
    public static final int MAX_TOKENS = 128;
    public static final int MAX_STRING = 256;
    static final BencodeLimits LIMITS = new BencodeLimits(MAX_MESSAGE, MAX_DEPTH, MAX_TOKENS, MAX_STRING, false);

    private BttCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encode(BttMessage message) {
        BDict.Builder b = BDict.builder().put("t", message.type());
        if (message instanceof BttMessage.Offer o) {
            b.put("asset", o.asset().wire()).put("price", amount(o.reservePerMiB())).put("slots", o.paidSlots())
                    .put("credit", amount(o.creditWindow())).put("thresh", amount(o.settlementThreshold()))
                    .put("round", o.roundSeconds());
        } else if (message instanceof BttMessage.Bid bid) {
            b.put("asset", bid.asset().wire()).put("price", amount(bid.pricePerMiB())).put("nonce", bid.nonce())
                    .put("exp", bid.expiry()).put("sig", bid.signature().bytes());
        } else if (message instanceof BttMessage.BidResponse r) {
            b.put("nonce", r.nonce()).put("ok", r.accepted() ? 1 : 0).put("price", amount(r.clearingPrice()))
                    .put("until", r.validUntil());
            r.reason().ifPresent(c -> b.put("code", c.code()));
        } else if (message instanceof BttMessage.Cheque c) {
            b.put("payer", c.payer().bytes()).put("payee", c.payee().bytes()).put("asset", c.asset().wire())
                    .put("chain", c.chainId()).put("cum", amount(c.cumulativeAmount())).put("seq", c.sequence())
                    .put("amount", amount(c.amount())).put("sig", c.signature().bytes());
        } else if (message instanceof BttMessage.Receipt r) {
            b.put("asset", r.asset().wire()).put("chain", r.chainId()).put("cum", amount(r.cumulativeAmount()))
                    .put("seq", r.sequence()).put("settled", amount(r.settledTotal()));
            r.signature().ifPresent(s -> b.put("sig", s.bytes()));
        } else if (message instanceof BttMessage.Settled s) {
            b.put("asset", s.asset().wire()).put("chain", s.chainId()).put("txid", s.txid().bytes())
                    .put("amount", amount(s.amount())).put("total", amount(s.settledTotal()));
        } else if (message instanceof BttMessage.ErrorMessage e) {
            b.put("code", e.code()).put("msg", e.message());
            e.reference().ifPresent(r -> b.put("ref", r));
        } else {
            throw new IllegalArgumentException("unknown message " + message.getClass());
        }
        return BencodeWriter.encode(b.build());
    }

    /** The {@code btt} dictionary to put into our extended handshake under {@link BttHandshake#KEY}. */
    public static BDict encodeHandshake(BttHandshake h) {
        List<BValue> assets = new ArrayList<>();
        for (BttHandshake.AssetInfo a : h.assets()) {
            assets.add(BDict.builder().put("id", a.asset().wire()).put("dec", a.decimals()).build());
        }
        return BDict.builder().put("v", h.version()).put("addr", h.address().bytes()).put("chain", h.chainId())
                .put("assets", new BList(assets)).put("sell", h.sells() ? 1 : 0).put("buy", h.buys() ? 1 : 0)
                .build();
    }

    private static String amount(BigInteger value) {
        return Amounts.format(value);
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes one extension message payload.
     *
     * @return the message, or empty if its type is unknown (to be ignored)
     * @throws BttProtocolException if the payload breaks the spec
     */
    public static Optional<BttMessage> decode(byte[] payload) {
        if (payload.length > MAX_MESSAGE) {
            throw malformed("message of " + payload.length + " bytes exceeds " + MAX_MESSAGE);
        }
        BValue value;
        try {
            value = BencodeReader.decode(payload, LIMITS);
        } catch (BencodeException e) {
            throw malformed("bad bencode: " + e.getMessage());
        }
        if (!(value instanceof BDict)) {
            throw malformed("message is not a dictionary");
        }
        Fields f = new Fields((BDict) value);
        long type = f.integer("t", 0, Integer.MAX_VALUE);
        try {
            switch ((int) type) {
                case BttMessage.Offer.TYPE:
                    return Optional.of(new BttMessage.Offer(f.asset("asset"), f.amount("price"),
                            (int) f.integer("slots", 0, BttMessage.Offer.MAX_SLOTS), f.amount("credit"),
                            f.amount("thresh"), (int) f.integer("round", 1, 3600)));
                case BttMessage.Bid.TYPE:
                    return Optional.of(new BttMessage.Bid(f.asset("asset"), f.amount("price"),
                            f.integer("nonce", 1, Long.MAX_VALUE), f.integer("exp", 1, Long.MAX_VALUE),
                            f.signature("sig")));
                case BttMessage.BidResponse.TYPE: {
                    boolean ok = f.integer("ok", 0, 1) == 1;
                    OptionalLong code = f.optionalInteger("code", 1, Integer.MAX_VALUE);
                    Optional<ErrorCode> reason = ok || code.isEmpty() ? Optional.empty()
                            : ErrorCode.fromCode(code.getAsLong());
                    return Optional.of(new BttMessage.BidResponse(f.integer("nonce", 1, Long.MAX_VALUE), ok,
                            f.amount("price"), f.integer("until", 0, Long.MAX_VALUE), reason));
                }
                case BttMessage.Cheque.TYPE:
                    return Optional.of(new BttMessage.Cheque(f.account("payer"), f.account("payee"),
                            f.asset("asset"), f.integer("chain", 1, 0xffff_ffffL), f.amount("cum"),
                            f.integer("seq", 1, Long.MAX_VALUE), f.amount("amount"), f.signature("sig")));
                case BttMessage.Receipt.TYPE: {
                    long seq = f.integer("seq", 0, Long.MAX_VALUE);
                    Optional<Signature> sig = f.has("sig") ? Optional.of(f.signature("sig")) : Optional.empty();
                    return Optional.of(new BttMessage.Receipt(f.asset("asset"), f.integer("chain", 1, 0xffff_ffffL),
                            f.amount("cum"), seq, sig, f.amount("settled")));
                }
                case BttMessage.Settled.TYPE:
                    return Optional.of(new BttMessage.Settled(f.asset("asset"), f.integer("chain", 1, 0xffff_ffffL),
                            FixedBytes.of(f.bytes("txid", BttMessage.Settled.TXID_LENGTH),
                                    BttMessage.Settled.TXID_LENGTH),
                            f.amount("amount"), f.amount("total")));
                case BttMessage.ErrorMessage.TYPE:
                    return Optional.of(new BttMessage.ErrorMessage((int) f.integer("code", 1, Integer.MAX_VALUE),
                            f.optionalText("msg", BttMessage.ErrorMessage.MAX_TEXT).orElse(""),
                            f.optionalInteger("ref", 1, Long.MAX_VALUE)));
                default:
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    /**
     * Reads the {@code btt} entry of a peer's extended handshake.
     *
     * @param extensionHandshake the whole BEP 10 handshake dictionary
     * @return empty if there is no {@code btt} key (a plain peer)
     * @throws BttProtocolException if the entry is present but malformed
     */
    public static Optional<BttHandshake> decodeHandshake(BDict extensionHandshake) {
        Optional<BValue> raw = extensionHandshake.get(BttHandshake.KEY);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!(raw.get() instanceof BDict)) {
            throw malformed("btt must be a dictionary");
        }
        BDict d = (BDict) raw.get();
        int size = BencodeWriter.encode(d).length;
        if (size > BttHandshake.MAX_ENCODED) {
            throw malformed("btt dictionary of " + size + " bytes exceeds " + BttHandshake.MAX_ENCODED);
        }
        Fields f = new Fields(d);
        int version = (int) f.integer("v", 1, Integer.MAX_VALUE);
        BList list = f.list("assets");
        if (list.size() > BttHandshake.MAX_ASSETS) {
            throw malformed("assets lists more than " + BttHandshake.MAX_ASSETS + " entries");
        }
        List<BttHandshake.AssetInfo> assets = new ArrayList<>();
        for (BValue v : list.values()) {
            if (!(v instanceof BDict)) {
                throw malformed("assets entries must be dictionaries");
            }
            Fields a = new Fields((BDict) v);
            String id = a.text("id", AssetId.MAX_WIRE_LENGTH);
            int dec = (int) a.integer("dec", 0, 77);
            AssetId asset;
            try {
                asset = AssetId.parse(id);
            } catch (IllegalArgumentException unknownKind) {
                continue; // an asset kind from a later version: ignored like an unknown key
            }
            if (assets.stream().noneMatch(x -> x.asset().equals(asset))) {
                assets.add(new BttHandshake.AssetInfo(asset, dec));
            }
        }
        try {
            return Optional.of(new BttHandshake(version, f.account("addr"), f.integer("chain", 1, 0xffff_ffffL),
                    assets, f.optionalInteger("sell", 0, 1).orElse(0) == 1,
                    f.optionalInteger("buy", 0, 1).orElse(0) == 1));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static BttProtocolException malformed(String message) {
        return new BttProtocolException(ErrorCode.MALFORMED, message);
    }

    /** Typed, range-checked access to one dictionary; every failure names the key. */
    private static final class Fields {
        private final BDict d;

        Fields(BDict d) {
            this.d = d;
        }

        boolean has(String key) {
            return d.containsKey(key);
        }

        private BValue require(String key) {
            return d.get(key).orElseThrow(() -> malformed("missing key '" + key + "'"));
        }

        long integer(String key, long min, long max) {
            BValue v = require(key);
            if (!(v instanceof BInteger)) {
                throw malformed("key '" + key + "' must be an integer");
            }
            long x = ((BInteger) v).value();
            if (x < min || x > max) {
                throw malformed("key '" + key + "' must be " + min + ".." + max);
            }
            return x;
        }

        OptionalLong optionalInteger(String key, long min, long max) {
            return has(key) ? OptionalLong.of(integer(key, min, max)) : OptionalLong.empty();
        }

        byte[] bytes(String key, int length) {
            BValue v = require(key);
            if (!(v instanceof BString)) {
                throw malformed("key '" + key + "' must be a byte string");
            }
            BString s = (BString) v;
            if (s.length() != length) {
                throw malformed("key '" + key + "' must be " + length + " bytes");
            }
            return s.bytes();
        }

        String text(String key, int maxBytes) {
            BValue v = require(key);
            if (!(v instanceof BString)) {
                throw malformed("key '" + key + "' must be a byte string");
            }
            BString s = (BString) v;
            if (s.length() > maxBytes) {
                throw malformed("key '" + key + "' longer than " + maxBytes + " bytes");
            }
            byte[] raw = s.bytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw malformed("key '" + key + "' is not UTF-8");
            }
        }

        Optional<String> optionalText(String key, int maxBytes) {
            return has(key) ? Optional.of(text(key, maxBytes)) : Optional.empty();
        }

        BList list(String key) {
            BValue v = require(key);
            if (!(v instanceof BList)) {
                throw malformed("key '" + key + "' must be a list");
            }
            return (BList) v;
        }

        BigInteger amount(String key) {
            String t = text(key, Amounts.MAX_DIGITS);
            try {
                return Amounts.parse(t);
            } catch (IllegalArgumentException e) {
                throw malformed("key '" + key + "': " + e.getMessage());
            }
        }

        AssetId asset(String key) {
            String t = text(key, AssetId.MAX_WIRE_LENGTH);
            try {
                return AssetId.parse(t);
            } catch (IllegalArgumentException e) {
                throw new BttProtocolException(ErrorCode.WRONG_ASSET, "key '" + key + "': " + e.getMessage());
            }
        }

        TronAccount account(String key) {
            byte[] raw = bytes(key, TronAccount.LENGTH);
            try {
                return TronAccount.of(raw);
            } catch (IllegalArgumentException e) {
                throw malformed("key '" + key + "': " + e.getMessage());
            }
        }

        Signature signature(String key) {
            byte[] raw = bytes(key, Signature.LENGTH);
            try {
                return Signature.of(raw);
            } catch (IllegalArgumentException e) {
                throw new BttProtocolException(ErrorCode.BAD_SIGNATURE, "key '" + key + "': " + e.getMessage());
            }
        }
    }
}
