package org.swarmbid.ext.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BencodeReader;
import org.swarmbid.core.bencode.BencodeLimits;

/** Round trips: every message and the handshake entry decode to what was encoded, within the size limits. */
class BttCodecPropertiesTest {

    @Property(tries = 300)
    void everyMessageRoundTrips(@ForAll("messages") BttMessage message) {
        byte[] wire = BttCodec.encode(message);
        assertThat(wire.length).isLessThanOrEqualTo(BttCodec.MAX_MESSAGE);
        assertThat(BttCodec.decode(wire)).contains(message);
    }

    @Property(tries = 200)
    void unknownKeysAreIgnored(@ForAll("messages") BttMessage message, @ForAll("junkKeys") String key) {
        BDict d = (BDict) BencodeReader.decode(BttCodec.encode(message), BencodeLimits.PEER_MESSAGE);
        byte[] wire = BDict.builder().putAll(d).put(key, "future").build().encode();
        assertThat(BttCodec.decode(wire)).contains(message);
    }

    @Property(tries = 200)
    void handshakeRoundTrips(@ForAll("handshakes") BttHandshake h) {
        BDict ext = BDict.builder().put("m", BDict.builder().put("swarmbid_btt", 3).build())
                .put(BttHandshake.KEY, BttCodec.encodeHandshake(h)).build();
        assertThat(BttCodec.encodeHandshake(h).encode().length).isLessThanOrEqualTo(BttHandshake.MAX_ENCODED);
        assertThat(BttCodec.decodeHandshake(ext)).contains(h);
    }

    @Provide
    Arbitrary<String> junkKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(k -> !List.of("t", "asset", "price", "slots", "credit", "thresh", "round", "nonce", "exp",
                        "sig", "ok", "until", "code", "payer", "payee", "chain", "cum", "seq", "amount", "settled",
                        "txid", "total", "msg", "ref").contains(k));
    }

    @Provide
    Arbitrary<BttMessage> messages() {
        return Arbitraries.oneOf(offers(), bids(), responses(), cheques(), receipts(), settleds(), errors());
    }

    static Arbitrary<BigInteger> amounts() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, Amounts.UINT256_MAX),
                Arbitraries.of(BigInteger.ZERO, Amounts.UINT256_MAX));
    }

    static Arbitrary<BigInteger> positive() {
        return amounts().filter(a -> a.signum() > 0);
    }

    static Arbitrary<AssetId> assets() {
        return Arbitraries.oneOf(Arbitraries.of(AssetId.TRX, AssetId.BTT, AssetId.BTT_OLD),
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(AssetId::trc10),
                Arbitraries.bytes().array(byte[].class).ofSize(20).map(AssetId::trc20));
    }

    static Arbitrary<TronAccount> accounts() {
        return Arbitraries.bytes().array(byte[].class).ofSize(20).map(TronAccount::fromEvm);
    }

    static Arbitrary<Signature> signatures() {
        Arbitrary<BigInteger> r = Arbitraries.bigIntegers().between(BigInteger.ONE, Signature.N.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> s = Arbitraries.bigIntegers().between(BigInteger.ONE, Signature.N.shiftRight(1));
        return Combinators.combine(r, s, Arbitraries.of(27, 28)).as((rr, ss, v) -> {
            byte[] out = new byte[65];
            System.arraycopy(Eip712.uint(rr), 0, out, 0, 32);
            System.arraycopy(Eip712.uint(ss), 0, out, 32, 32);
            out[64] = (byte) (int) v;
            return Signature.of(out);
        });
    }

    static Arbitrary<Long> u63() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 1000), Arbitraries.longs().between(1, Long.MAX_VALUE));
    }

    static Arbitrary<Long> chains() {
        return Arbitraries.oneOf(Arbitraries.of(SigningDomain.MAINNET, SigningDomain.NILE, SigningDomain.SHASTA),
                Arbitraries.longs().between(1, 0xffff_ffffL));
    }

    Arbitrary<BttMessage> offers() {
        return Combinators.combine(assets(), amounts(), Arbitraries.integers().between(0, 64), amounts(), positive(),
                Arbitraries.integers().between(1, 3600)).as(BttMessage.Offer::new);
    }

    Arbitrary<BttMessage> bids() {
        return Combinators.combine(assets(), positive(), u63(), u63(), signatures()).as(BttMessage.Bid::new);
    }

    Arbitrary<BttMessage> responses() {
        Arbitrary<Optional<ErrorCode>> reasons = Arbitraries.of(ErrorCode.class).optional();
        return Combinators.combine(u63(), Arbitraries.of(true, false), amounts(),
                        Arbitraries.longs().between(0, Long.MAX_VALUE), reasons)
                .as((n, ok, p, until, reason) -> new BttMessage.BidResponse(n, ok, p, until,
                        ok ? Optional.empty() : reason));
    }

    Arbitrary<BttMessage> cheques() {
        return Combinators.combine(accounts(), accounts(), assets(), chains(), positive(), u63(), signatures())
                .flatAs((payer, payee, asset, chain, cum, seq, sig) ->
                        Arbitraries.bigIntegers().between(BigInteger.ONE, cum)
                                .map(amt -> new BttMessage.Cheque(payer, payee, asset, chain, cum, seq, amt, sig)));
    }

    Arbitrary<BttMessage> receipts() {
        return Combinators.combine(assets(), chains(), positive(), u63(), signatures(), Arbitraries.of(true, false))
                .flatAs((asset, chain, cum, seq, sig, none) -> none
                        ? Arbitraries.just(new BttMessage.Receipt(asset, chain, BigInteger.ZERO, 0, Optional.empty(),
                                BigInteger.ZERO))
                        : Arbitraries.bigIntegers().between(BigInteger.ZERO, cum)
                                .map(s -> new BttMessage.Receipt(asset, chain, cum, seq, Optional.of(sig), s)));
    }

    Arbitrary<BttMessage> settleds() {
        return Combinators.combine(assets(), chains(), Arbitraries.bytes().array(byte[].class).ofSize(32), positive())
                .flatAs((asset, chain, txid, total) -> Arbitraries.bigIntegers().between(BigInteger.ONE, total)
                        .map(a -> new BttMessage.Settled(asset, chain, FixedBytes.of(txid, 32), a, total)));
    }

    Arbitrary<BttMessage> errors() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<OptionalLong> ref = u63().optional().map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
        return Combinators.combine(Arbitraries.integers().between(1, 100_000), text, ref)
                .as(BttMessage.ErrorMessage::new);
    }

    @Provide
    Arbitrary<BttHandshake> handshakes() {
        Arbitrary<List<BttHandshake.AssetInfo>> infos = Combinators.combine(assets(), Arbitraries.integers()
                        .between(0, 77)).as(BttHandshake.AssetInfo::new)
                .list().ofMaxSize(8).uniqueElements(BttHandshake.AssetInfo::asset);
        return Combinators.combine(Arbitraries.integers().between(1, 5), accounts(), chains(), infos,
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(BttHandshake::new);
    }
}
