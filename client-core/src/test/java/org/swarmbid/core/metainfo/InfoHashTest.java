package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InfoHashTest {
    // SHA-1("abc") from FIPS 180-2 appendix A.1; base32 and percent forms computed with Python's base64 and
    // urllib.parse.quote(safe='-._~').
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sha1OfKnownVectorInAllTextForms() {
        InfoHash h = InfoHash.sha1(ABC, 0, 3);
        assertThat(h.hex()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(h.base32()).isEqualTo("VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
        assertThat(h.urlEncoded()).isEqualTo("%A9%99%3E6G%06%81j%BA%3E%25qxP%C2l%9C%D0%D8%9D");
        assertThat(InfoHash.sha1(new byte[0], 0, 0).urlEncoded())
                .isEqualTo("%DA9%A3%EE%5EkK%0D2U%BF%EF%95%60%18%90%AF%D8%07%09");
        assertThat(h.toString()).isEqualTo(h.hex());
    }

    @Test
    void parsesHexAndBase32EitherCase() {
        InfoHash h = InfoHash.sha1(ABC, 0, 3);
        assertThat(InfoHash.fromHex("A9993E364706816ABA3E25717850C26C9CD0D89D")).isEqualTo(h);
        assertThat(InfoHash.fromBase32("vgmt4nsha2awvor6evyxqugcnsonbwe5")).isEqualTo(h).hasSameHashCodeAs(h);
        assertThat(InfoHash.of(h.bytes())).isEqualTo(h).isNotEqualTo(InfoHash.of(new byte[20]));
    }

    @Test
    void rejectsBadText() {
        assertThatThrownBy(() -> InfoHash.fromHex("abc")).hasMessage("info-hash hex must be 40 characters, not 3");
        assertThatThrownBy(() -> InfoHash.fromHex("g9993e364706816aba3e25717850c26c9cd0d89d"))
                .hasMessage("info-hash hex contains a non-hex character");
        assertThatThrownBy(() -> InfoHash.fromBase32("VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE1"))
                .hasMessage("info-hash base32 contains a character outside A-Z and 2-7");
        assertThatThrownBy(() -> InfoHash.of(new byte[19])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAreCopied() {
        byte[] b = new byte[20];
        InfoHash h = InfoHash.of(b);
        b[0] = 1;
        h.bytes()[1] = 1;
        assertThat(h.bytes()).isEqualTo(new byte[20]);
    }

    @Property(tries = 200)
    void textFormsRoundTrip(@ForAll @Size(20) byte[] bytes) {
        InfoHash h = InfoHash.of(bytes);
        assertThat(InfoHash.fromHex(h.hex())).isEqualTo(h);
        assertThat(InfoHash.fromBase32(h.base32())).isEqualTo(h);
        assertThat(java.net.URLDecoder.decode(h.urlEncoded().replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                .getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(bytes);
        assertThat(h.compareTo(InfoHash.of(bytes))).isZero();
    }
}
