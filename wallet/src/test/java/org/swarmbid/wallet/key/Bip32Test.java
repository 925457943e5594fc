package org.swarmbid.wallet.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.crypto.Base58Check;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.TestVectors;

class Bip32Test {
    @Test
    void officialBip32VectorsDeriveToTheirExtendedKeys() {
        List<Map<String, Object>> vectors = TestVectors.list(TestVectors.load("bip32-test-vectors.json"), "vectors");
        int chains = 0;
        for (Map<String, Object> vector : vectors) {
            byte[] seed = Hex.decode((String) vector.get("seed"));
            try (ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(seed)) {
                for (Map<String, Object> chain : TestVectors.list(vector, "chains")) {
                    DerivationPath path = DerivationPath.parse((String) chain.get("path"));
                    byte[] xprv = Base58Check.decode((String) chain.get("xprv"));
                    try (ExtendedPrivateKey key = master.derive(path)) {
                        String name = (String) chain.get("path");
                        assertThat(key.depth()).as(name).isEqualTo(xprv[4] & 0xff);
                        int child = ((xprv[9] & 0xff) << 24) | ((xprv[10] & 0xff) << 16) | ((xprv[11] & 0xff) << 8) | (xprv[12] & 0xff);
                        assertThat(key.childNumber()).as(name).isEqualTo(child);
                        assertThat(key.chainCode()).as(name).isEqualTo(Arrays.copyOfRange(xprv, 13, 45));
                        assertThat(key.privateKeyBytes()).as(name).isEqualTo(Arrays.copyOfRange(xprv, 46, 78));
                    }
                    chains++;
                }
            }
        }
        assertThat(chains).isEqualTo(12);
    }

    @Test
    void pathsParseAndPrint() {
        assertThat(DerivationPath.tron(7).toString()).isEqualTo("m/44'/195'/0'/0/7");
        assertThat(DerivationPath.parse("m/44h/195H/0'/0/7")).isEqualTo(DerivationPath.tron(7));
        assertThat(DerivationPath.parse("m").indices()).isEmpty();
        assertThatThrownBy(() -> DerivationPath.parse("44'/195'")).hasMessageContaining("start with \"m\"");
        assertThatThrownBy(() -> DerivationPath.parse("m/44'/x")).hasMessage("derivation path component 2 is not a decimal index");
        assertThatThrownBy(() -> DerivationPath.parse("m/2147483648")).hasMessageContaining("below 2^31");
        assertThatThrownBy(() -> DerivationPath.parse("m//1")).hasMessageContaining("component 1");
        assertThatThrownBy(() -> DerivationPath.tron(-1)).hasMessageContaining("address index");
    }

    @Test
    void seedLengthIsChecked() {
        assertThatThrownBy(() -> ExtendedPrivateKey.fromSeed(new byte[15])).hasMessageContaining("16..64 bytes");
    }
}
