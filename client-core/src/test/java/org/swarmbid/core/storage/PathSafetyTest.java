package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile layouts and hostile disks: storage must never read, write or delete outside its root. */
class PathSafetyTest {
    @TempDir
    Path tmp;

    private final FilePool pool = new FilePool(4);

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static StorageLayout layoutOf(String... paths) {
        List<FileEntry> files = java.util.Arrays.stream(paths).map(p -> FileEntry.of(p, 4)).toList();
        return new StorageLayout(files, 4, new byte[20 * paths.length]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "a/b/../../../x", "..", "a/..", ".", "/etc/passwd", "/tmp/x"})
    void lexicalEscapesAreRefusedBeforeTouchingTheDisk(String bad) {
        Path root = tmp.resolve("root");
        assertThatThrownBy(() -> new FileStorage(root, layoutOf("ok", bad), pool))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining(Path.of(bad).toString());
        assertThat(root).doesNotExist();
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void harmlessDotSegmentsInsideTheRootAreNormalised() throws IOException {
        Path root = tmp.resolve("root");
        try (FileStorage s = new FileStorage(root, layoutOf("a/./b/../c"), pool)) {
            assertThat(s.path(0)).isEqualTo(root.toAbsolutePath().resolve("a/c"));
        }
    }

    @Test
    void collidingFilesAreRefused() {
        assertThatThrownBy(() -> new FileStorage(tmp, layoutOf("a/b", "a/./b"), pool))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("two files");
        assertThatThrownBy(() -> new FileStorage(tmp, layoutOf("a", "a/b"), pool))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("also a directory");
    }

    @Test
    void symlinkedDirectoryLeadingOutsideIsRefusedForWriteReadAndDelete() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "secret");
        Files.createSymbolicLink(root.resolve("t"), outside);
        try (FileStorage s = new FileStorage(root, layoutOf("t/victim", "t/new/file"), pool)) {
            assertThatThrownBy(() -> s.write(0, 0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})))
                    .isInstanceOf(UnsafePathException.class).hasMessageContaining("leads outside");
            assertThatThrownBy(() -> s.write(1, 0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})))
                    .isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(() -> s.read(0, 0, ByteBuffer.allocate(4))).isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(s::fileStates).isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(s::deleteData).hasMessageContaining("deletions failed");
        }
        assertThat(outside.resolve("victim")).hasContent("secret");
        assertThat(outside.resolve("new")).doesNotExist();
        assertThat(root.resolve("t")).isSymbolicLink();
    }

    @Test
    void fileThatIsASymlinkToOutsideIsRefused() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path victim = Files.writeString(tmp.resolve("victim"), "secret");
        Files.createSymbolicLink(root.resolve("f"), victim);
        try (FileStorage s = new FileStorage(root, layoutOf("f"), pool)) {
            assertThatThrownBy(() -> s.write(0, 0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})))
                    .isInstanceOf(UnsafePathException.class);
            s.deleteData(); // removes the link itself, never the target
        }
        assertThat(victim).hasContent("secret");
        assertThat(root.resolve("f")).doesNotExist();
    }

    @Test
    void danglingSymlinkIsRefused() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("f"), tmp.resolve("nowhere"));
        try (FileStorage s = new FileStorage(root, layoutOf("f"), pool)) {
            assertThatThrownBy(() -> s.write(0, 0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})))
                    .isInstanceOf(UnsafePathException.class).hasMessageContaining("dangling");
        }
        assertThat(tmp.resolve("nowhere")).doesNotExist();
    }

    @Test
    void symlinkStayingInsideTheRootIsAllowed() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path real = Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("alias"), real);
        try (FileStorage s = new FileStorage(root, layoutOf("alias/f"), pool)) {
            s.write(0, 0, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        }
        assertThat(real.resolve("f")).hasBinaryContent(new byte[] {1, 2, 3, 4});
    }

    @Test
    void rootThatIsItselfASymlinkIsTheUsersChoice() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("disk2"));
        Path root = Files.createSymbolicLink(tmp.resolve("Downloads"), real);
        try (FileStorage s = new FileStorage(root, layoutOf("t/f"), pool)) {
            s.write(0, 0, ByteBuffer.wrap(new byte[] {9, 9, 9, 9}));
        }
        assertThat(real.resolve("t/f")).hasBinaryContent(new byte[] {9, 9, 9, 9});
    }
}
