package org.swarmbid.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.PrivateKey;

class KeystoreTest {
    static final Keystore LIGHT = Keystore.withScryptCost(1024, 8, 1, new SecureRandom());
    private static final String KEY_HEX = "8d596057e510b14cbb9bf24f88803a6d6dbd138dd303a62b175b9e6cc0f3f941";

    @Test
    void encryptThenDecryptRoundTripsKeyAndMnemonic() throws Exception {
        try (Mnemonic mnemonic = Mnemonic.parse("cook voyage document eight skate token alien guide drink uncle term abuse");
                PrivateKey key = mnemonic.deriveTronKey(new char[0], 0)) {
            KeystoreDocument doc = LIGHT.encrypt(key, mnemonic, "pw".toCharArray());
            KeystoreDocument reread = KeystoreDocument.parse(doc.toJson());
            assertThat(reread.id()).isEqualTo(doc.id());
            assertThat(reread.address()).contains(key.address());
            try (PrivateKey back = LIGHT.decryptKey(reread, "pw".toCharArray());
                    Mnemonic words = LIGHT.decryptMnemonic(reread, "pw".toCharArray()).orElseThrow()) {
                assertThat(back.toBytes()).isEqualTo(key.toBytes());
                assertThat(words.words()).isEqualTo(mnemonic.words());
            }
            assertThat(doc.toJson()).contains("\"n\": 1024").contains("\"x-swarmbid-mnemonic\"")
                    .contains("\"cipher\": \"aes-128-ctr\"");
        }
    }

