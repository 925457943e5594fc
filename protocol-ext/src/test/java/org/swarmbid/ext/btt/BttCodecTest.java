package org.swarmbid.ext.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;

/** Hostile and edge inputs, each named, each answered with the spec's error code. */
class BttCodecTest {
    private static final String SIG = "3:sig65:" + "\u0001".repeat(64) + "\u001b";

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ErrorCode codeOf(String wire) {
        try {
            BttCodec.decode(latin1(wire));
        } catch (BttProtocolException e) {
            return e.code();
        }
        throw new AssertionError("accepted: " + wire);
    }

    @Test
    void aMinimalOfferDecodes() {
        var m = BttCodec.decode(latin1("d6:credit3:1005:price1:55:asset3:trx5:roundi10e5:slotsi2e6:thresh4:1000"
                + "1:ti1ee"));
        assertThat(m).contains(new BttMessage.Offer(AssetId.TRX, BigInteger.valueOf(5), 2, BigInteger.valueOf(100),
                BigInteger.valueOf(1000), 10));
    }

    @Test
    void unknownTypesAreIgnored() {
        assertThat(BttCodec.decode(latin1("d1:ti99e3:fooi1ee"))).isEmpty();
        assertThat(BttCodec.decode(latin1("d1:ti0ee"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not bencode            | d1:t",
        "not a dictionary       | li1ee",
        "missing type           | d3:fooi1ee",
        "type is a string       | d1:t1:1e",
        "negative type          | d1:ti-1ee",
        "offer missing price    | d6:credit1:05:asset3:trx5:roundi10e5:slotsi2e6:thresh1:11:ti1ee",
        "offer price as integer | d6:credit1:05:price i5e5:asset3:trx5:roundi10e5:slotsi2e6:thresh1:11:ti1ee",
        "amount leading zero    | d6:credit1:05:price2:055:asset3:trx5:roundi10e5:slotsi2e6:thresh1:11:ti1ee",
        "amount with sign       | d6:credit1:05:price2:-55:asset3:trx5:roundi10e5:slotsi2e6:thresh1:11:ti1ee",
        "amount empty           | d6:credit1:05:price0:5:asset3:trx5:roundi10e5:slotsi2e6:thresh1:11:ti1ee",
        "too many slots         | d6:credit1:05:price1:55:asset3:trx5:roundi10e5:slotsi65e6:thresh1:11:ti1ee",
        "zero threshold         | d6:credit1:05:price1:55:asset3:trx5:roundi10e5:slotsi2e6:thresh1:01:ti1ee",
        "round too long         | d6:credit1:05:price1:55:asset3:trx5:roundi3601e5:slotsi2e6:thresh1:11:ti1ee",
        "bid nonce zero         | d5:asset3:trx3:expi9e5:nonce i0e5:price1:11:ti2ee",
        "settled short txid     | d6:amount1:15:asset3:trx5:chaini1e5:total1:14:txid3:abc1:ti6ee",
        "settled amount > total | d6:amount1:25:asset3:trx5:chaini1e5:total1:14:txid32:"
                + "0123456789abcdef0123456789abcdef1:ti6ee",
        "chain zero             | d6:amount1:15:asset3:trx5:chaini0e5:total1:14:txid32:"
                + "0123456789abcdef0123456789abcdef1:ti6ee",
        "chain beyond 32 bits   | d6:amount1:15:asset3:trx5:chaini4294967296e5:total1:14:txid32:"
                + "0123456789abcdef0123456789abcdef1:ti6ee",
        "receipt sig without seq| d5:asset3:trx5:chaini1e3:cum1:03:seqi0e7:settled1:0@SIG1:ti5ee",
        "receipt seq without sig| d5:asset3:trx5:chaini1e3:cum1:53:seqi1e7:settled1:01:ti5ee",
        "error code zero        | d4:codei0e1:ti7ee",
        "error text not utf-8   | d4:codei1e3:msg1:\u00ff1:ti7ee",
    })
    void malformedInputsAreMalformed(String name, String wire) {
        assertThat(codeOf(wire.replace(" i", "i").replace("@SIG", SIG))).as(name).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void oversizeMessagesAreRejectedBeforeParsing() {
        String pad = "x".repeat(BttCodec.MAX_MESSAGE);
        assertThat(codeOf("d1:ti7e4:codei1e3:pad" + pad.length() + ":" + pad + "e")).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void deepNestingInAnUnknownKeyIsRejected() {
        assertThat(codeOf("d1:ti7e4:codei1e1:z" + "l".repeat(8) + "e".repeat(8) + "e"))
                .isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void badAssetsAreWrongAsset() {
        assertThat(codeOf("d5:asset3:TRX3:expi9e5:noncei1e5:price1:1" + SIG + "1:ti2ee"))
                .isEqualTo(ErrorCode.WRONG_ASSET);
        assertThat(codeOf("d5:asset14:trc10:01002000" + "3:expi9e5:noncei1e5:price1:1" + SIG + "1:ti2ee"))
                .isEqualTo(ErrorCode.WRONG_ASSET);
        assertThat(codeOf("d5:asset46:trc20:032017411F4663b317fe77c257d28d5cd1b26e3d3:expi9e5:noncei1e5:price1:1"
                + SIG + "1:ti2ee")).isEqualTo(ErrorCode.WRONG_ASSET);
    }

    @Test
    void nonCanonicalSignaturesAreBadSignature() {
        String highS = "3:sig65:" + "\u0001".repeat(32) + "\u00ff".repeat(32) + "\u001b";
        String badV = "3:sig65:" + "\u0001".repeat(64) + "\u0001";
        String zeroR = "3:sig65:" + "\u0000".repeat(32) + "\u0001".repeat(32) + "\u001b";
        for (String sig : List.of(highS, badV, zeroR)) {
            assertThat(codeOf("d5:asset3:trx3:expi9e5:noncei1e5:price1:1" + sig + "1:ti2ee"))
                    .isEqualTo(ErrorCode.BAD_SIGNATURE);
        }
        assertThat(codeOf("d5:asset3:trx3:expi9e5:noncei1e5:price1:13:sig64:" + "\u0001".repeat(64) + "1:ti2ee"))
                .isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void amountsReachUint256AndNoFurther() {
        String max = Amounts.UINT256_MAX.toString();
        String over = Amounts.UINT256_MAX.add(BigInteger.ONE).toString();
        assertThat(max).hasSize(78);
        assertThat(BttCodec.decode(latin1("d5:asset3:trx3:expi9e5:noncei1e5:price78:" + max + SIG + "1:ti2ee")))
                .hasValueSatisfying(m -> assertThat(((BttMessage.Bid) m).pricePerMiB()).isEqualTo(Amounts.UINT256_MAX));
        assertThat(codeOf("d5:asset3:trx3:expi9e5:noncei1e5:price78:" + over + SIG + "1:ti2ee"))
                .isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void aHandshakeWithoutBttIsAPlainPeer() {
        assertThat(BttCodec.decodeHandshake(BDict.builder().put("v", "Transmission 4.0").build())).isEmpty();
    }

    @Test
    void handshakeSkipsFutureAssetKindsAndRejectsBrokenEntries() {
        BDict assets = BDict.builder().put("id", "trc721:abc").put("dec", 0).build();
        BDict btt = BDict.builder().put("v", 2).put("addr", ChequeVectorsTest.PAYER.bytes()).put("chain", 1)
                .put("assets", BList.of(assets, BDict.builder().put("id", "trx").put("dec", 6).build()))
                .put("later", "ignored").build();
        Optional<BttHandshake> h = BttCodec.decodeHandshake(BDict.builder().put("btt", btt).build());
        assertThat(h).hasValueSatisfying(x -> {
            assertThat(x.assets()).containsExactly(new BttHandshake.AssetInfo(AssetId.TRX, 6));
            assertThat(x.sells()).isFalse();
            assertThat(x.version()).isEqualTo(2);
        });
        BDict badAddr = BDict.builder().putAll(btt).put("addr", new byte[21]).build();
        assertThatThrownBy(() -> BttCodec.decodeHandshake(BDict.builder().put("btt", badAddr).build()))
                .isInstanceOf(BttProtocolException.class).hasMessageContaining("addr");
        assertThatThrownBy(() -> BttCodec.decodeHandshake(BDict.builder().put("btt", 1L).build()))
                .isInstanceOf(BttProtocolException.class);
    }

    @Test
    void errorCodesAreStable() {
        assertThat(ErrorCode.fromCode(8)).contains(ErrorCode.STALE_CHEQUE);
        assertThat(ErrorCode.STALE_CHEQUE.wireName()).isEqualTo("stale_cheque");
        assertThat(ErrorCode.fromCode(999)).isEmpty();
        assertThat(java.util.Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code).distinct().count())
                .isEqualTo(ErrorCode.values().length);
    }
}
