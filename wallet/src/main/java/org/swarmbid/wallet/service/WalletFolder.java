package org.swarmbid.wallet.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;

/**
 * The files of one wallet, all in one folder that is created owner-only ({@code rwx------}):
 *
 * <pre>
 *   &lt;wallet-dir&gt;/
 *     keystore.json            Web3 v3 keystore: the encrypted key (and mnemonic, if kept); rw-------
 *     settings.properties      which network (see {@link WalletSettings}); rw-------
 *     history-&lt;network&gt;.db    SQLite transaction history, one per network (a devnet's txids mean nothing on Nile)
 * </pre>
 *
 * @param dir the wallet folder
 */
public record WalletFolder(Path dir) {

    /** File name of the keystore. */
    public static final String KEYSTORE = "keystore.json";
    /** File name of the settings. */
    public static final String SETTINGS = "settings.properties";

    public WalletFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The keystore file. */
    public Path keystore() {
        return dir.resolve(KEYSTORE);
    }

    /** The settings file. */
    public Path settings() {
        return dir.resolve(SETTINGS);
    }

    /** The history database of {@code network}. */
    public Path history(String network) {
        if (!network.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("network name not usable in a file name: " + network);
        }
        return dir.resolve("history-" + network.toLowerCase(Locale.ROOT) + ".db");
    }

    /** True if the keystore exists. */
    public boolean hasKeystore() {
        return Files.isRegularFile(keystore());
    }

    /** Creates the folder (owner-only where POSIX permissions exist) if it is missing. */
    public void create() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** The settings, or the defaults (devnet) if the file does not exist. */
    public WalletSettings readSettings() {
        Path file = settings();
        if (!Files.exists(file)) {
            return WalletSettings.defaults();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return WalletSettings.fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the settings atomically, owner-only. */
    public void writeSettings(WalletSettings settings) throws IOException {
        create();
        Path file = settings();
        Path temp = Files.createTempFile(dir, ".settings", ".tmp");
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                settings.toProperties().store(out, "swarmbid wallet settings");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
