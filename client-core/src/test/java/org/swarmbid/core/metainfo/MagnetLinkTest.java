package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BencodeWriter;

class MagnetLinkTest {
    private static final String HEX = "a9993e364706816aba3e25717850c26c9cd0d89d";
    private static final String B32 = "VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5";

    @Test
    void parsesHexWithNameAndRepeatedTrackers() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&dn=My+Film%20%C3%9C"
                + "&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr=udp://127.0.0.1:1337&tr.1=udp://127.0.0.1:1337"
                + "&tr.2=http://127.0.0.1/a+b&ws=http%3A%2F%2F127.0.0.1%2Fseed&xl=123&x.pe=127.0.0.1:6881");
        assertThat(m.infoHash().hex()).isEqualTo(HEX);
        assertThat(m.displayName()).contains("My Film Ü");
        assertThat(m.trackers()).containsExactly("http://127.0.0.1:6969/announce", "udp://127.0.0.1:1337",
                "http://127.0.0.1/a+b");
        assertThat(m.webSeeds()).containsExactly("http://127.0.0.1/seed");
    }

    @Test
    void parsesBase32AndUppercaseScheme() {
        MagnetLink m = MagnetLink.parse("MAGNET:?XT=urn:BTIH:" + B32.toLowerCase());
        assertThat(m.infoHash().hex()).isEqualTo(HEX);
        assertThat(m.displayName()).isEmpty();
        assertThat(m.trackers()).isEmpty();
    }

    @Test
    void hybridLinkWithV1AndV2HashesUsesV1() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btmh:1220" + "ab".repeat(32) + "&xt=urn:btih:" + HEX);
        assertThat(m.infoHash().hex()).isEqualTo(HEX);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        http://127.0.0.1/x.torrent                    | not a magnet link: it must start with 'magnet:?'
        magnet:?dn=x&tr=udp://127.0.0.1:1             | magnet link has no xt=urn:btih: parameter
        magnet:?xt=urn:sha1:abc                       | magnet link has no xt=urn:btih: parameter
        magnet:?xt=urn:btmh:1220abcd                  | magnet link has only a v2 urn:btmh: hash (BEP 52), which is not supported
        magnet:?xt=urn:btih:abc                       | urn:btih: info-hash must be 40 hex or 32 base32 characters, not 3
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89z | info-hash hex contains a non-hex character
        magnet:?xt=urn:btih:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE1 | info-hash base32 contains a character outside A-Z and 2-7
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&dn=%4 | magnet parameter dn has a bad percent-escape at character 0
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&dn=%zz | magnet parameter dn has a bad percent-escape at character 0
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&dn=%C3 | magnet parameter dn is not valid UTF-8
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&dn=a%0Ab | magnet parameter dn contains a control character
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&tr | magnet parameter 'tr' has no name=value
        magnet:?xt=urn:btih:a9993e364706816aba3e25717850c26c9cd0d89d&xt=urn:btih:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE6 | magnet link has two different urn:btih: info-hashes
        """)
    void rejectsWithClearMessage(String uri, String message) {
        assertThatThrownBy(() -> MagnetLink.parse(uri)).isInstanceOf(MetainfoException.class).hasMessage(message);
    }

    @Test
    void boundsLengthAndTrackerCount() {
        assertThatThrownBy(() -> MagnetLink.parse("magnet:?" + "x".repeat(MagnetLink.MAX_LENGTH)))
                .hasMessage("magnet link is 65544 characters, more than 65536");
        StringBuilder sb = new StringBuilder("magnet:?xt=urn:btih:" + HEX);
        for (int i = 0; i <= MagnetLink.MAX_TRACKERS; i++) {
            sb.append("&tr=udp://127.0.0.1:").append(i + 1);
        }
        assertThatThrownBy(() -> MagnetLink.parse(sb.toString())).hasMessage("magnet link has more than 200 trackers");
    }

    @Test
    void madeFromMetainfo() {
        BDict info = BDict.builder().put("name", "n a").put("length", 5).put("piece length", 16384)
                .put("pieces", new byte[20]).build();
        Metainfo meta = MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info)
                .put("announce", "http://127.0.0.1:1/a").build()));
        MagnetLink m = MagnetLink.of(meta);
        assertThat(m.toUri()).isEqualTo("magnet:?xt=urn:btih:" + meta.infoHash().hex()
                + "&dn=n%20a&tr=http%3A%2F%2F127.0.0.1%3A1%2Fa");
    }

    @Property(tries = 200)
    void toUriRoundTrips(@ForAll @Size(20) byte[] hash, @ForAll @StringLength(max = 30) String name,
            @ForAll @Size(max = 4) List<@StringLength(min = 1, max = 30) String> trackers) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        List<String> trs = trackers.stream().filter(t -> t.chars().noneMatch(
                c -> Character.isISOControl(c) || Character.isSurrogate((char) c))).distinct().toList();
        MagnetLink m = new MagnetLink(InfoHash.of(hash), Optional.of(clean), trs, List.of());
        assertThat(MagnetLink.parse(m.toUri())).isEqualTo(m);
    }
}
