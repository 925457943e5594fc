package org.swarmbid.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shell's localised strings ({@code org/swarmbid/ui/messages*.properties}, English and German). Every visible
 * string of the shell and torrent screens comes from here; a missing key shows as {@code !key!} so tests catch it.
 */
public final class I18n {
    /** The languages offered in the settings. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    private static final String BUNDLE = "org.swarmbid.ui.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = supported(locale);
        this.bundle = bundle(BUNDLE, this.locale);
    }

    /** The offered language {@code locale} speaks, English for any other (and for null). */
    public static Locale supported(Locale locale) {
        return SUPPORTED.stream().filter(l -> locale != null && l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    /**
     * The bundle {@code baseName} in exactly {@code locale} (one of {@link #SUPPORTED}): no fallback to the system's
     * default locale, which would show German to a user who chose English on a German system.
     */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, supported(locale), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments filled in. */
    public String t(String key, Object... args) {
        return text(bundle, locale, key, args);
    }

    /**
     * The text of {@code key} in {@code bundle}, formatted with {@code args} ({@link MessageFormat} in
     * {@code locale}) if there are any; {@code !key!} when the bundle lacks it, so a missing text shows, not throws.
     */
    public static String text(ResourceBundle bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the bundle has this key (for tests that check both languages are complete). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
