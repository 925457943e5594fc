package org.swarmbid.ui.settings;

/**
 * Applies saved settings to the running client (rate limits to the session, theme and language to the window).
 * The shell implements it. Called on the FX thread after the settings were written.
 */
@FunctionalInterface
public interface SettingsApplier {
    void apply(Settings previous, Settings next);
}
