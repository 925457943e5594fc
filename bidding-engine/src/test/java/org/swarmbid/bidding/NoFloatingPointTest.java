package org.swarmbid.bidding;

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

/** Amounts are BigInteger base units and bytes are longs: the engine's main sources must not mention floating point. */
class NoFloatingPointTest {
    static final Path MAIN = Path.of("src/main/java/org/swarmbid/bidding");
    /** Floating-point types, anywhere (comments included: no excuse to talk about them either). */
    static final Pattern TYPES = Pattern.compile("\\b(double|float|Double|Float|BigDecimal|strictfp)\\b");
    /** Floating-point literals (1.5, 2e3, 1f, 1d) in code lines; comment lines may cite versions like v0.8.7. */
    static final Pattern LITERALS = Pattern.compile("\\b\\d+\\.\\d*([eE][+-]?\\d+)?[dDfF]?\\b|\\b\\d+[eE][+-]?\\d+\\b|\\b\\d+[dDfF]\\b");

    static List<String> offences(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String trimmed = line.trim();
                    boolean comment = trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//");
                    Matcher t = TYPES.matcher(line);
                    Matcher l = LITERALS.matcher(line);
                    if (t.find()) {
                        out.add(root.relativize(p) + ":" + (i + 1) + ": " + t.group());
                    } else if (!comment && l.find()) {
                        out.add(root.relativize(p) + ":" + (i + 1) + ": " + l.group());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void mainSourcesUseNoFloatingPoint() throws IOException {
        assertThat(MAIN).isDirectory();
        assertThat(offences(MAIN)).isEmpty();
    }

    @Test
    void theScanFindsFloatingPoint(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Bad.java"), "class Bad { double price; }\n");
        Files.writeString(dir.resolve("Lit.java"), "class Lit {\n long x = (long) (3 * 1.5);\n long y = (long) 2e3;\n}\n");
        Files.writeString(dir.resolve("Good.java"), "class Good {\n long bytes = 16384L; long h = 0x1f;\n /** cites v0.8.7 */\n}\n");
        assertThat(offences(dir)).containsExactlyInAnyOrder("Bad.java:1: double", "Lit.java:2: 1.5", "Lit.java:3: 2e3");
    }
}
