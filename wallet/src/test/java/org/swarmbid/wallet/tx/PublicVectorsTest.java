package org.swarmbid.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmbid.wallet.tx.Vectors.bytes;
import static org.swarmbid.wallet.tx.Vectors.get;
import static org.swarmbid.wallet.tx.Vectors.number;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.tron.trident.proto.Chain;

/** Byte-exact reproduction of the three public signed-transaction vectors (Trust Wallet core, see the resource). */
class PublicVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private final PrivateKeySigner signer = new PrivateKeySigner(PrivateKey.fromHex(get("key")));

    private static TronAddress address(String key) {
        return TronAddress.fromHex(get(key));
    }

    private static RefBlock refFromHeader(String h) {
        Chain.BlockHeader.raw raw = Chain.BlockHeader.raw.newBuilder()
                .setTimestamp(number(h + ".timestamp"))
                .setTxTrieRoot(bytes(h + ".txTrieRoot"))
                .setParentHash(bytes(h + ".parentHash"))
                .setNumber(number(h + ".number"))
                .setWitnessAddress(bytes(h + ".witness"))
                .setVersion((int) number(h + ".version"))
                .build();
        return RefBlock.ofHeaderHash(raw.getNumber(),
                ByteString.copyFrom(Hashes.sha256(raw.toByteArray())));
    }

    @Test
    void signerKeyDerivesTheVectorOwner() {
        assertThat(signer.address()).isEqualTo(address("owner"));
        assertThat(signer.address().toBase58()).isEqualTo(get("owner.base58"));
    }

    @Test
    void refBlockFieldsFollowFromTheBlockHeaders() {
        assertThat(refFromHeader("header1")).isEqualTo(new RefBlock(bytes("header1.refBlockBytes"),
                bytes("header1.refBlockHash")));
        assertThat(refFromHeader("header2")).isEqualTo(new RefBlock(bytes("header2.refBlockBytes"),
                bytes("header2.refBlockHash")));
    }

    @Test
    void trxTransferIsByteExact() {
        Transfer t = new Transfer.Trx(address("owner"), address("to"), new BigInteger(get("trx.amount")));
        TxParams params = new TxParams(refFromHeader("header1"), number("trx.timestamp"), number("trx.expiration"), 0);
        SignedTransaction signed = SignedTransaction.sign(TransferBuilder.build(t, params), signer);
        assertThat(signed.rawDataHex()).isEqualTo(get("trx.rawDataHex"));
        assertThat(signed.txidHex()).isEqualTo(get("trx.txid"));
        assertThat(HEX.formatHex(signed.signature().toByteArray())).isEqualTo(get("trx.signature"));
    }

    @Test
    void trc10TransferIsByteExact() {
        Transfer t = new Transfer.Trc10(address("owner"), address("to"),
                new Asset.Trc10(get("trc10.assetName"), "TOKEN", 0), new BigInteger(get("trc10.amount")));
        TxParams params = new TxParams(refFromHeader("header2"), number("trc10.timestamp"),
                number("trc10.expiration"), 0);
        SignedTransaction signed = SignedTransaction.sign(TransferBuilder.build(t, params), signer);
        assertThat(signed.rawDataHex()).isEqualTo(get("trc10.rawDataHex"));
        assertThat(signed.txidHex()).isEqualTo(get("trc10.txid"));
        assertThat(HEX.formatHex(signed.signature().toByteArray())).isEqualTo(get("trc10.signature"));
    }

    @Test
    void trc20VectorPinsTheSigningPathWithItsLegacy21ByteAddressWord() {
        for (String v : new String[] {"trc20", "trc20big"}) {
            TxParams params = new TxParams(refFromHeader("header1"), number("trc20.timestamp"),
                    number("trc20.expiration"), 0);
            Chain.Transaction unsigned = TransferBuilder.triggerSmartContract(address("owner"), address("to"),
                    bytes(v + ".data"), params);
            SignedTransaction signed = SignedTransaction.sign(unsigned, signer);
            assertThat(signed.txidHex()).as(v).isEqualTo(get(v + ".txid"));
            assertThat(HEX.formatHex(signed.signature().toByteArray())).as(v).isEqualTo(get(v + ".signature"));
        }
    }

    @Test
    void ourTrc20EncodingDiffersFromTheVectorOnlyInTheAddressWordPrefix() {
        for (String v : new String[] {"trc20", "trc20big"}) {
            ByteString ours = Trc20Abi.transfer(bytes("trc20.recipient"), new BigInteger(get(v + ".amount")));
            ByteString theirs = bytes(v + ".data");
            assertThat(ours.size()).isEqualTo(68);
            assertThat(ours.substring(0, 4)).isEqualTo(theirs.substring(0, 4));
            assertThat(ours.byteAt(4 + 11)).isEqualTo((byte) 0x00);
            assertThat(theirs.byteAt(4 + 11)).isEqualTo((byte) 0x41);
            assertThat(ours.substring(4 + 12)).isEqualTo(theirs.substring(4 + 12));
            assertThat(Trc20Abi.decodeAddressWord(ours.substring(4, 36))).contains(bytes("trc20.recipient"));
            assertThat(Trc20Abi.decodeAddressWord(theirs.substring(4, 36))).contains(bytes("trc20.recipient"));
        }
    }

    @Test
    void trc20BuiltFromATransferCarriesTheFeeLimitAndVerifies() {
        TxParams params = new TxParams(refFromHeader("header1"), number("trc20.timestamp"),
                number("trc20.expiration"), 30_000_000L);
        Transfer t = new Transfer.Trc20(address("owner"), address("trc20.recipient"),
                new Asset.Trc20(address("to"), "TOKEN", 6), BigInteger.valueOf(1000));
        SignedTransaction signed = SignedTransaction.sign(TransferBuilder.build(t, params), signer);
        assertThat(signed.transaction().getRawData().getFeeLimit()).isEqualTo(30_000_000L);
        RecoverableSignature signature = RecoverableSignature.fromBytes(signed.signature().toByteArray());
        assertThat(signature.isLowS()).isTrue();
        assertThat(TronAddress.fromPublicKey(Secp256k1.recoverPublicKey(signed.txid().toByteArray(), signature)))
                .isEqualTo(address("owner"));
    }

    @Test
    void selectorsAreKeccakOfTheSignatures() {
        assertThat(Trc20Abi.TRANSFER).isEqualTo(keccak4("transfer(address,uint256)"));
        assertThat(Trc20Abi.BALANCE_OF).isEqualTo(keccak4("balanceOf(address)"));
        assertThat(Trc20Abi.DECIMALS).isEqualTo(keccak4("decimals()"));
    }

    private static ByteString keccak4(String signature) {
        KeccakDigest k = new KeccakDigest(256);
        byte[] in = signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        k.update(in, 0, in.length);
        byte[] out = new byte[32];
        k.doFinal(out, 0);
        return ByteString.copyFrom(out, 0, 4);
    }
}
