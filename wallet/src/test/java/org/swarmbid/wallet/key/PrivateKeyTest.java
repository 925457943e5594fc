package org.swarmbid.wallet.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.crypto.TestVectors;

class PrivateKeyTest {
    private static final Map<String, Object> VECTORS = TestVectors.load("tron-vectors.json");

    @Test
    void everyPublishedPrivateKeyDerivesItsAddress() {
        List<Map<String, Object>> entries = TestVectors.list(VECTORS, "private_key_to_address");
        assertThat(entries).hasSize(4);
        for (Map<String, Object> entry : entries) {
            try (PrivateKey key = PrivateKey.fromHex((String) entry.get("private_key"))) {
                assertThat(key.address().toBase58()).as((String) entry.get("source")).isEqualTo(entry.get("address"));
                if (entry.containsKey("address_hex")) {
                    assertThat(key.address().toHex()).isEqualTo(entry.get("address_hex"));
                }
            }
        }
    }

    @Test
    void toStringNeverShowsTheKeyAndDestroyWipes() {
        String hex = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54";
        PrivateKey key = PrivateKey.fromHex("  0x" + hex + "\n");
        assertThat(key.toString()).doesNotContain(hex).doesNotContain(hex.substring(0, 8))
                .contains("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
        byte[] copy = key.toBytes();
        assertThat(copy).isEqualTo(org.swarmbid.wallet.crypto.Hex.decode(hex));
        key.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::toBytes).isInstanceOf(IllegalStateException.class).hasMessage("private key has been destroyed");
        assertThatThrownBy(() -> key.sign(new byte[32])).isInstanceOf(IllegalStateException.class);
        assertThat(key.address().toBase58()).isEqualTo("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    }

    @Test
    void signaturesRecoverToTheKeysAddress() {
        try (PrivateKey key = PrivateKey.generate(new SecureRandom())) {
            byte[] digest = Hashes.sha256(new byte[] {4, 2});
            byte[] recovered = Secp256k1.recoverPublicKey(digest, key.sign(digest));
            assertThat(TronAddress.fromPublicKey(recovered)).isEqualTo(key.address());
        }
    }

    @Test
    void badHexIsRejectedWithoutEchoingIt() {
        String sixtyThree = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa5";
        assertThatThrownBy(() -> PrivateKey.fromHex(sixtyThree))
                .hasMessage("private key must be 64 hex digits, got 63");
        String nonHex = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aaZZ";
        assertThatThrownBy(() -> PrivateKey.fromHex(nonHex))
                .hasMessage("invalid hex character at position 62");
        assertThatThrownBy(() -> PrivateKey.fromHex("0".repeat(64)))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> PrivateKey.fromHex("ff".repeat(32)))
                .hasMessageContaining("out of range");
    }
}
