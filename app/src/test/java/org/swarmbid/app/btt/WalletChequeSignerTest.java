package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.BidDigest;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.FixedBytes;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.SigningDomain;
import org.swarmbid.ext.btt.TronAccount;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.tx.PrivateKeySigner;

/**
 * The wallet-backed signer and verifier against the published vectors of docs/btt-extension.md §9.2 and §9.4: the
 * same key and digests give byte-identical signatures, and recovery returns the payer.
 */
class WalletChequeSignerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Payer key of §9.2 (trustwallet/wallet-core's public TRON test key). */
    private static final String PAYER_KEY = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54";
    private static final TronAccount PAYER = TronAccount.fromHex("415cd0fb0ab3ce40f3051414c604b27756e69e43db");
    private static final TronAccount PAYEE = TronAccount.fromHex("41521ea197907927725ef36d70f25f850d1659c7c7");
    private static final BigInteger N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private PrivateKey key;
    private ExecutorService executor;
    private WalletChequeSigner signer;
    private final WalletSignatureVerifier verifier = new WalletSignatureVerifier();

    @BeforeEach
    void setUp() {
        key = PrivateKey.fromHex(PAYER_KEY);
        executor = Executors.newSingleThreadExecutor();
        signer = new WalletChequeSigner(new PrivateKeySigner(key), executor);
    }

    @AfterEach
    void tearDown() {
        key.destroy();
        executor.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V1, 728126428, trc20:032017411f4663b317fe77c257d28d5cd1b26e3d, 1500000000000000000, 1,"
            + " 7719554c6d1df20ac6e0673e07bf3d3dffb120559be1888b543268e0f6c4b671,"
            + " 90b91f5ea8c5bbdc78fdadbea2498eb8f7ce6fd6027a7fe2147e7191664fb50c"
            + "5095781c9a545eb6dd9f328f0881bae4579b08754666d2d463d8e596714d7a3c1c",
        "V2, 728126428, trc20:032017411f4663b317fe77c257d28d5cd1b26e3d, 123456789012345678901234567890, 42,"
            + " aa4e1dc148a8ba564eba9913fcbbc34614afa08d3693405815fa0ed1cbe7611c,"
            + " 93b7188eccec605057da81750f2f6c4d7e9f74975f604925a316a5b361cce714"
            + "319e8e6e7ab14359b20ccc72dbd9d118c3b8128c1a3b05edc244043b87931dbe1b",
        "V3, 3448148188, trx, 2000000, 7,"
            + " 1ecaad9c7dec1e50c0819dcffea5897aae3259d10d400ecd23fc2fe6c030476e,"
            + " 995f416bff541cdea1832ed3eb4ae6286c7a95201cec7f04b6cd9745aeccf314"
            + "1e150b630146e6f5163f48ea73b676202f7dff72f2da591e21e686a4f17785131b",
        "V4, 2494104990, trc10:1002000, 1000, 3,"
            + " 4f1e00bcd2ce720c719607f996456ee87170e1f5583037aa44c6622aef6bfb99,"
            + " 2d4ce182571cd465d2dc19d051d8f5512f8d87bab6a7e8b91045b0bfa1315375"
            + "0d1238e233b2866239fbc68c16396a467f8b7a1280e281f96937e8d7a03ff4501c",
    })
    void chequeVectorsAreReproducedByteForByte(String name, long chain, String asset, String cum, long seq,
            String digestHex, String sigHex) throws Exception {
        byte[] digest = ChequeDigest.digest(new SigningDomain(chain, AssetId.parse(asset)), PAYER, PAYEE,
                new BigInteger(cum), seq);
        assertThat(HEX.formatHex(digest)).as("digest").isEqualTo(digestHex);

        Signature sync = signer.sign(digest);
        assertThat(sync.toHex()).as("ChequeSigner").isEqualTo(sigHex);
        byte[] async = signer.sign(Digest32.of(digest)).get();
        assertThat(HEX.formatHex(async)).as("ChequeSignerPort").isEqualTo(sigHex);

        assertThat(verifier.recover(digest, Signature.fromHex(sigHex))).contains(PAYER);
        assertThat(verifier.verify(Digest32.of(digest), HEX.parseHex(sigHex),
                Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC"))).isTrue();
        assertThat(verifier.verify(Digest32.of(digest), HEX.parseHex(sigHex),
                Address.of("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV"))).as("not the payee").isFalse();
    }

    @Test
    void bidVectorIsReproduced() {
        byte[] digest = BidDigest.digest(new SigningDomain(SigningDomain.MAINNET, AssetId.BTT), PAYER, PAYEE,
                FixedBytes.fromHex("d984f67af9917b214cd8b6048ab5624c7df6a07a", 20),
                new BigInteger("50000000000000000"), 5, 1767225600L);
        assertThat(HEX.formatHex(digest)).isEqualTo("90a28b7a96498a177bd6d6d3369eac4f255673f185b8f441da14a51c1d355e2b");
        assertThat(signer.sign(digest).toHex()).isEqualTo(
                "c707c464fd737bc53261a2a4556b41c307ac758ad646dc5df917ccf37c5908a0"
                        + "783a74e13bf49e42b5c875a55d63be53d8aa4a5f93f9df651afdbed872a807f11c");
    }

    @Test
    void namesItsAddressInBothForms() {
        assertThat(signer.address()).isEqualTo(PAYER);
        assertThat(signer.signer()).isEqualTo(Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC"));
        assertThat(signer.toString()).doesNotContain(PAYER_KEY).contains("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    }

    @Test
    void verifierRefusesEveryNonCanonicalOrTamperedForm() {
        byte[] digest = HEX.parseHex("7719554c6d1df20ac6e0673e07bf3d3dffb120559be1888b543268e0f6c4b671");
        byte[] good = signer.sign(digest).bytes();
        Address payer = Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
        Digest32 d = Digest32.of(digest);
        assertThat(verifier.verify(d, good, payer)).isTrue();

        byte[] highS = good.clone();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(good, 32, 64));
        byte[] flipped = N.subtract(s).toByteArray();
        java.util.Arrays.fill(highS, 32, 64, (byte) 0);
        System.arraycopy(flipped, Math.max(0, flipped.length - 32), highS, 64 - Math.min(32, flipped.length),
                Math.min(32, flipped.length));
        highS[64] = (byte) (good[64] == 27 ? 28 : 27); // the same signature's other form
        assertThat(verifier.verify(d, highS, payer)).as("high S").isFalse();

        byte[] v0 = good.clone();
        v0[64] = (byte) (good[64] - 27); // the wallet's bare recovery id, not the typed-data form
        assertThat(verifier.verify(d, v0, payer)).as("v = recId").isFalse();
        byte[] v29 = good.clone();
        v29[64] = 29;
        assertThat(verifier.verify(d, v29, payer)).as("v = 29").isFalse();
        byte[] wrongV = good.clone();
        wrongV[64] = (byte) (good[64] == 27 ? 28 : 27);
        assertThat(verifier.verify(d, wrongV, payer)).as("other recovery id").isFalse();
        byte[] tampered = good.clone();
        tampered[10] ^= 1;
        assertThat(verifier.verify(d, tampered, payer)).as("tampered r").isFalse();
        byte[] zeroR = good.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertThat(verifier.verify(d, zeroR, payer)).as("r = 0").isFalse();
        assertThat(verifier.verify(d, java.util.Arrays.copyOf(good, 64), payer)).as("64 bytes").isFalse();
        assertThat(verifier.verify(d, new byte[0], payer)).as("empty").isFalse();
        assertThat(verifier.verify(d, good, Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeD"))).as("bad checksum")
                .isFalse();
        assertThat(verifier.verify(d, good, Address.of("garbage"))).isFalse();
        byte[] other = digest.clone();
        other[0] ^= 1;
        assertThat(verifier.verify(Digest32.of(other), good, payer)).as("another digest").isFalse();
        assertThat(verifier.recover(new byte[31], Signature.of(good))).isEmpty();
    }

    @Test
    void aLockedWalletCannotSign() {
        key.destroy();
        assertThatThrownBy(() -> signer.sign(new byte[32])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> signer.sign(Digest32.of(new byte[32])).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> signer.sign(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
