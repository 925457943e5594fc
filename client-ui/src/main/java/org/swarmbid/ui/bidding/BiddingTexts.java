package org.swarmbid.ui.bidding;

import java.util.Locale;
import java.util.ResourceBundle;
import org.swarmbid.ui.common.I18n;

/**
 * The bidding screen's strings ({@code org/swarmbid/ui/bidding/messages*.properties}, English and German) in the
 * language chosen in the settings, not the system's. The shell makes a new bidding screen after a language switch,
 * so one instance keeps one language. A missing key shows as {@code !key!}, as in the shell's {@link I18n}.
 *
 * <p>Immutable; safe on any thread.
 */
public final class BiddingTexts {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.swarmbid.ui.bidding.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    /** In {@code locale}'s language if the settings offer it, else English. */
    public BiddingTexts(Locale locale) {
        this.locale = I18n.supported(locale);
        this.bundle = I18n.bundle(BUNDLE, this.locale);
    }

    /** The language in use (one of {@link I18n#SUPPORTED}), also for dates and numbers. */
    public Locale locale() {
        return locale;
    }

    /** The text of {@code key}, formatted with {@code args} (MessageFormat, this locale) if there are any. */
    public String get(String key, Object... args) {
        return I18n.text(bundle, locale, key, args);
    }
}
