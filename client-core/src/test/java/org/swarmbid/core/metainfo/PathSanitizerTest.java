package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathSanitizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        film.mkv        | film.mkv
        Ünïcødé 日本.txt | Ünïcødé 日本.txt
        ...x            | ...x
        .hidden         | .hidden
        CON             | _CON
        con.txt         | _con.txt
        Nul.tar.gz      | _Nul.tar.gz
        LPT9            | _LPT9
        COM0.log        | _COM0.log
        CONSOLE         | CONSOLE
        COM10           | COM10
        'AUX .txt'      | '_AUX .txt'
        'name. '        | name__
        trailing.       | trailing_
        ...             | ___
        'ab:c'          | ab_c
        'what?<*>|\"'   | what______
        """)
    void keepsOrRenames(String raw, String expected) {
        assertThat(PathSanitizer.element(raw, "path element")).isEqualTo(expected);
        assertThat(PathSanitizer.isSafeAsIs(raw)).isEqualTo(raw.equals(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ..                 | path element '..' is not allowed
        .                  | path element '.' is not allowed
        C:                 | path element 'C:' starts with a drive letter
        'z:evil'           | path element 'z:evil' starts with a drive letter
        /etc/passwd        | path element '/etc/passwd' is an absolute path
        '\\\\server\\share' | path element '\\\\server\\share' is an absolute path
        a/b                | path element 'a/b' contains '/'
        '..\\x'            | path element '..\\x' contains '\\'
        """)
    void rejects(String raw, String message) {
        String in = raw.replace("\\\\", "\\");
        assertThatThrownBy(() -> PathSanitizer.element(in, "path element"))
                .isInstanceOf(MetainfoException.class).hasMessage(message.replace("\\\\", "\\"));
        assertThat(PathSanitizer.isSafeAsIs(in)).isFalse();
    }

    @Test
    void rejectsEmptyControlAndOverlong() {
        assertThatThrownBy(() -> PathSanitizer.element("", "info.name")).hasMessage("info.name is empty");
        assertThatThrownBy(() -> PathSanitizer.element("a\nb", "x")).hasMessage("x 'a\\u000Ab' contains control "
                + "character U+000A");
        assertThatThrownBy(() -> PathSanitizer.element("a\u0085", "x")).hasMessageEndingWith("U+0085");
        assertThatThrownBy(() -> PathSanitizer.element("a\u0000", "x")).hasMessage("x 'a\\u0000' contains a NUL "
                + "character");
        assertThat(PathSanitizer.element("é".repeat(127), "x")).hasSize(127); // 254 bytes
        assertThatThrownBy(() -> PathSanitizer.element("é".repeat(128), "x")).hasMessageEndingWith(
                "is 256 bytes, more than 255");
        // a rename that pushes the name over the limit is rejected too
        assertThatThrownBy(() -> PathSanitizer.element("con." + "x".repeat(251), "x"))
                .hasMessageEndingWith("is 256 bytes, more than 255");
    }

    @Test
    void resolvesInsideTheRoot(@TempDir Path tmp) {
        FileEntry f = new FileEntry(List.of("Album", "CD1", "01.flac"), 10, 0);
        Path p = PathSanitizer.resolveUnder(tmp.resolve("x/../downloads"), f);
        assertThat(p).isEqualTo(tmp.resolve("downloads/Album/CD1/01.flac").toAbsolutePath());
        assertThat(p.startsWith(tmp.resolve("downloads"))).isTrue();
        assertThat(PathSanitizer.resolveUnder(Path.of("rel"), new FileEntry(List.of("f"), 1, 0)))
                .isEqualTo(Path.of("rel", "f").toAbsolutePath());
    }

    @Test
    void fileEntriesCannotHoldUnsafeNames() {
        assertThatThrownBy(() -> new FileEntry(List.of("a", ".."), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> new FileEntry(List.of("CON"), 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileEntry(List.of(), 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileEntry(List.of("a"), -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileEntry(List.of("a"), 2, Long.MAX_VALUE - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesLongNamesShortly() {
        assertThat(PathSanitizer.quote("y".repeat(100))).isEqualTo("'" + "y".repeat(64) + "...(100 chars)'");
    }
}
