package org.swarmbid.wallet.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.crypto.Base58Check;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.TestVectors;

class MnemonicTest {
    @Test
    void wordListIsThePublishedOne() {
        assertThat(Bip39Wordlist.words()).hasSize(2048);
        assertThat(Bip39Wordlist.word(0)).isEqualTo("abandon");
        assertThat(Bip39Wordlist.word(2047)).isEqualTo("zoo");
        assertThat(Bip39Wordlist.indexOf("zoo")).isEqualTo(2047);
        assertThat(Bip39Wordlist.indexOf("zooo")).isEqualTo(-1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void officialTrezorVectorsEntropyToMnemonicToSeedToMasterKey() {
        Map<String, Object> file = TestVectors.load("bip39-trezor-english.json");
        char[] passphrase = ((String) file.get("passphrase")).toCharArray();
        List<List<String>> vectors = (List<List<String>>) file.get("english");
        assertThat(vectors).hasSize(24);
        for (List<String> v : vectors) {
            byte[] entropy = Hex.decode(v.get(0));
            try (Mnemonic fromEntropy = Mnemonic.fromEntropy(entropy);
                    Mnemonic parsed = Mnemonic.parse(v.get(1))) {
                assertThat(String.join(" ", fromEntropy.words())).isEqualTo(v.get(1));
                assertThat(new String(fromEntropy.toPhraseChars())).isEqualTo(v.get(1));
                assertThat(parsed.entropy()).isEqualTo(entropy);
                byte[] seed = parsed.toSeed(passphrase);
                assertThat(Hex.encode(seed)).isEqualTo(v.get(2));
                // xprv = version(4) depth(1) fingerprint(4) child(4) chaincode(32) 0x00 key(32)
                byte[] xprv = Base58Check.decode(v.get(3));
                try (ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(seed)) {
                    assertThat(master.chainCode()).isEqualTo(Arrays.copyOfRange(xprv, 13, 45));
                    assertThat(master.privateKeyBytes()).isEqualTo(Arrays.copyOfRange(xprv, 46, 78));
                }
            }
        }
    }

    @Test
    void publishedTronMnemonicsDeriveTheirAddresses() {
        List<Map<String, Object>> entries = TestVectors.list(TestVectors.load("tron-vectors.json"), "mnemonic_to_address");
        assertThat(entries).hasSize(3);
        for (Map<String, Object> entry : entries) {
            DerivationPath path = DerivationPath.parse((String) entry.get("path"));
            try (Mnemonic mnemonic = Mnemonic.parse((String) entry.get("mnemonic"));
                    PrivateKey key = mnemonic.deriveKey(((String) entry.get("passphrase")).toCharArray(), path)) {
                assertThat(key.address().toBase58()).as(entry.get("path").toString()).isEqualTo(entry.get("address"));
                if (entry.containsKey("private_key")) {
                    assertThat(Hex.encode(key.toBytes())).isEqualTo(entry.get("private_key"));
                }
                int index = path.indices().get(4);
                try (PrivateKey viaTron = mnemonic.deriveTronKey(new char[0], index)) {
                    assertThat(viaTron.address()).isEqualTo(key.address());
                }
            }
        }
    }

    @Test
    void unknownWordIsNamedByPositionNotByContent() {
        String phrase = "abandon abandon abandon abandon abandn abandon abandon abandon abandon abandon abandon about";
        assertThatThrownBy(() -> Mnemonic.parse(phrase))
                .isInstanceOfSatisfying(InvalidMnemonicException.class, e -> {
                    assertThat(e.problem()).isEqualTo(InvalidMnemonicException.Problem.UNKNOWN_WORD);
                    assertThat(e.position()).isEqualTo(5);
                })
                .hasMessage("mnemonic word 5 is not in the BIP-39 English word list")
                .message().doesNotContain("abandn");
    }

    @Test
    void wrongWordCountIsReported() {
        assertThatThrownBy(() -> Mnemonic.parse("abandon ".repeat(11)))
                .isInstanceOfSatisfying(InvalidMnemonicException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidMnemonicException.Problem.WRONG_WORD_COUNT))
                .hasMessage("mnemonic has 11 words; expected 12, 15, 18, 21 or 24");
        assertThatThrownBy(() -> Mnemonic.parse("")).hasMessageContaining("has 0 words");
        assertThatThrownBy(() -> Mnemonic.parse("zoo ".repeat(49))).hasMessageContaining("too many words");
    }

    @Test
    void badChecksumIsReported() {
        assertThatThrownBy(() -> Mnemonic.parse("abandon ".repeat(12)))
                .isInstanceOfSatisfying(InvalidMnemonicException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidMnemonicException.Problem.BAD_CHECKSUM))
                .hasMessage("mnemonic checksum does not match: a word is wrong or words are out of order");
        // two words swapped
        assertThatThrownBy(() -> Mnemonic.parse(
                "legal winner thank year wave sausage worth useful legal winner yellow thank"))
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void caseAndExtraWhitespaceAreTolerated() {
        try (Mnemonic m = Mnemonic.parse("  Abandon abandon\tabandon abandon abandon abandon\n abandon abandon abandon abandon abandon ABOUT ")) {
            assertThat(m.entropy()).isEqualTo(new byte[16]);
        }
    }

    @Test
    void generatedMnemonicsHave12Or24WordsAndRoundTrip() {
        SecureRandom random = new SecureRandom();
        for (int count : new int[] {12, 24}) {
            try (Mnemonic m = Mnemonic.generate(count, random);
                    Mnemonic again = Mnemonic.parse(String.join(" ", m.words()))) {
                assertThat(m.wordCount()).isEqualTo(count);
                assertThat(again.entropy()).isEqualTo(m.entropy());
            }
        }
        assertThatThrownBy(() -> Mnemonic.generate(13, random)).hasMessageContaining("12 or 24");
    }

    @Test
    void destroyWipesAndToStringIsRedacted() {
        Mnemonic m = Mnemonic.parse("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong");
        assertThat(m.toString()).isEqualTo("Mnemonic[12 words]").doesNotContain("zoo");
        m.destroy();
        assertThatThrownBy(m::words).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.toSeed(new char[0])).isInstanceOf(IllegalStateException.class);
    }
}
