package org.swarmbid.ui.settings;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings form as properties (text fields stay text until saved, so a typo loses nothing). FX thread only. */
public final class SettingsModel {
    final StringProperty downloadDir = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("");
    final StringProperty downloadLimitKib = new SimpleStringProperty("");
    final StringProperty uploadLimitKib = new SimpleStringProperty("");
    final StringProperty maxConnections = new SimpleStringProperty("");
    final StringProperty maxPeersPerTorrent = new SimpleStringProperty("");
    final StringProperty uploadSlots = new SimpleStringProperty("");
    final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** The last saved settings. */
    final ObjectProperty<Settings> saved = new SimpleObjectProperty<>();

    void fill(Settings s) {
        saved.set(s);
        downloadDir.set(s.downloadDir().toString());
        port.set(Integer.toString(s.port()));
        downloadLimitKib.set(Long.toString(s.downloadLimit() / 1024));
        uploadLimitKib.set(Long.toString(s.uploadLimit() / 1024));
        maxConnections.set(Integer.toString(s.maxConnections()));
        maxPeersPerTorrent.set(Integer.toString(s.maxPeersPerTorrent()));
        uploadSlots.set(Integer.toString(s.uploadSlots()));
        language.set(s.language());
        theme.set(s.theme());
    }

    public StringProperty downloadDirProperty() {
        return downloadDir;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty uploadLimitKibProperty() {
        return uploadLimitKib;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Settings> savedProperty() {
        return saved;
    }
}
