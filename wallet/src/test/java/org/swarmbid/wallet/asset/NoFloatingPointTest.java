package org.swarmbid.wallet.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Money is never floating point: no double/float (or their boxes, or BigDecimal conversions to them) in wallet main code. */
class NoFloatingPointTest {
    private static final Pattern FLOATING = Pattern.compile(
            "\\b(double|float|Double|Float|doubleValue|floatValue|parseDouble|parseFloat)\\b|\\b\\d+\\.\\d*[dDfF]\\b");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    @Test
    void walletMainSourcesUseNoFloatingPoint() throws IOException {
        Path root = Path.of("src/main/java/org/swarmbid/wallet");
        assertThat(root).isDirectory();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                scanned++;
                String code = COMMENTS_AND_STRINGS.matcher(Files.readString(file)).replaceAll(" ");
                Matcher m = FLOATING.matcher(code);
                while (m.find()) {
                    offenders.add(root.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(scanned).isGreaterThan(20);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScannerWouldCatchOne() {
        String code = COMMENTS_AND_STRINGS.matcher("double x = 1.5; // float in comment\n String s = \"float\";").replaceAll(" ");
        assertThat(FLOATING.matcher(code).results().map(r -> r.group()).toList()).containsExactly("double");
    }
}
