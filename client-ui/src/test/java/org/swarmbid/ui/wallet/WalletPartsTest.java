package org.swarmbid.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.swarmbid.ui.bidding.BiddingTexts;
import org.swarmbid.ui.wallet.setup.BackupQuiz;

/** The wallet screen's pure parts: password hint, backup quiz, and the two languages' bundles. */
class WalletPartsTest {

    @Test
    void passwordStrengthGrowsWithLengthAndVariety() {
        assertThat(PasswordStrength.of("")).isEqualTo(PasswordStrength.NONE);
        assertThat(PasswordStrength.of("Ab1!xyz")).as("7 characters").isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("aaaaaaaaaaaaaaaa")).as("one repeated letter").isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("password")).isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("passwordpass")).isEqualTo(PasswordStrength.FAIR);
        assertThat(PasswordStrength.of("Tr0ub4dor&3")).isEqualTo(PasswordStrength.GOOD);
        assertThat(PasswordStrength.of("Tr0ub4dor&3-horse")).isEqualTo(PasswordStrength.STRONG);
        assertThat(PasswordStrength.WEAK.acceptable()).isFalse();
        assertThat(PasswordStrength.FAIR.acceptable()).isTrue();
    }

    @Test
    void backupQuizAsksDistinctPositionsAndNeedsEveryWord() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            words.add("word" + (char) ('a' + i));
        }
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            BackupQuiz quiz = BackupQuiz.random(24, 3, random);
            int[] p = quiz.positions();
            assertThat(p).hasSize(3).isSorted().doesNotHaveDuplicates();
            assertThat(p[0]).isGreaterThanOrEqualTo(0);
            assertThat(p[2]).isLessThan(24);
            List<String> right = List.of(words.get(p[0]), " " + words.get(p[1]).toUpperCase(Locale.ROOT),
                    words.get(p[2]));
            assertThat(quiz.check(words, right)).isTrue();
            List<String> wrong = new ArrayList<>(right);
            wrong.set(round % 3, words.get((p[round % 3] + 1) % 24));
            assertThat(quiz.check(words, wrong)).isFalse();
            assertThat(quiz.check(words, right.subList(0, 2))).isFalse();
        }
        assertThatThrownBy(() -> BackupQuiz.random(2, 3, random)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void englishAndGermanBundlesHaveTheSameKeys() throws java.io.IOException {
        for (String base : List.of(Texts.BUNDLE, BiddingTexts.BUNDLE)) {
            java.util.Properties en = load(base, "");
            java.util.Properties de = load(base, "_de");
            assertThat(en).as(base).hasSizeGreaterThan(30);
            assertThat(new java.util.TreeSet<>(de.stringPropertyNames())).as(base)
                    .isEqualTo(new java.util.TreeSet<>(en.stringPropertyNames()));
            int translated = 0;
            for (String k : en.stringPropertyNames()) {
                translated += en.getProperty(k).equals(de.getProperty(k)) ? 0 : 1;
            }
            assertThat(translated).as("most strings differ between English and German").isGreaterThan(en.size() * 3 / 4);
            assertThat(ResourceBundle.getBundle(base, Locale.GERMAN).getLocale()).isEqualTo(Locale.GERMAN);
        }
    }

    private static java.util.Properties load(String base, String suffix) throws java.io.IOException {
        String path = "/" + base.replace('.', '/') + suffix + ".properties";
        java.util.Properties p = new java.util.Properties();
        try (var in = WalletPartsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
