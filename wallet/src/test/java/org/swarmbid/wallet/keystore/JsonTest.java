package org.swarmbid.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    @SuppressWarnings("unchecked")
    void parsesTheSubsetWeNeed() {
        Object v = Json.parse(" {\"a\": [1, -2, true, false, null, \"x\\u0041\\n\\\"\"], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat((List<Object>) m.get("a")).containsExactly(BigInteger.ONE, BigInteger.valueOf(-2), true, false, Json.NULL, "xA\n\"");
        assertThat((Map<?, ?>) m.get("b")).isEmpty();
    }

    @Test
    void writeThenParseRoundTrips() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote\" back\\ ctl\u0001");
        m.put("n", 262144);
        m.put("l", List.of("a", BigInteger.TEN));
        m.put("o", Map.of("k", true));
        assertThat(Json.parse(Json.write(m))).isEqualTo(Map.of("s", "quote\" back\\ ctl\u0001",
                "n", BigInteger.valueOf(262144), "l", List.of("a", BigInteger.TEN), "o", Map.of("k", true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1.5}|fraction or exponent",
        "{\"a\": 1e9}|fraction or exponent",
        "{\"a\": 01}|leading zero",
        "{\"a\": 1,}|expected a string key",
        "{\"a\": 1} x|unexpected content after",
        "{\"a\": 1, \"a\": 2}|duplicate key \"a\"",
        "[1 2]|expected ',' or ']'",
        "{\"a\": tru}|invalid literal",
        "\"unterminated|unterminated string",
        "{'a': 1}|expected a string key",
        "{\"a\": 123456789012345678901234567890123456789012345}|number too long",
        "// comment|unexpected character",
    })
    void rejectsNonStrictInput(String input, String message) {
        assertThatThrownBy(() -> Json.parse(input)).isInstanceOf(Json.JsonException.class).hasMessageContaining(message);
    }

    @Test
    void boundsDepthAndSize() {
        assertThatThrownBy(() -> Json.parse("[".repeat(17) + "]".repeat(17))).hasMessageContaining("nesting deeper");
        assertThat(Json.parse("[".repeat(16) + "]".repeat(16))).isNotNull();
        assertThatThrownBy(() -> Json.parse("\"" + "a".repeat(Json.MAX_INPUT) + "\"")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Json.parse("\"a\u0001\"")).hasMessageContaining("control character");
    }
}
