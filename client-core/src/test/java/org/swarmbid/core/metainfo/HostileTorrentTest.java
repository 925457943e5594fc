package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each committed hostile torrent is rejected with exactly the expected one-line message. */
class HostileTorrentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        path-traversal.torrent              | file 3: path element '..' is not allowed
        absolute-path.torrent               | file 0: path element '/etc/passwd' is an absolute path
        absolute-path-empty-element.torrent | file 0: path element is empty
        drive-letter.torrent                | file 0: path element 'C:\\x' starts with a drive letter
        backslash-traversal.torrent         | file 0: path element 'a\\..\\..\\x' contains '\\'
        name-traversal.torrent              | info.name '..' is not allowed
        negative-length.torrent             | info.length is negative
        negative-file-length.torrent        | file 1: length is negative
        length-overflow.torrent             | file 1: total length overflows a 64-bit integer
        pieces-not-multiple-of-20.torrent   | info.pieces is 59 bytes, not a multiple of 20
        piece-count-mismatch.torrent        | 4 piece hashes for 5 pieces
        deep-nesting.torrent                | not valid bencode: nesting deeper than 64 at offset 191
        deep-path.torrent                   | file 0: path has 10000 elements, more than 128
        truncated.torrent                   | not valid bencode: truncated input: string at offset 86 needs 6 bytes, 2 left
        wrong-type-length.torrent           | info.length must be an integer
        wrong-type-info.torrent             | info must be a dictionary
        wrong-type-path.torrent             | file 0: path must be a list
        wrong-type-announce-list.torrent    | announce-list tier 0 must be a list
        empty-name.torrent                  | info.name is empty
        zero-piece-length.torrent           | info.piece length is 0, must be positive
        huge-piece-length.torrent           | info.piece length is 1073741824, more than the limit of 268435456
        nul-in-name.torrent                 | info.name 'a\\u0000b' contains a NUL character
        control-character.torrent           | file 0: path element 'evil\\u001B[31m' contains control character U+001B
        long-element.torrent                | file 0: path element 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...(300 chars)' is 300 bytes, more than 255
        duplicate-path.torrent              | file 1: path 'a/b' is used twice
        file-as-directory.torrent           | file 1: path 'a/b' uses file 'a' as a directory
        not-a-dictionary.torrent            | torrent file is not a bencoded dictionary
        missing-info.torrent                | info dictionary is missing
        length-and-files.torrent            | info has both length and files
        zero-total-length.torrent           | total length is 0: the torrent has no data
        empty-files.torrent                 | info.files is empty
        v2-only.torrent                     | BitTorrent v2-only torrents (BEP 52) are not supported
        """)
    void rejectsWithExactMessage(String file, String message) throws IOException {
        byte[] data = resource(file);
        assertThatThrownBy(() -> MetainfoParser.parse(data))
                .isInstanceOf(MetainfoException.class)
                .hasMessage(message.replace("\\\\", "\\"))
                .message().doesNotContain("\n", "\r", "\u0000", "\u001b");
    }

    @Test
    void committedFixturesMatchTheGenerator() throws IOException {
        Map<String, byte[]> generated = HostileTorrentFixtures.all();
        assertThat(generated).hasSize(32);
        for (Map.Entry<String, byte[]> e : generated.entrySet()) {
            assertThat(resource(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileTorrentTest.class.getResourceAsStream(HostileTorrentFixtures.DIR + name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
