package org.swarmbid.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages are complete, and the number formats are what the columns promise. */
class I18nAndFormatsTest {

    @Test
    void germanHasExactlyTheEnglishKeys() throws IOException {
        Properties en = load("/org/swarmbid/ui/messages.properties");
        Properties de = load("/org/swarmbid/ui/messages_de.properties");
        assertThat(en).hasSizeGreaterThan(150);
        assertThat(de.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(new I18n(Locale.GERMAN).t("nav.settings")).isEqualTo("Einstellungen");
        assertThat(new I18n(Locale.FRENCH).t("nav.settings")).isEqualTo("Settings");
        assertThat(new I18n(Locale.ENGLISH).t("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void formats() {
        Formats f = new Formats(Locale.ENGLISH);
        assertThat(f.bytes(1023)).isEqualTo("1023 B");
        assertThat(f.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(f.bytes(6_114_656_256L)).isEqualTo("5.7 GiB");
        assertThat(f.rate(0)).isEmpty();
        assertThat(f.percent(0.9999)).isEqualTo("99.9 %"); // never rounds up to a false 100 %
        assertThat(f.percent(1)).isEqualTo("100.0 %");
        assertThat(f.eta(263)).isEqualTo("4m 23s");
        assertThat(f.eta(-1)).isEqualTo(Formats.NONE);
        assertThat(f.amount(Optional.empty())).isEqualTo("—");
        assertThat(f.amount(Optional.of(new TokenAmount(new BigDecimal("1234.5600009"), "BTT"))))
                .isEqualTo("1,234.56 BTT");
        assertThat(new Formats(Locale.GERMAN).bytes(1536)).isEqualTo("1,5 KiB");
    }

    @Test
    void oneLineNeverShowsAStackTraceOrClassName() {
        assertThat(OneLine.of(new java.util.concurrent.CompletionException(new IllegalStateException("disk full\n"
                + "\tat x.y.Z")))).isEqualTo("disk full");
        assertThat(OneLine.of(new java.nio.file.NoSuchFileException("/tmp/a.torrent")))
                .isEqualTo("no such file: /tmp/a.torrent");
        assertThat(OneLine.of(new NullPointerException())).isEqualTo("null pointer");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nAndFormatsTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
