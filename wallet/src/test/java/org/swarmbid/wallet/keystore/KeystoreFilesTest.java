package org.swarmbid.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.wallet.key.PrivateKey;

class KeystoreFilesTest {
    private static final String KEY_HEX = "5d5645db7db2a3b86435e3ec9b3b2cc670fccef5b6d5705e310b8ac2d8d37633";
    @TempDir
    Path dir;

    private KeystoreDocument doc(String password) {
        try (PrivateKey key = PrivateKey.fromHex(KEY_HEX)) {
            return KeystoreTest.LIGHT.encrypt(key, null, password.toCharArray());
        }
    }

    @Test
    void createWritesOwnerOnlyAndRefusesToOverwrite() throws Exception {
        Path file = dir.resolve("wallet.json");
        KeystoreDocument doc = doc("pw");
        KeystoreFiles.create(file, doc);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(KeystoreFiles.read(file).toJson()).isEqualTo(doc.toJson());
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KeystoreFiles.create(file, doc("other"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertNoTempFiles();
    }

    @Test
    void changePasswordReplacesAtomicallyAndWrongPasswordLeavesFileUntouched() throws Exception {
        Path file = dir.resolve("wallet.json");
        KeystoreFiles.create(file, doc("old"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KeystoreFiles.changePassword(file, KeystoreTest.LIGHT, "bad".toCharArray(), "new".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        KeystoreFiles.changePassword(file, KeystoreTest.LIGHT, "old".toCharArray(), "new".toCharArray());
        KeystoreDocument changed = KeystoreFiles.read(file);
        try (PrivateKey key = KeystoreTest.LIGHT.decryptKey(changed, "new".toCharArray())) {
            assertThat(key.address().toBase58()).isEqualTo("TXngH8bVadn9ZWtKBgjKQcqN1GsZ7A1jcb");
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertNoTempFiles();
    }

    @Test
    void exportBackupValidatesAndNeverOverwrites() throws Exception {
        Path file = dir.resolve("wallet.json");
        Path backup = dir.resolve("backup").resolve("wallet-backup.json");
        KeystoreFiles.create(file, doc("pw"));
        KeystoreFiles.exportBackup(file, backup);
        assertThat(KeystoreFiles.read(backup).id()).isEqualTo(KeystoreFiles.read(file).id());
        assertThatThrownBy(() -> KeystoreFiles.exportBackup(file, backup)).isInstanceOf(FileAlreadyExistsException.class);

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"version\": 3}");
        assertThatThrownBy(() -> KeystoreFiles.exportBackup(corrupt, dir.resolve("x.json")))
                .isInstanceOf(InvalidKeystoreException.class).hasMessage("invalid keystore: id is missing");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void oversizedAndNonUtf8FilesAreRejected() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[KeystoreFiles.MAX_FILE_SIZE + 1]);
        assertThatThrownBy(() -> KeystoreFiles.read(big)).hasMessage("invalid keystore: file is larger than 65536 bytes");
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertThatThrownBy(() -> KeystoreFiles.read(binary)).hasMessage("invalid keystore: file is not UTF-8 text");
    }

    @Test
    void fileContainsNoPlaintextSecrets() throws Exception {
        Path file = dir.resolve("wallet.json");
        KeystoreFiles.create(file, doc("correct horse"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(KEY_HEX).doesNotContain("correct horse").contains("\"version\": 3");
    }

    private void assertNoTempFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
