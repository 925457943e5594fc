package org.swarmbid.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.swarmbid.core.api.SessionConfig;

/**
 * The user's settings.
 *
 * @param downloadDir        where new torrents are saved
 * @param port               TCP listen port, 0 picks a free one
 * @param downloadLimit      bytes per second, 0 = unlimited
 * @param uploadLimit        bytes per second, 0 = unlimited
 * @param maxConnections     connections over all torrents
 * @param maxPeersPerTorrent connections per torrent
 * @param uploadSlots        regular unchoke slots per torrent
 * @param language           UI language (English or German)
 * @param theme              light or dark
 */
public record Settings(Path downloadDir, int port, long downloadLimit, long uploadLimit, int maxConnections,
        int maxPeersPerTorrent, int uploadSlots, Locale language, Theme theme) {

    public Settings {
        Objects.requireNonNull(downloadDir, "downloadDir");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(theme, "theme");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        if (maxConnections < 1 || maxPeersPerTorrent < 1 || uploadSlots < 0) {
            throw new IllegalArgumentException("connection limits must be at least 1 (upload slots at least 0)");
        }
    }

    /** First-run settings: ~/Downloads, port 6881, no limits, the engine's connection defaults, system language. */
    public static Settings defaults() {
        SessionConfig d = SessionConfig.defaults(Path.of("."));
        Locale system = Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
        return new Settings(Path.of(System.getProperty("user.home"), "Downloads"), d.port(), 0, 0,
                d.maxConnections(), d.maxPeersPerTorrent(), d.uploadSlots(), system, Theme.LIGHT);
    }

    /** {@code base} with this port (keeping its bind address), limits and connection counts. */
    public SessionConfig applyTo(SessionConfig base) {
        return base.withBind(base.bindAddress(), port)
                .withLimits(downloadLimit, uploadLimit)
                .withConnections(maxConnections, maxPeersPerTorrent, uploadSlots);
    }

    /** Whether a change from {@code previous} needs an engine restart to take effect (port, connections). */
    public boolean needsRestartComparedTo(Settings previous) {
        return port != previous.port || maxConnections != previous.maxConnections
                || maxPeersPerTorrent != previous.maxPeersPerTorrent || uploadSlots != previous.uploadSlots;
    }

    public Settings withLanguage(Locale l) {
        return new Settings(downloadDir, port, downloadLimit, uploadLimit, maxConnections, maxPeersPerTorrent,
                uploadSlots, l, theme);
    }

    public Settings withTheme(Theme t) {
        return new Settings(downloadDir, port, downloadLimit, uploadLimit, maxConnections, maxPeersPerTorrent,
                uploadSlots, language, t);
    }

    public Settings withDownloadDir(Path dir) {
        return new Settings(dir, port, downloadLimit, uploadLimit, maxConnections, maxPeersPerTorrent,
                uploadSlots, language, theme);
    }
}
