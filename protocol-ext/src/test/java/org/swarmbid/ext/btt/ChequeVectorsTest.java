package org.swarmbid.ext.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;

/**
 * The worked test vectors of docs/btt-extension.md, recomputed. Payer key: the public wallet-core vector key
 * 2d8f6894...aa54 (TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC); payee THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV (wallet-core
 * SignerTests). Signatures are RFC 6979, so deterministic.
 */
class ChequeVectorsTest {
    static final String PAYER_KEY = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54";
    static final TronAccount PAYER = TronAccount.fromHex("415cd0fb0ab3ce40f3051414c604b27756e69e43db");
    static final TronAccount PAYEE = TronAccount.fromHex("41521ea197907927725ef36d70f25f850d1659c7c7");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void typeHashes() {
        assertThat(HEX.formatHex(ChequeDigest.typeHash()))
                .isEqualTo("cf4da9fa345bc02c46c87a79ade0b93ddeaa89a5c0ae94a0c8ad4674e151d841");
        assertThat(HEX.formatHex(BidDigest.typeHash()))
                .isEqualTo("004d6dc9b83467d4cb8c6e1a2923c75147633c469427290560ad0f81888399a2");
    }

    @Test
    void assetConstantsAgreeWithTheWallet() {
        assertThat(AssetId.BTT.verifyingContract()).isEqualTo(Asset.BTT.contract().toEvmBytes());
        assertThat(TronAccount.fromEvm(AssetId.BTT.verifyingContract()).bytes())
                .isEqualTo(TronAddress.fromBase58("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4").toBytes());
        assertThat(HEX.formatHex(AssetId.BTT_OLD.verifyingContract()))
                .isEqualTo("00000000000000000000000000000000000f4a10");
        assertThat(WalletPorts.signer(PAYER_KEY).address()).isEqualTo(PAYER);
    }

    @ParameterizedTest(name = "{0} {1} cum={2} seq={3}")
    @CsvSource({
        "728126428, trc20:032017411f4663b317fe77c257d28d5cd1b26e3d, 1500000000000000000, 1,"
                + "54b6aa9b68a26fe81c4263f9b4cc357e8f27ba46191137ce3544f6dacf5546ac,"
                + "20c27b36f80379766493c114083ca748e5cf1b38b53a66d0c9eb2ccd21fff20e,"
                + "7719554c6d1df20ac6e0673e07bf3d3dffb120559be1888b543268e0f6c4b671,"
                + "90b91f5ea8c5bbdc78fdadbea2498eb8f7ce6fd6027a7fe2147e7191664fb50c"
                + "5095781c9a545eb6dd9f328f0881bae4579b08754666d2d463d8e596714d7a3c1c",
        "728126428, trc20:032017411f4663b317fe77c257d28d5cd1b26e3d, 123456789012345678901234567890, 42,"
                + "54b6aa9b68a26fe81c4263f9b4cc357e8f27ba46191137ce3544f6dacf5546ac,"
                + "e140937d324308e69c9b2d39a224c632c5445bc1aec3cd54e650963fec304c2f,"
                + "aa4e1dc148a8ba564eba9913fcbbc34614afa08d3693405815fa0ed1cbe7611c,"
                + "93b7188eccec605057da81750f2f6c4d7e9f74975f604925a316a5b361cce714"
                + "319e8e6e7ab14359b20ccc72dbd9d118c3b8128c1a3b05edc244043b87931dbe1b",
        "3448148188, trx, 2000000, 7,"
                + "b312ac4c01ce17bd052e7fa3d530c81230e18974d6157afe3f94485d460db29f,"
                + "163513e4c7fc70544117148b77bdf4f70e1f542ed50760aa2df9b80d721b7a3e,"
                + "1ecaad9c7dec1e50c0819dcffea5897aae3259d10d400ecd23fc2fe6c030476e,"
                + "995f416bff541cdea1832ed3eb4ae6286c7a95201cec7f04b6cd9745aeccf314"
                + "1e150b630146e6f5163f48ea73b676202f7dff72f2da591e21e686a4f17785131b",
        "2494104990, trc10:1002000, 1000, 3,"
                + "684e1fdc675dcb9a4cc17e29a1246f627ea3e1af9eeab1d6e7f7d356267c707d,"
                + "c7b032db51d5f26554d56c61a2c932eee7dab3fbcd5ffc37e2d1a03bde65d446,"
                + "4f1e00bcd2ce720c719607f996456ee87170e1f5583037aa44c6622aef6bfb99,"
                + "2d4ce182571cd465d2dc19d051d8f5512f8d87bab6a7e8b91045b0bfa1315375"
                + "0d1238e233b2866239fbc68c16396a467f8b7a1280e281f96937e8d7a03ff4501c",
    })
    void chequeVector(long chain, String asset, String cum, long seq, String separator, String structHash,
                      String digest, String signature) {
        SigningDomain domain = new SigningDomain(chain, AssetId.parse(asset));
        BigInteger total = new BigInteger(cum);
        assertThat(HEX.formatHex(domain.separator())).isEqualTo(separator);
        assertThat(HEX.formatHex(ChequeDigest.structHash(PAYER, PAYEE, total, seq))).isEqualTo(structHash);
        byte[] d = ChequeDigest.digest(domain, PAYER, PAYEE, total, seq);
        assertThat(HEX.formatHex(d)).isEqualTo(digest);
        Signature sig = WalletPorts.signer(PAYER_KEY).sign(d);
        assertThat(sig.toHex()).isEqualTo(signature);
        assertThat(WalletPorts.VERIFIER.recover(d, sig)).contains(PAYER);
    }

