package org.swarmbid.wallet.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystore files on disk. Writes go to a temporary file in the same directory (created owner-only, POSIX
 * {@code rw-------} where supported), are fsynced, atomically renamed over the target, and the directory is
 * fsynced: a crash leaves either the old file or the new one, never a partial file. Reads are capped at
 * {@value #MAX_FILE_SIZE} bytes. Blocking; do not call on an event loop.
 */
public final class KeystoreFiles {
    /** Largest keystore file read. */
    public static final int MAX_FILE_SIZE = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreFiles.class);
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private KeystoreFiles() {
    }

    /** Writes a new keystore file; fails with {@link FileAlreadyExistsException} if the target exists. */
    public static void create(Path file, KeystoreDocument doc) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "keystore file already exists");
        }
        writeAtomically(file, doc.toJson(), false);
        LOG.info("created keystore file {} for {}", file, doc.address().map(Object::toString).orElse("?"));
    }

    /** Atomically replaces (or creates) a keystore file. */
    public static void replace(Path file, KeystoreDocument doc) throws IOException {
        writeAtomically(file, doc.toJson(), true);
        LOG.info("wrote keystore file {}", file);
    }

    /**
     * Reads and validates a keystore file.
     *
     * @throws InvalidKeystoreException if it is too large, not UTF-8, or not a valid v3 document
     */
    public static KeystoreDocument read(Path file) throws IOException, InvalidKeystoreException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw new InvalidKeystoreException("", "file is larger than " + MAX_FILE_SIZE + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidKeystoreException("", "file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return KeystoreDocument.parse(text);
    }

    /**
     * Changes the password of a keystore file: reads it, re-encrypts (verifying the result), and atomically
     * replaces it. On a wrong password or any failure the file is untouched.
     */
    public static void changePassword(Path file, Keystore keystore, char[] oldPassword, char[] newPassword)
            throws IOException, KeystoreException {
        KeystoreDocument current = read(file);
        KeystoreDocument next = keystore.changePassword(current, oldPassword, newPassword);
        replace(file, next);
    }

    /**
     * Exports a backup copy: validates the source and writes it (owner-only, atomically) to the destination,
     * which must not exist yet.
     */
    public static void exportBackup(Path source, Path destination) throws IOException, InvalidKeystoreException {
        KeystoreDocument doc = read(source);
        if (Files.exists(destination)) {
            throw new FileAlreadyExistsException(destination.toString(), null, "backup destination already exists");
        }
        writeAtomically(destination, doc.toJson(), false);
        LOG.info("exported keystore backup {} to {}", doc.id(), destination);
    }

    private static void writeAtomically(Path file, String content, boolean replace) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
                + ".tmp");
        boolean moved = false;
        try {
            createOwnerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } else {
                publishWithoutClobbering(temp, target);
            }
            fsyncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Makes the complete temporary file visible under the target name only if that name is free: a hard link
     * fails atomically if the target exists (rename would silently replace it). Where links are unsupported, a
     * non-replacing move is the fallback.
     */
    private static void publishWithoutClobbering(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
            Files.move(temp, target);
        }
    }

    private static void createOwnerOnly(Path temp) throws IOException {
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(temp, ownerOnly);
        } else {
            Files.createFile(temp);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}", dir);
        }
    }
}
