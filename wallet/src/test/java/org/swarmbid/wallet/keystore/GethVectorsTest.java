package org.swarmbid.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.TestVectors;
import org.swarmbid.wallet.key.PrivateKey;

/** go-ethereum's v3 keystore test vectors (accounts/keystore/testdata/v3_test_vector.json). */
class GethVectorsTest {
    private static final Map<String, Object> VECTORS = TestVectors.load("geth-keystore-v3.json");
    private static final Keystore KEYSTORE = Keystore.withScryptCost(1024, 8, 1, new java.security.SecureRandom());

    @ParameterizedTest
    @ValueSource(strings = {"wikipage_test_vector_pbkdf2", "31_byte_key", "30_byte_key"})
    void gethVectorsDecryptToTheirKeys(String name) throws Exception {
        Map<String, Object> vector = TestVectors.obj(VECTORS, name);
        KeystoreDocument doc = KeystoreDocument.parse(Json.write(vector.get("json")));
        String priv = (String) vector.get("priv");
        String padded = "0".repeat(64 - priv.length()) + priv;
        try (PrivateKey key = KEYSTORE.decryptKey(doc, ((String) vector.get("password")).toCharArray())) {
            assertThat(Hex.encode(key.toBytes())).isEqualTo(padded);
        }
        assertThatThrownBy(() -> KEYSTORE.decryptKey(doc, "not the password".toCharArray()))
                .isInstanceOf(WrongPasswordException.class).hasMessage("wrong password");
    }

    @Test
    void wikiScryptVectorIsRefusedClearlyBecauseItBreaksRfc7914sBound() {
        Map<String, Object> vector = TestVectors.obj(VECTORS, "wikipage_test_vector_scrypt");
        assertThatThrownBy(() -> KeystoreDocument.parse(Json.write(vector.get("json"))))
                .isInstanceOfSatisfying(InvalidKeystoreException.class,
                        e -> assertThat(e.field()).isEqualTo("crypto.kdfparams.n"))
                .hasMessageContaining("n must be below 2^(16*r) = 65536 (RFC 7914), got n=262144, r=1");
    }
}
