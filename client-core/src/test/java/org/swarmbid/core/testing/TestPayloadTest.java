package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPayloadTest {
    @TempDir
    Path tmp;

    @Test
    void multiFileLayoutHasTheAwkwardShapesAClientMustHandle() {
        long total = 8L << 20;
        TestPayload p = TestPayload.multiFile(tmp.resolve("a"), "payload", total, 7);
        List<TestPayload.Entry> files = p.files();
        assertThat(files).hasSize(20);
        assertThat(p.totalBytes()).isEqualTo(total);
        assertThat(FileTrees.listFiles(p.root())).hasSize(20);
        assertThat(files).allSatisfy(e -> assertThat(Files.size(p.root().resolve(e.path()))).isEqualTo(e.size()));
        assertThat(files).extracting(TestPayload.Entry::path)
                .contains("a.txt", "docs/deep/nested/d.bin", "with space/m11.bin");
        assertThat(files).anySatisfy(e -> assertThat(e.size()).isEqualTo(1));
        assertThat(files).anySatisfy(e -> assertThat(e.size()).isBetween(16_385L, 256L * 1024 - 1));
        // no size is a whole number of 16 KiB blocks, so file boundaries fall inside blocks and pieces
        assertThat(files).allSatisfy(e -> assertThat(e.size() % (16 * 1024)).isNotZero());
        assertThat(p.saveDir()).isEqualTo(tmp.resolve("a").toAbsolutePath());
    }

    @Test
    void sameSeedGivesIdenticalBytesAndOtherSeedDoesNot() {
        TestPayload one = TestPayload.multiFile(tmp.resolve("1"), "p", 1 << 20, 42);
        TestPayload two = TestPayload.multiFile(tmp.resolve("2"), "p", 1 << 20, 42);
        TestPayload other = TestPayload.multiFile(tmp.resolve("3"), "p", 1 << 20, 43);
        FileTrees.assertSameTree(one.root(), two.root());
        assertThat(FileTrees.sha256(one.root())).isEqualTo(FileTrees.sha256(two.root()));
        assertThatThrownBy(() -> FileTrees.assertSameTree(one.root(), other.root()))
                .hasMessageContaining("a.txt: first differing byte at offset 0");
    }

    @Test
    void filesOfOnePayloadDifferFromEachOther() throws IOException {
        TestPayload p = TestPayload.multiFile(tmp, "p", 2 << 20, 1);
        byte[] m01 = Files.readAllBytes(p.root().resolve("media/m01.bin"));
        byte[] m02 = Files.readAllBytes(p.root().resolve("media/m02.bin"));
        assertThat(java.util.Arrays.copyOf(m01, 4096)).isNotEqualTo(java.util.Arrays.copyOf(m02, 4096));
        // not a constant or short-period stream: the bytes take many values
        assertThat(new java.util.HashSet<>(java.util.Arrays.asList(box(m01, 4096)))).hasSizeGreaterThan(200);
    }

    @Test
    void singleFilePayloadIsTheFileItself() throws IOException {
        TestPayload p = TestPayload.singleFile(tmp, "one.bin", 300_001, 5);
        assertThat(p.root()).isRegularFile();
        assertThat(Files.size(p.root())).isEqualTo(300_001);
        assertThat(p.isSingleFile()).isTrue();
        assertThat(FileTrees.sha256(p.root())).containsOnlyKeys("one.bin");
    }

    @Test
    void rejectsBadSizesAndNames() {
        assertThatThrownBy(() -> TestPayload.multiFile(tmp, "p", 1000, 1)).hasMessageContaining("at least");
        assertThatThrownBy(() -> TestPayload.singleFile(tmp, "p", 0, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> TestPayload.singleFile(tmp, "../p", 10, 1)).hasMessageContaining("bad payload name");
    }

    @Test
    void assertSameTreeNamesMissingExtraAndResizedFiles() throws IOException {
        TestPayload a = TestPayload.multiFile(tmp.resolve("a"), "p", 1 << 20, 9);
        TestPayload b = TestPayload.multiFile(tmp.resolve("b"), "p", 1 << 20, 9);
        Files.delete(b.root().resolve("b.txt"));
        Files.writeString(b.root().resolve("docs/stray.txt"), "x");
        Files.write(b.root().resolve("a.txt"), new byte[2]);
        byte[] m = Files.readAllBytes(b.root().resolve("m09.bin"));
        m[12345] ^= 1;
        Files.write(b.root().resolve("m09.bin"), m);
        assertThatThrownBy(() -> FileTrees.assertSameTree(a.root(), b.root()))
                .hasMessageContaining("missing b.txt")
                .hasMessageContaining("extra docs/stray.txt")
                .hasMessageContaining("a.txt: size 2, expected 1")
                .hasMessageContaining("m09.bin: first differing byte at offset 12345");
    }

    private static Byte[] box(byte[] a, int n) {
        Byte[] out = new Byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
