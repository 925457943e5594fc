package org.swarmbid.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.swarmbid.ui.bidding.BiddingTexts;
import org.swarmbid.ui.common.I18n;

/**
 * The wallet's and the bidding screen's strings follow the language they are given, never the system's default
 * locale; the wallet's bound labels and shown messages follow a language switch. Expected strings come from the
 * bundles.
 */
class TextsTest {

    private static String bundled(String base, Locale locale, String key) {
        return ResourceBundle.getBundle(base, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    /** Runs {@code r} with the system's default locale set to {@code system}. */
    private static void withDefault(Locale system, Runnable r) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(system);
        try {
            r.run();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theChosenLanguageWinsOverTheSystemLocale() {
        String en = bundled(Texts.BUNDLE, Locale.ROOT, "wallet.lock");
        String de = bundled(Texts.BUNDLE, Locale.GERMAN, "wallet.lock");
        assertThat(en).isNotEqualTo(de);
        withDefault(Locale.GERMAN, () -> assertThat(new Texts(Locale.ENGLISH).get("wallet.lock")).isEqualTo(en));
        withDefault(Locale.ENGLISH, () -> assertThat(new Texts(Locale.GERMAN).get("wallet.lock")).isEqualTo(de));
        withDefault(Locale.GERMAN, () -> assertThat(new Texts(Locale.FRENCH).locale()).isEqualTo(Locale.ENGLISH));

        String bidEn = bundled(BiddingTexts.BUNDLE, Locale.ROOT, "bidding.title");
        String bidDe = bundled(BiddingTexts.BUNDLE, Locale.GERMAN, "bidding.title");
        assertThat(bidEn).isNotEqualTo(bidDe);
        withDefault(Locale.GERMAN, () -> assertThat(new BiddingTexts(Locale.ENGLISH).get("bidding.title"))
                .isEqualTo(bidEn));
        withDefault(Locale.ENGLISH, () -> assertThat(new BiddingTexts(Locale.GERMAN).get("bidding.title"))
                .isEqualTo(bidDe));
        withDefault(Locale.GERMAN, () -> assertThat(I18n.bundle(Texts.BUNDLE, Locale.ENGLISH).getString(
                "wallet.lock")).isEqualTo(en));
    }

    @Test
    void messageFormatAndTimesUseTheChosenLanguage() {
        withDefault(Locale.ENGLISH, () -> {
            Texts texts = new Texts(Locale.GERMAN);
            assertThat(texts.get("balances.updated", 1234.5)).contains("1.234,5");
            assertThat(new BiddingTexts(Locale.GERMAN).get("summary.blocklisted", 12345)).contains("12.345");
            Instant at = Instant.parse("2023-11-14T12:00:00Z"); // the 14th in nearly every time zone
            String german = texts.dateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).format(at);
            texts.setLocale(Locale.ENGLISH);
            assertThat(texts.get("balances.updated", 1234.5)).contains("1,234.5");
            String english = texts.dateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).format(at);
            assertThat(german).isNotEqualTo(english).contains("14.11.23");
            assertThat(english).contains("11/14/23");
        });
    }

    @Test
    void boundTextsAndShownMessagesFollowASwitch() {
        Texts texts = new Texts(Locale.ENGLISH);
        StringBinding lock = texts.text("wallet.lock");
        StringProperty status = new SimpleStringProperty();
        StringProperty replaced = new SimpleStringProperty();
        texts.show(status, () -> texts.get("send.to.invalid", "x"));
        texts.show(replaced, () -> texts.get("unlock.wrong"));
        replaced.set("set by someone else");
        assertThat(lock.get()).isEqualTo(bundled(Texts.BUNDLE, Locale.ROOT, "wallet.lock"));

        texts.setLocale(Locale.GERMAN);
        assertThat(texts.locale()).isEqualTo(Locale.GERMAN);
        assertThat(lock.get()).isEqualTo(bundled(Texts.BUNDLE, Locale.GERMAN, "wallet.lock"));
        assertThat(status.get()).isEqualTo(bundled(Texts.BUNDLE, Locale.GERMAN, "send.to.invalid")
                .replace("{0}", "x"));
        assertThat(replaced.get()).as("not ours any more").isEqualTo("set by someone else");

        texts.setLocale(Locale.ENGLISH);
        assertThat(status.get()).isEqualTo(bundled(Texts.BUNDLE, Locale.ROOT, "send.to.invalid")
                .replace("{0}", "x"));
        assertThat(replaced.get()).isEqualTo("set by someone else");
        assertThat(texts.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
