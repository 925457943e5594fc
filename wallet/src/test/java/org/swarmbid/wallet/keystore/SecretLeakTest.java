package org.swarmbid.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;

/**
 * Runs a full create / unlock / sign / change-password / backup cycle (with failures on purpose) while capturing
 * every Logback event at TRACE and every exception message, then checks that no private key, mnemonic or password
 * appears in any of them.
 */
class SecretLeakTest {
    @TempDir
    Path dir;

    @Test
    void noSecretReachesLogsOrExceptionMessages() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level oldLevel = root.getLevel();
        // logback-test.xml pins org.swarmbid at INFO; the scan must see every level, whatever the configuration
        Logger ours = (Logger) LoggerFactory.getLogger("org.swarmbid");
        Level oursOldLevel = ours.getLevel();
        ours.setLevel(Level.TRACE);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        List<String> observed = new ArrayList<>();
        String keyHex;
        String phrase;
        String password = "s3cret-Pa55word!";
        String newPassword = "n3w-Pa55word?";
        Keystore keystore = Keystore.withScryptCost(1024, 8, 1, new SecureRandom());
        try {
            Path file = dir.resolve("wallet.json");
            try (Mnemonic mnemonic = Mnemonic.generate(12, new SecureRandom());
                    PrivateKey key = mnemonic.deriveTronKey(new char[0], 0)) {
                phrase = String.join(" ", mnemonic.words());
                keyHex = Hex.encode(key.toBytes());
                observed.add(mnemonic.toString());
                observed.add(key.toString());
                KeystoreDocument doc = keystore.encrypt(key, mnemonic, password.toCharArray());
                observed.add(doc.toString());
                observed.add(doc.crypto().toString());
                KeystoreFiles.create(file, doc);
            }
            // wrong password, then right one
            capture(observed, () -> keystore.decryptKey(KeystoreFiles.read(file), "guess".toCharArray()));
            try (PrivateKey unlocked = keystore.decryptKey(KeystoreFiles.read(file), password.toCharArray())) {
                observed.add(unlocked.toString());
                observed.add(unlocked.sign(Hashes.sha256(new byte[] {1})).toString());
            }
            capture(observed, () -> keystore.decryptMnemonic(KeystoreFiles.read(file), newPassword.toCharArray()));
            // invalid inputs that contain secret-like material
            capture(observed, () -> Mnemonic.parse(phrase.replaceFirst("^\\S+", "notaword")));
            capture(observed, () -> Mnemonic.parse(phrase + " zoo"));
            capture(observed, () -> PrivateKey.fromHex(keyHex.substring(1)));
            capture(observed, () -> PrivateKey.fromHex(keyHex.substring(1) + "g"));
            capture(observed, () -> TronAddress.parse(keyHex));
            // change password: first with the wrong old password, then properly
            capture(observed, () -> KeystoreFiles.changePassword(file, keystore, newPassword.toCharArray(), password.toCharArray()));
            KeystoreFiles.changePassword(file, keystore, password.toCharArray(), newPassword.toCharArray());
            KeystoreFiles.exportBackup(file, dir.resolve("backup.json"));
            capture(observed, () -> KeystoreFiles.exportBackup(file, dir.resolve("backup.json")));
            try (Mnemonic back = keystore.decryptMnemonic(KeystoreFiles.read(file), newPassword.toCharArray()).orElseThrow()) {
                assertThat(String.join(" ", back.words())).isEqualTo(phrase);
                observed.add(back.toString());
            }
            observed.add(Files.readString(file));
            observed.add(Files.readString(dir.resolve("backup.json")));
        } finally {
            root.detachAppender(appender);
            root.setLevel(oldLevel);
            ours.setLevel(oursOldLevel);
        }
        for (ILoggingEvent event : appender.list) {
            observed.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                observed.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("unlocked keystore"))
                .anyMatch(m -> m.startsWith("wrong password"))
                .anyMatch(m -> m.startsWith("changed password"));
        assertThat(observed).hasSizeGreaterThan(20);
        String[] words = phrase.split(" ");
        String firstThreeWords = words[0] + " " + words[1] + " " + words[2];
        for (String text : observed) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain(keyHex).doesNotContain(keyHex.substring(0, 16))
                    .doesNotContain(firstThreeWords)
                    .doesNotContain(password.toLowerCase(Locale.ROOT))
                    .doesNotContain(newPassword.toLowerCase(Locale.ROOT));
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void capture(List<String> observed, Action action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (Exception e) {
            observed.add(e.toString());
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                observed.add(t.toString());
            }
        }
    }
}
