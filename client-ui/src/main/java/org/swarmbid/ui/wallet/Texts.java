package org.swarmbid.ui.wallet;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.swarmbid.ui.common.I18n;

/**
 * The wallet screen's strings ({@code org/swarmbid/ui/wallet/messages*.properties}, English and German) in the
 * language chosen in the settings, not the system's. The wallet screen lives across language switches (it keeps
 * the unlocked key), so the language is a property: fixed labels bind to {@link #text}, texts a controller computes
 * are set through {@link #show} so that they are computed again after a switch, and formats ({@link MessageFormat},
 * times) use {@link #locale()}. A missing key shows as {@code !key!}, as in the shell's {@link I18n}.
 *
 * <p>Threading: FX thread only.
 */
public final class Texts {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.swarmbid.ui.wallet.messages";

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>();
    private final Map<StringProperty, Shown> shown = new IdentityHashMap<>();
    private ResourceBundle bundle;

    /** In {@code locale}'s language if the settings offer it, else English. */
    public Texts(Locale locale) {
        setLocale(locale);
    }

    /** The language in use (one of {@link I18n#SUPPORTED}). */
    public Locale locale() {
        return locale.get();
    }

    /** The language in use, to bind to. */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /**
     * Switches the language: bound labels follow at once, and every text set through {@link #show} that nobody has
     * replaced since is computed again.
     */
    public void setLocale(Locale wanted) {
        Locale next = I18n.supported(wanted);
        if (next.equals(locale.get())) {
            return;
        }
        bundle = I18n.bundle(BUNDLE, next);
        locale.set(next);
        for (var it = shown.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!Objects.equals(e.getKey().get(), e.getValue().value())) {
                it.remove(); // someone else set it since: not ours to relabel any more
                continue;
            }
            String value = e.getValue().text().get();
            e.setValue(new Shown(e.getValue().text(), value));
            e.getKey().set(value);
        }
    }

    /** The text of {@code key} now, formatted with {@code args} ({@link MessageFormat}, this locale) if any. */
    public String get(String key, Object... args) {
        return I18n.text(bundle, locale(), key, args);
    }

    /** The text of {@code key} (with {@code args}) that follows language switches, for labels to bind to. */
    public StringBinding text(String key, Object... args) {
        Object[] copy = args.clone();
        return Bindings.createStringBinding(() -> get(key, copy), locale);
    }

    /**
     * Sets {@code target} to {@code text}'s value now and again after each language switch, until someone sets
     * {@code target} to something else. For messages a controller computes (status lines, validation errors).
     */
    public void show(StringProperty target, Supplier<String> text) {
        String value = text.get();
        shown.put(target, new Shown(text, value));
        target.set(value);
    }

    /** A time of day in this locale and the system's time zone. */
    public DateTimeFormatter time(FormatStyle style) {
        return DateTimeFormatter.ofLocalizedTime(style).withLocale(locale()).withZone(ZoneId.systemDefault());
    }

    /** A date and time in this locale and the system's time zone. */
    public DateTimeFormatter dateTime(FormatStyle date, FormatStyle time) {
        return DateTimeFormatter.ofLocalizedDateTime(date, time).withLocale(locale())
                .withZone(ZoneId.systemDefault());
    }

    private record Shown(Supplier<String> text, String value) {
    }
}
