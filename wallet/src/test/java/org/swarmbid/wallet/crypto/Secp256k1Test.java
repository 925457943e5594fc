package org.swarmbid.wallet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
    private static final Map<String, Object> SIGS = TestVectors.obj(TestVectors.load("tron-vectors.json"), "signatures");

    @Test
    void rfc6979SignaturesMatchPublishedTronTransactionsByteForByte() {
        byte[] key = Hex.decode((String) SIGS.get("private_key"));
        int checked = 0;
        for (Map<String, Object> entry : TestVectors.list(SIGS, "entries")) {
            byte[] txid = Hex.decode((String) entry.get("txid"));
            RecoverableSignature signature = Secp256k1.sign(txid, key);
            assertThat(Hex.encode(signature.toBytes())).as((String) entry.get("name")).isEqualTo(entry.get("signature"));
            assertThat(signature.isLowS()).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void publishedSignaturesRecoverTheSignerAndVerify() {
        byte[] key = Hex.decode((String) SIGS.get("private_key"));
        byte[] publicKey = Secp256k1.publicKey(key);
        for (Map<String, Object> entry : TestVectors.list(SIGS, "entries")) {
            byte[] txid = Hex.decode((String) entry.get("txid"));
            RecoverableSignature signature = RecoverableSignature.fromBytes(Hex.decode((String) entry.get("signature")));
            assertThat(Secp256k1.recoverPublicKey(txid, signature)).isEqualTo(publicKey);
            assertThat(Secp256k1.verify(txid, signature, publicKey)).isTrue();
            byte[] other = txid.clone();
            other[0] ^= 1;
            assertThat(Secp256k1.verify(other, signature, publicKey)).isFalse();
        }
    }

    @Test
    void v27FormIsAcceptedAndRoundTrips() {
        byte[] key = Hex.decode((String) SIGS.get("private_key"));
        byte[] digest = Hashes.sha256(new byte[] {1, 2, 3});
        RecoverableSignature signature = Secp256k1.sign(digest, key);
        byte[] v27 = signature.toBytesV27();
        assertThat(v27[64] & 0xff).isEqualTo(27 + signature.recoveryId());
        assertThat(RecoverableSignature.fromBytes(v27)).isEqualTo(signature);
        assertThat(RecoverableSignature.fromBytes(signature.toBytes())).isEqualTo(signature);
    }

    @Test
    void randomKeysSignLowSAndRecover() {
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            byte[] key = new byte[32];
            byte[] digest = new byte[32];
            random.nextBytes(key);
            random.nextBytes(digest);
            key[0] &= 0x7f;
            key[31] |= 1;
            RecoverableSignature signature = Secp256k1.sign(digest, key);
            assertThat(signature.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
            assertThat(Secp256k1.recoverPublicKey(digest, signature)).isEqualTo(Secp256k1.publicKey(key));
            assertThat(Secp256k1.sign(digest, key)).isEqualTo(signature);
        }
    }

    @Test
    void highSSignaturesAreNotAccepted() {
        byte[] key = Hex.decode((String) SIGS.get("private_key"));
        byte[] digest = Hashes.sha256(new byte[] {9});
        RecoverableSignature low = Secp256k1.sign(digest, key);
        RecoverableSignature high = new RecoverableSignature(low.r(), Secp256k1.N.subtract(low.s()), low.recoveryId() ^ 1);
        assertThat(Secp256k1.verify(digest, high, Secp256k1.publicKey(key))).isFalse();
    }

    @Test
    void invalidInputsAreRejected() {
        assertThat(Secp256k1.isValidPrivateKey(new byte[32])).isFalse();
        assertThat(Secp256k1.isValidPrivateKey(toBytes32(Secp256k1.N))).isFalse();
        assertThat(Secp256k1.isValidPrivateKey(toBytes32(Secp256k1.N.subtract(BigInteger.ONE)))).isTrue();
        assertThatThrownBy(() -> Secp256k1.sign(new byte[31], toBytes32(BigInteger.ONE))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> RecoverableSignature.fromBytes(new byte[64])).hasMessageContaining("65 bytes");
        byte[] badV = new byte[65];
        badV[31] = 1;
        badV[63] = 1;
        badV[64] = 5;
        assertThatThrownBy(() -> RecoverableSignature.fromBytes(badV)).hasMessageContaining("v must be");
        assertThatThrownBy(() -> RecoverableSignature.fromBytes(new byte[65])).hasMessageContaining("r out of range");
    }

    private static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        System.arraycopy(raw, skip, out, 32 - (raw.length - skip), raw.length - skip);
        return out;
    }
}
