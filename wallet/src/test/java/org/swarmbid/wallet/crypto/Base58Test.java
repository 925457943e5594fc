package org.swarmbid.wallet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base58Test {
    /** Pairs from Bitcoin Core's src/test/data/base58_encode_decode.json. */
    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "61, 2g",
        "626262, a3gV",
        "636363, aPEr",
        "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "516b6fcd0f, ABnLTmg",
        "bf4f89001e670274dd, 3SEo3LWLoPntC",
        "572e4794, 3EFU7m",
        "ecac89cad93923c02321, EJDM8drfXA6uyA",
        "10c8511e, Rt5zm",
        "00000000000000000000, 1111111111",
    })
    void bitcoinCoreVectors(String hex, String base58) {
        assertThat(Base58.encode(Hex.decode(hex))).isEqualTo(base58);
        assertThat(Hex.encode(Base58.decode(base58))).isEqualTo(hex);
    }

    @Test
    void randomRoundTripsIncludingLeadingZeros() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            if (data.length > 2 && random.nextBoolean()) {
                data[0] = 0;
                data[1] = 0;
            }
            assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
            assertThat(Base58Check.decode(Base58Check.encode(concat(data, new byte[] {1})))).isEqualTo(concat(data, new byte[] {1}));
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 3", "O, 3", "I, 3", "l, 3", "+, 3", "' ', 3"})
    void invalidCharactersAreNamedWithPosition(String bad, int position) {
        String text = "abc" + bad + "def";
        assertThatThrownBy(() -> Base58.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Base58 character")
                .hasMessageContaining("at position " + position);
    }

    @Test
    void nonAsciiIsRejectedAsCodePoint() {
        assertThatThrownBy(() -> Base58.decode("ab\u0422c")).hasMessageContaining("U+0422 at position 2");
    }

    @Test
    void overlongInputIsRejectedBeforeWork() {
        assertThatThrownBy(() -> Base58.decode("2".repeat(Base58.MAX_ENCODED_LENGTH + 1)))
                .hasMessageContaining("too long");
    }

    @Test
    void checksumMismatchIsDetected() {
        String good = Base58Check.encode(new byte[] {0x41, 1, 2, 3});
        char last = good.charAt(good.length() - 1);
        String bad = good.substring(0, good.length() - 1) + (last == '2' ? '3' : '2');
        assertThatThrownBy(() -> Base58Check.decode(bad))
                .isInstanceOf(Base58Check.ChecksumException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
