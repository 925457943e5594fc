package org.swarmbid.core.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeReaderTest {
    private static final BencodeLimits L = BencodeLimits.PEER_MESSAGE;

    private static BValue read(String s) {
        return BencodeReader.decode(s.getBytes(StandardCharsets.ISO_8859_1), L);
    }

    @Test
    void readsTheFourShapes() {
        assertThat(read("i42e")).isEqualTo(BInteger.of(42));
        assertThat(read("i-7e")).isEqualTo(BInteger.of(-7));
        assertThat(read("i0e")).isEqualTo(BInteger.of(0));
        assertThat(read("4:spam")).isEqualTo(BString.of("spam"));
        assertThat(read("0:")).isEqualTo(BString.of(""));
        assertThat(read("l4:spami42ee")).isEqualTo(BList.of(BString.of("spam"), BInteger.of(42)));
        BDict d = (BDict) read("d3:cow3:moo4:spam4:eggse");
        assertThat(d.utf8("cow")).contains("moo");
        assertThat(d.utf8("spam")).contains("eggs");
        assertThat(read("i9223372036854775807e")).isEqualTo(BInteger.of(Long.MAX_VALUE));
        assertThat(read("i-9223372036854775808e")).isEqualTo(BInteger.of(Long.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "i03e|leading zero",
        "i-0e|negative zero",
        "ie|empty integer",
        "i-e|empty integer",
        "i1x2e|bad character",
        "i9223372036854775808e|out of range",
        "i-9223372036854775809e|out of range",
        "03:abc|leading zero",
        "5:abc|truncated",
        "l4:spam|truncated",
        "d3:cow3:moo|truncated",
        "d3:cow3:moo3:cow3:mooe|duplicate",
        "di1e3:mooe|not a byte string",
        "i1ei2e|trailing data",
        "x|unexpected byte",
        "''|truncated",
    })
    void rejectsMalformedInput(String input, String reason) {
        String in = input.equals("''") ? "" : input;
        assertThatThrownBy(() -> read(in)).isInstanceOf(BencodeException.class).hasMessageContaining(reason);
    }

    @Test
    void canonicalModeRejectsUnsortedKeys() {
        byte[] unsorted = "d4:spam4:eggs3:cow3:mooe".getBytes(StandardCharsets.US_ASCII);
        assertThat(BencodeReader.decode(unsorted, L)).isInstanceOf(BDict.class);
        assertThatThrownBy(() -> BencodeReader.decode(unsorted, L.strict()))
                .isInstanceOf(BencodeException.class).hasMessageContaining("not sorted");
    }

    @Test
    void boundsDepthTokensAndLength() {
        String deep = "l".repeat(17) + "e".repeat(17);
        assertThatThrownBy(() -> read(deep)).hasMessageContaining("nesting deeper than 16");
        BencodeLimits few = new BencodeLimits(1000, 8, 3, 100, false);
        assertThatThrownBy(() -> BencodeReader.decode("li1ei2ei3ee".getBytes(StandardCharsets.US_ASCII), few))
                .hasMessageContaining("more than 3 values");
        BencodeLimits shortStrings = new BencodeLimits(1000, 8, 100, 4, false);
        assertThatThrownBy(() -> BencodeReader.decode("5:abcde".getBytes(StandardCharsets.US_ASCII), shortStrings))
                .hasMessageContaining("longer than the limit");
        // a length that would overflow an int never allocates
        assertThatThrownBy(() -> read("99999999999999999999:x")).hasMessageContaining("longer than the limit");
        BencodeLimits tiny = new BencodeLimits(4, 8, 100, 4, false);
        assertThatThrownBy(() -> BencodeReader.decode("4:abcd".getBytes(StandardCharsets.US_ASCII), tiny))
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void reportsTopLevelSpans() {
        byte[] in = "d8:announce3:url4:infod4:name1:xee".getBytes(StandardCharsets.US_ASCII);
        BencodeReader.Decoded d = BencodeReader.decodeWithSpans(in, L);
        BencodeReader.Span info = d.span("info").orElseThrow();
        assertThat(new String(in, info.start(), info.length(), StandardCharsets.US_ASCII)).isEqualTo("d4:name1:xe");
    }

    @Test
    void decodesPrefixFollowedByRawBytes() {
        byte[] in = "d8:msg_typei1e5:piecei0eeRAWDATA".getBytes(StandardCharsets.US_ASCII);
        BencodeReader.Prefix p = BencodeReader.decodePrefix(in, 0, in.length, L);
        assertThat(new String(in, p.endOffset(), in.length - p.endOffset(), StandardCharsets.US_ASCII))
                .isEqualTo("RAWDATA");
    }

    @Test
    void typedGettersTellMissingFromWrongType() {
        BDict d = (BDict) read("d1:ai1e1:b1:xe");
        assertThat(d.integer("a")).contains(1L);
        assertThat(d.integer("zz")).isEmpty();
        assertThatThrownBy(() -> d.integer("b")).hasMessageContaining("key 'b' must be a integer");
    }

    @Property(tries = 300)
    void writerOutputIsCanonicalAndRoundTrips(@ForAll("values") BValue v) {
        byte[] enc = BencodeWriter.encode(v);
        BValue back = BencodeReader.decode(enc, new BencodeLimits(1 << 24, 64, 1 << 20, 1 << 20, true));
        assertThat(back).isEqualTo(v);
        assertThat(BencodeWriter.encode(back)).isEqualTo(enc);
    }

    @Provide
    Arbitrary<BValue> values() {
        return value(3);
    }

    private static Arbitrary<BValue> value(int depth) {
        Arbitrary<BValue> leaf = Arbitraries.oneOf(
                Arbitraries.longs().map(BInteger::of),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(BString::of));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<BValue> list = value(depth - 1).list().ofMaxSize(4).map(BList::new);
        Arbitrary<BValue> dict = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), value(depth - 1))
                .ofMaxSize(4).map(m -> {
                    BDict.Builder b = BDict.builder();
                    m.forEach(b::put);
                    return b.build();
                });
        return Arbitraries.oneOf(leaf, list, dict);
    }
}
