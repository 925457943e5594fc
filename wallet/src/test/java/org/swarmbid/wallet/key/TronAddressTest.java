package org.swarmbid.wallet.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.wallet.crypto.Base58Check;
import org.swarmbid.wallet.crypto.TestVectors;

class TronAddressTest {
    private static final Map<String, Object> VECTORS = TestVectors.load("tron-vectors.json");

    @Test
    void fixedAddressesConvertBetweenBase58AndHex() {
        List<Map<String, Object>> entries = TestVectors.list(TestVectors.obj(VECTORS, "fixed_addresses"), "entries");
        assertThat(entries).hasSize(2);
        for (Map<String, Object> entry : entries) {
            String base58 = (String) entry.get("address");
            String hex = (String) entry.get("address_hex");
            TronAddress fromBase58 = TronAddress.parse(base58);
            TronAddress fromHex = TronAddress.parse(hex);
            assertThat(fromBase58).isEqualTo(fromHex);
            assertThat(fromBase58.toHex()).isEqualTo(hex);
            assertThat(fromHex.toBase58()).isEqualTo(base58);
            assertThat(TronAddress.parse("0x" + hex.toUpperCase())).isEqualTo(fromBase58);
            assertThat(TronAddress.fromEvmBytes(fromBase58.toEvmBytes())).isEqualTo(fromBase58);
            assertThat(fromBase58.toEvmBytes()).hasSize(20);
        }
    }

    @Test
    void aSingleMistypedCharacterIsCaughtByTheChecksum() {
        String good = "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV";
        String typo = "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVW";
        assertThatThrownBy(() -> TronAddress.parse(typo))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("TRON address checksum mismatch: a character is mistyped");
        String swapped = "THTR75o8xXAgCTQqpiot2AFRAjvW1tSVbV";
        assertThatThrownBy(() -> TronAddress.parse(swapped)).hasMessageContaining("checksum mismatch");
        assertThat(TronAddress.parse(good).toBase58()).isEqualTo(good);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbV|TRON address must be 34 characters, got 33",
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVVV|TRON address must be 34 characters, got 35",
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSb0V|TRON address: invalid Base58 character '0' at position 32 (Base58 has no zero or capital O)",
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbIV|TRON address: invalid Base58 character 'I' at position 32 (Base58 has no capital I or lower-case L)",
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSblV|TRON address: invalid Base58 character 'l' at position 32 (Base58 has no capital I or lower-case L)",
        "THTR75o8xXAgCTQqpiot2AFRAjvW1tSbO-|TRON address: invalid Base58 character 'O' at position 32 (Base58 has no zero or capital O)",
        // a Bitcoin P2PKH address: valid Base58Check, 21-byte payload, but prefix 0x00
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa|not a TRON address: prefix byte is 0x00, expected 0x41 (TRON addresses start with 'T')",
        "421ea197907927725ef36d70f25f850d1659c7c7c7aa|hex TRON address must be 42 hex digits, got 44",
        "42521ea197907927725ef36d70f25f850d1659c7c7|TRON address must start with byte 0x41, got 0x42",
    })
    void malformedAddressesGetPreciseMessages(String input, String message) {
        assertThatThrownBy(() -> TronAddress.parse(input))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage(message);
    }

    @Test
    void emptyWhitespaceAndWrongPayloadLengthAreRejected() {
        assertThatThrownBy(() -> TronAddress.parse("")).hasMessage("TRON address is empty");
        assertThatThrownBy(() -> TronAddress.parse(" THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV"))
                .hasMessage("TRON address contains whitespace at position 0");
        // 34 Base58 characters with a valid checksum but a 22-byte payload
        byte[] longer = new byte[22];
        longer[0] = 0x41;
        String encoded = Base58Check.encode(longer);
        if (encoded.length() == 34) {
            assertThatThrownBy(() -> TronAddress.parse(encoded)).hasMessageContaining("expected 21");
        }
        assertThatThrownBy(() -> TronAddress.fromBytes(new byte[20])).hasMessage("TRON address must be 21 bytes, got 20");
    }

    @Test
    void equalityAndOrderingAreByBytes() {
        TronAddress a = TronAddress.parse("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
        TronAddress b = TronAddress.parse("TW1dU4L3eNm7Lw8WvieLKEHpXWAussRG9Z");
        assertThat(a).isNotEqualTo(b).hasSameHashCodeAs(TronAddress.parse(a.toHex()));
        assertThat(a.compareTo(b)).isNegative();
        assertThat(a.toString()).isEqualTo("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
    }
}
