package org.swarmbid.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings as {@code gui-settings.properties} in the state folder. A missing file gives the defaults; a bad value
 * falls back to its default (logged), so a hand-edited file never stops the client from starting. Saving writes a
 * temporary file and moves it over the old one, so a crash leaves the old or the new settings.
 *
 * <p>Threading: safe from any thread (synchronised); do the I/O off the FX thread.
 */
public final class SettingsStore {
    /** The file name inside the state folder. */
    public static final String FILE_NAME = "gui-settings.properties";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults (per value) where the file is missing or a value is bad. */
    public synchronized Settings load() {
        Settings d = Settings.defaults();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return d;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read {}: {}; using defaults", file, e.getMessage());
            return d;
        }
        Path dir = d.downloadDir();
        String dirText = p.getProperty("download.dir");
        if (dirText != null && !dirText.isBlank()) {
            try {
                dir = Path.of(dirText);
            } catch (java.nio.file.InvalidPathException e) {
                LOG.warn("{}: download.dir is not a path; using {}", file, dir);
            }
        }
        Locale lang = "de".equals(p.getProperty("language")) ? Locale.GERMAN
                : "en".equals(p.getProperty("language")) ? Locale.ENGLISH : d.language();
        Theme theme = "dark".equals(p.getProperty("theme")) ? Theme.DARK
                : "light".equals(p.getProperty("theme")) ? Theme.LIGHT : d.theme();
        try {
            return new Settings(dir, (int) number(p, "port", d.port(), 0, 65535),
                    number(p, "limit.download", d.downloadLimit(), 0, Long.MAX_VALUE),
                    number(p, "limit.upload", d.uploadLimit(), 0, Long.MAX_VALUE),
                    (int) number(p, "connections.max", d.maxConnections(), 1, 100_000),
                    (int) number(p, "connections.per-torrent", d.maxPeersPerTorrent(), 1, 100_000),
                    (int) number(p, "upload.slots", d.uploadSlots(), 0, 1000), lang, theme);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {}; using defaults", file, e.getMessage());
            return d;
        }
    }

    /** Writes the settings atomically. */
    public synchronized void save(Settings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("download.dir", s.downloadDir().toString());
        p.setProperty("port", Integer.toString(s.port()));
        p.setProperty("limit.download", Long.toString(s.downloadLimit()));
        p.setProperty("limit.upload", Long.toString(s.uploadLimit()));
        p.setProperty("connections.max", Integer.toString(s.maxConnections()));
        p.setProperty("connections.per-torrent", Integer.toString(s.maxPeersPerTorrent()));
        p.setProperty("upload.slots", Integer.toString(s.uploadSlots()));
        p.setProperty("language", s.language().getLanguage());
        p.setProperty("theme", s.theme() == Theme.DARK ? "dark" : "light");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Swarmbid desktop settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private long number(Properties p, String key, long fallback, long min, long max) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warn("{}: {}='{}' is not a number from {} to {}; using {}", file, key, v, min, max, fallback);
        return fallback;
    }
}
