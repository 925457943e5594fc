package org.swarmbid.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the engine documents what it owns and its threading rule. */
class PackageInfoTest {
    @Test
    void everyPackageHasAPackageInfoWithAThreadingRule() throws IOException {
        Path main = Path.of("src/main/java/org/swarmbid/bidding");
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(main)) {
            packages = dirs.filter(Files::isDirectory).filter(PackageInfoTest::hasJava).toList();
        }
        assertThat(packages).hasSizeGreaterThanOrEqualTo(7);
        for (Path p : packages) {
            Path info = p.resolve("package-info.java");
            assertThat(info).as(p + " has package-info.java").exists();
            assertThat(Files.readString(info)).as(info + " states its threading rule").contains("Threading:");
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