    @Test
    void freshSaltAndIvEveryTime() {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            KeystoreDocument a = LIGHT.encrypt(key, null, "pw".toCharArray());
            KeystoreDocument b = LIGHT.encrypt(key, null, "pw".toCharArray());
            assertThat(a.crypto().kdf().salt()).isNotEqualTo(b.crypto().kdf().salt());
            assertThat(a.toJson()).isNotEqualTo(b.toJson());
            assertThat(a.mnemonic()).isEmpty();
        }
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            KeystoreDocument doc = LIGHT.encrypt(key, null, "right".toCharArray());
            assertThatThrownBy(() -> LIGHT.decryptKey(doc, "wrong".toCharArray()))
                    .isInstanceOf(WrongPasswordException.class).hasMessage("wrong password");
            assertThatThrownBy(() -> LIGHT.changePassword(doc, "wrong".toCharArray(), "new".toCharArray()))
                    .isInstanceOf(WrongPasswordException.class);
        }
    }

    @Test
    void changePasswordKeepsIdAndKey() throws Exception {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            KeystoreDocument doc = LIGHT.encrypt(key, null, "old".toCharArray());
            KeystoreDocument changed = LIGHT.changePassword(doc, "old".toCharArray(), "new".toCharArray());
            assertThat(changed.id()).isEqualTo(doc.id());
            assertThatThrownBy(() -> LIGHT.decryptKey(changed, "old".toCharArray())).isInstanceOf(WrongPasswordException.class);
            try (PrivateKey back = LIGHT.decryptKey(changed, "new".toCharArray())) {
                assertThat(back.address()).isEqualTo(key.address());
            }
        }
    }

    @Test
    void unicodePasswordsAreUtf8() throws Exception {
        char[] password = "pässwörd \uD83D\uDD11".toCharArray();
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            KeystoreDocument doc = LIGHT.encrypt(key, null, password);
            try (PrivateKey back = LIGHT.decryptKey(doc, "pässwörd \uD83D\uDD11".toCharArray())) {
                assertThat(back.address()).isEqualTo(key.address());
            }
        }
        assertThatThrownBy(() -> LIGHT.decryptKey(null, new char[] {'\uD800'})).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addressMismatchIsDetected() throws Exception {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            String json = LIGHT.encrypt(key, null, "pw".toCharArray()).toJson()
                    .replace(key.address().toBase58(), "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
            KeystoreDocument doc = KeystoreDocument.parse(json);
            assertThatThrownBy(() -> LIGHT.decryptKey(doc, "pw".toCharArray()))
                    .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo("address"))
                    .hasMessage("invalid keystore: address does not match the decrypted key");
        }
    }

    /** Hostile or corrupt documents: each gets a message naming the field, before any expensive work. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"version\": 3|\"version\": 4|version|must be 3, got 4",
        "\"version\": 3|\"version\": \"3\"|version|must be an integer",
        "\"n\": 1024|\"n\": 2097152|crypto.kdfparams.n|n must be a power of two in [2, 1048576], got 2097152",
        "\"n\": 1024|\"n\": 1000|crypto.kdfparams.n|n must be a power of two",
        "\"n\": 1024|\"n\": 1048576|crypto.kdfparams.n|needs 1024 MiB (max 256 MiB)",
        "\"n\": 1024|\"n\": 99999999999999999999|crypto.kdfparams.n|must be in [0, 2147483647]",
        "\"n\": 1024|\"n\": 1e6|''|fraction or exponent",
        "\"r\": 8|\"r\": 1000|crypto.kdfparams.r|r must be in [1, 32], got 1000",
        "\"p\": 1|\"p\": 64|crypto.kdfparams.p|p must be in [1, 16], got 64",
        "\"dklen\": 32|\"dklen\": 64|crypto.kdfparams.dklen|must be 32, got 64",
        "\"kdf\": \"scrypt\"|\"kdf\": \"argon2\"|crypto.kdf|must be \"scrypt\" or \"pbkdf2\"",
        "\"cipher\": \"aes-128-ctr\"|\"cipher\": \"aes-128-cbc\"|crypto.cipher|must be \"aes-128-ctr\"",
        "\"mac\": \"|\"mac\": \"00|crypto.mac|must be 32 bytes, got 33",
        "\"iv\": \"|\"iv\": \"zz|crypto.cipherparams.iv|is not hex: invalid hex character at position 0",
        "\"id\": \"|\"id\": \"not-a-uuid-|id|must be a UUID",
        "\"salt\": \"|\"salt\": \"000000000000000000000000000000000000000000000000000000000000000000|crypto.kdfparams.salt|must be 16..64 bytes, got 65",
        "\"kdfparams\"|\"kdfparamz\"|crypto.kdfparams|is missing",
    })
    void corruptFieldsAreNamed(String from, String to, String field, String message) {
        String json;
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            json = LIGHT.encrypt(key, null, "pw".toCharArray()).toJson();
        }
        assertThat(json).contains(from);
        String corrupt = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThatThrownBy(() -> KeystoreDocument.parse(corrupt))
                .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field)
                .hasMessageContaining(message);
    }

    @Test
    void pbkdf2IterationCapAndPrfAreEnforced() {
        String base = "{\"version\":3,\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"crypto\":{\"cipher\":\"aes-128-ctr\","
                + "\"cipherparams\":{\"iv\":\"6087dab2f9fdbbfaddc31a909735c1e6\"},\"ciphertext\":\"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46\","
                + "\"kdf\":\"pbkdf2\",\"kdfparams\":{\"c\":C,\"dklen\":32,\"prf\":\"PRF\",\"salt\":\"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd\"},"
                + "\"mac\":\"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2\"}}";
        assertThatThrownBy(() -> KeystoreDocument.parse(base.replace("C", "10000001").replace("PRF", "hmac-sha256")))
                .hasMessage("invalid keystore: crypto.kdfparams.c must be in [1, 10000000], got 10000001");
        assertThatThrownBy(() -> KeystoreDocument.parse(base.replace("C", "1000").replace("PRF", "hmac-sha512")))
                .hasMessage("invalid keystore: crypto.kdfparams.prf must be \"hmac-sha256\"");
        assertThatThrownBy(() -> KeystoreDocument.parse(base.replace("\"crypto\"", "\"cryptx\"").replace("C", "1").replace("PRF", "x")))
                .hasMessage("invalid keystore: crypto is missing");
        assertThatThrownBy(() -> KeystoreDocument.parse("[]")).hasMessage("invalid keystore: must be a JSON object");
        assertThatThrownBy(() -> KeystoreDocument.parse("{\"version\": 3,")).hasMessageStartingWith("invalid keystore: invalid JSON");
    }

    @Test
    void keyCiphertextLongerThan32BytesIsRefused() throws Exception {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            String json = LIGHT.encrypt(key, null, "pw".toCharArray()).toJson();
            Map<?, ?> root = (Map<?, ?>) Json.parse(json);
            String ct = (String) ((Map<?, ?>) root.get("crypto")).get("ciphertext");
            String corrupt = json.replace(ct, ct + "00");
            assertThatThrownBy(() -> KeystoreDocument.parse(corrupt))
                    .hasMessage("invalid keystore: crypto.ciphertext must be at most 32 bytes for a private key");
        }
    }

    @Test
    @Tag("slow")
    void standardCostIsGethStandardAndRoundTrips() throws Exception {
        Keystore standard = Keystore.standard();
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            KeystoreDocument doc = standard.encrypt(key, null, "pw".toCharArray());
            KdfParams.Scrypt kdf = (KdfParams.Scrypt) doc.crypto().kdf();
            assertThat(kdf.n()).isEqualTo(262144);
            assertThat(kdf.r()).isEqualTo(8);
            assertThat(kdf.p()).isEqualTo(1);
            long start = System.nanoTime();
            try (PrivateKey back = standard.decryptKey(KeystoreDocument.parse(doc.toJson()), "pw".toCharArray())) {
                assertThat(back.address()).isEqualTo(key.address());
            }
            org.slf4j.LoggerFactory.getLogger(KeystoreTest.class)
                    .info("standard scrypt unlock took {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(Optional.empty()).isEmpty();
    }
}
