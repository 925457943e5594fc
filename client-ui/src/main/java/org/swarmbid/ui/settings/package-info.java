/**
 * The settings screen and the settings themselves: download folder, listen port, rate and connection limits,
 * language and theme, persisted as a properties file in the state folder ({@link
 * org.swarmbid.ui.settings.SettingsStore}) and turned into a {@code SessionConfig} by {@link
 * org.swarmbid.ui.settings.Settings#applyTo}. Controller, Model (properties) and View.
 *
 * <p>Threading: the model and view live on the FX thread; the store is plain file I/O, safe from any thread, and is
 * written from the background executor.
 */
package org.swarmbid.ui.settings;