    @Test
    void bidVector() {
        FixedBytes infoHash = FixedBytes.fromHex("d984f67af9917b214cd8b6048ab5624c7df6a07a", 20);
        BigInteger price = new BigInteger("50000000000000000");
        assertThat(HEX.formatHex(BidDigest.structHash(PAYER, PAYEE, infoHash, price, 5, 1767225600L)))
                .isEqualTo("921f7a2405615a841677189f795ed9076d92f345aa9da3869b6ffda77ecd1e5a");
        byte[] d = BidDigest.digest(new SigningDomain(SigningDomain.MAINNET, AssetId.BTT), PAYER, PAYEE, infoHash,
                price, 5, 1767225600L);
        assertThat(HEX.formatHex(d)).isEqualTo("90a28b7a96498a177bd6d6d3369eac4f255673f185b8f441da14a51c1d355e2b");
        assertThat(WalletPorts.signer(PAYER_KEY).sign(d).toHex()).isEqualTo(
                "c707c464fd737bc53261a2a4556b41c307ac758ad646dc5df917ccf37c5908a0"
                        + "783a74e13bf49e42b5c875a55d63be53d8aa4a5f93f9df651afdbed872a807f11c");
    }

    @Test
    void chequeWireFormVector() {
        SigningDomain domain = new SigningDomain(SigningDomain.MAINNET, AssetId.BTT);
        BigInteger cum = new BigInteger("1500000000000000000");
        Signature sig = WalletPorts.signer(PAYER_KEY).sign(ChequeDigest.digest(domain, PAYER, PAYEE, cum, 1));
        byte[] wire = BttCodec.encode(new BttMessage.Cheque(PAYER, PAYEE, AssetId.BTT, SigningDomain.MAINNET, cum, 1,
                cum, sig));
        assertThat(wire).hasSize(282);
        assertThat(HEX.formatHex(wire)).isEqualTo("64363a616d6f756e7431393a3135303030303030303030303030303030303035"
                + "3a617373657434363a74726332303a303332303137343131663436363362333137666537376332353764323864356364"
                + "31623236653364353a636861696e6937323831323634323865333a63756d31393a3135303030303030303030303030303030"
                + "3030353a706179656532313a41521ea197907927725ef36d70f25f850d1659c7c7353a706179657232313a415cd0fb0ab3"
                + "ce40f3051414c604b27756e69e43db333a736571693165333a73696736353a90b91f5ea8c5bbdc78fdadbea2498eb8f7ce"
                + "6fd6027a7fe2147e7191664fb50c5095781c9a545eb6dd9f328f0881bae4579b08754666d2d463d8e596714d7a3c1c313a"
                + "7469346565");
    }
}
