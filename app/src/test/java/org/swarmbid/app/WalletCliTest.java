package org.swarmbid.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.PrivateKey;

/**
 * The command line end to end: {@code swarmbid wallet ...} and {@code swarmbid devnet faucet} through {@link Main#run}
 * against an in-process devnet (a block every 50 ms, solid after 19), passwords from a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletCliTest {

    private static final String PASSWORD = "cli-Pa55word!";
    private static final Pattern ADDRESS = Pattern.compile("address\\s+(T[1-9A-HJ-NP-Za-km-z]{33})");

    private Path dir;
    private Devnet devnet;
    private Path passwordFile;
    private ListAppender<ILoggingEvent> logs;
    private Logger swarmbidLogger;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        devnet = Devnet.start(DevnetConfig.forTests().withBlockInterval(Duration.ofMillis(50)));
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        swarmbidLogger = (Logger) LoggerFactory.getLogger("org.swarmbid");
        logs = new ListAppender<>();
        logs.start();
        swarmbidLogger.addAppender(logs);
        swarmbidLogger.setLevel(Level.TRACE);
        swarmbidLogger.setAdditive(false);
    }

    @AfterAll
    void stop() {
        swarmbidLogger.detachAppender(logs);
        swarmbidLogger.setLevel(null);
        swarmbidLogger.setAdditive(true);
        devnet.close();
    }

    private String[] node() {
        return new String[] {"--node", "127.0.0.1:" + devnet.fullNodePort(), "--solidity-node",
            "127.0.0.1:" + devnet.solidityPort()};
    }

    /** {@code swarmbid wallet SUB --wallet-dir W --node ... --password-file F ARGS}. */
    private Cli.Result wallet(Path walletDir, String sub, String... args) {
        List<String> all = new ArrayList<>(List.of("wallet", sub, "--wallet-dir", walletDir.toString(),
                "--password-file", passwordFile.toString()));
        all.addAll(List.of(node()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(new String[0]));
    }

    private String create(Path walletDir) {
        Cli.Result r = wallet(walletDir, "create", "--yes");
        assertThat(r.exit()).as(r.toString()).isZero();
        Matcher m = ADDRESS.matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return m.group(1);
    }

    private void faucet(String address, String amount, String asset) {
        Cli.Result r = Cli.run("devnet", "faucet", address, "--amount", amount, "--asset", asset, "--node",
                "127.0.0.1:" + devnet.fullNodePort());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("txid");
    }

    @Test
    void createFaucetBalanceSendTrxAndBttAndHistoryReachesSolid() {
        Path w = dir.resolve("alice");
        String alice = create(w);
        Cli.Result address = wallet(w, "address");
        assertThat(address.exit()).isZero();
        assertThat(address.out().strip()).isEqualTo(alice);

        faucet(alice, "100", "trx");
        faucet(alice, "50", "btt");
        Cli.Result before = wallet(w, "balance");
        assertThat(before.exit()).as(before.toString()).isZero();
        assertThat(before.out()).contains("TRX      100.000000 TRX").contains("BTT      50.000000000000000000 BTT")
                .contains("BTTOLD   0.000000 BTTOLD").contains("network  devnet");

        String bob;
        try (PrivateKey key = PrivateKey.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})) {
            bob = key.address().toBase58();
        }
        Cli.Result trx = wallet(w, "send", "--to", bob, "--amount", "1.5", "--asset", "trx", "--yes", "--wait",
                "--timeout", "60");
        assertThat(trx.exit()).as(trx.toString()).isZero();
        assertThat(trx.out()).contains("send      1.500000 TRX").contains("activates the recipient's account")
                .containsPattern("txid      [0-9a-f]{64}").contains("status    BROADCAST")
                .containsPattern("status    SOLID in block \\d+, fee 1\\.100000 TRX");
        Cli.Result btt = wallet(w, "send", "--to", bob, "--amount", "2.25", "--asset", "btt", "--yes", "--wait",
                "--timeout", "60");
        assertThat(btt.exit()).as(btt.toString()).isZero();
        assertThat(btt.out()).contains("send      2.250000000000000000 BTT").contains("energy")
                .contains("status    SOLID");

        Cli.Result history = wallet(w, "history");
        assertThat(history.exit()).as(history.toString()).isZero();
        List<String> lines = history.out().lines().filter(l -> l.contains("txid")).toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("SOLID").contains("to " + bob));
        assertThat(lines.get(0)).contains("-2.250000000000000000 BTT");
        assertThat(lines.get(1)).contains("-1.500000 TRX");
        BigDecimal fees = BigDecimal.ZERO;
        Matcher fee = Pattern.compile("fee (\\d+\\.\\d{6}) TRX").matcher(history.out());
        while (fee.find()) {
            fees = fees.add(new BigDecimal(fee.group(1)));
        }
        assertThat(fees).isGreaterThan(new BigDecimal("1.1"));

        Cli.Result after = wallet(w, "balance");
        BigDecimal expectedTrx = new BigDecimal("100").subtract(new BigDecimal("1.5")).subtract(fees);
        assertThat(after.out()).contains("TRX      " + expectedTrx.setScale(6).toPlainString() + " TRX")
                .contains("BTT      47.750000000000000000 BTT");
        Cli.Result bobBalance = wallet(w, "balance", bob);
        assertThat(bobBalance.out()).contains("TRX      1.500000 TRX").contains("BTT      2.250000000000000000 BTT");

        Path backup = dir.resolve("alice-backup.json");
        Cli.Result export = wallet(w, "export", "--out", backup.toString());
        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(backup).exists();
        assertThat(wallet(w, "export", "--out", backup.toString()).exit()).isEqualTo(ExitCode.FAILURE);
        assertNoSecrets(List.of(trx.err(), btt.err(), history.err(), after.err()), List.of(PASSWORD));
    }

    @Test
    void createAsksForThreeOfTheWordsAndWritesNothingOnAMismatch() {
        Path w = dir.resolve("confirm");
        Cli.Result ok = Cli.run(new WordAnswers(false), "wallet", "create", "--wallet-dir", w.toString(),
                "--password-file", passwordFile.toString(), node()[0], node()[1], node()[2], node()[3]);
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(ok.out().split("Type word #", -1)).hasSize(4);
        assertThat(ok.out()).containsPattern("address\\s+T");

        Path w2 = dir.resolve("mismatch");
        Cli.Result bad = Cli.run(new WordAnswers(true), "wallet", "create", "--wallet-dir", w2.toString(),
                "--password-file", passwordFile.toString());
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("does not match; nothing was written");
        assertThat(w2.resolve("keystore.json")).doesNotExist();
        // the words go to stdout once, never to stderr or the log
        List<String> words = new ArrayList<>(WordAnswers.words(bad.out()).values());
        assertNoSecrets(List.of(bad.err(), ok.err()), List.of(String.join(" ", words.subList(0, 3)), PASSWORD));
    }

    @Test
    void aWrongPasswordExitsThreeAndSaysSo() throws IOException {
        Path w = dir.resolve("wrong");
        create(w);
        Path wrong = dir.resolve("wrong-password.txt");
        Files.writeString(wrong, "not-it\n");
        Cli.Result r = Cli.run("wallet", "send", "--wallet-dir", w.toString(), "--password-file", wrong.toString(),
                "--to", Devnet.GENESIS_ADDRESS.toBase58(), "--amount", "1", "--yes", node()[0], node()[1], node()[2],
                node()[3]);
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("swarmbid: wrong password");
        assertNoSecrets(List.of(r.out(), r.err()), List.of("not-it", PASSWORD));
    }

    @Test
    void aCorruptKeystoreExitsThreeAndIsLeftUnchanged() throws IOException {
        Path w = dir.resolve("corrupt");
        create(w);
        Path keystore = w.resolve("keystore.json");
        String json = Files.readString(keystore);
        String broken = json.substring(0, json.length() / 2);
        Files.writeString(keystore, broken);
        for (String[] args : new String[][] {{"address"}, {"balance"}, {"export", "--out", dir.resolve("x").toString()},
            {"passwd", "--new-password-file", passwordFile.toString()},
            {"send", "--to", Devnet.GENESIS_ADDRESS.toBase58(), "--amount", "1", "--yes"}}) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            Cli.Result r = wallet(w, args[0], rest);
            assertThat(r.exit()).as(args[0] + ": " + r).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).as(args[0]).startsWith("swarmbid: keystore ").contains("is corrupt")
                    .doesNotContain("\tat ").hasLineCount(1);
            assertThat(Files.readString(keystore)).isEqualTo(broken);
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void anAddressTypoExitsThreeNamingTheProblem() {
        Path w = dir.resolve("typo");
        String me = create(w);
        String target = Devnet.GENESIS_ADDRESS.toBase58();
        char swapped = target.charAt(5) == 'x' ? 'y' : 'x';
        String typo = target.substring(0, 5) + swapped + target.substring(6);
        Map<String, String> cases = new HashMap<>();
        cases.put(typo, "checksum mismatch");
        cases.put(target.substring(1), "must be 34 characters");
        cases.put(target.substring(0, 33) + "0", "'0' at position 33");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Cli.Result r = wallet(w, "send", "--to", c.getKey(), "--amount", "1", "--yes");
            assertThat(r.exit()).as(c.getKey() + ": " + r).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).startsWith("swarmbid: invalid address").contains(c.getValue()).hasLineCount(1);
        }
        Cli.Result amount = wallet(w, "send", "--to", target, "--amount", "1.0000001", "--yes");
        assertThat(amount.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(amount.err()).contains("TRX allows 6");
        assertThat(wallet(w, "send", "--to", target, "--amount", "1", "--asset", "doge").err())
                .contains("expected trx, btt or bttold");
        assertThat(me).startsWith("T");
    }

    @Test
    void importsAKeyFromAFileAndNeverEchoesIt() throws IOException {
        String keyHex = "0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000";
        Path secret = dir.resolve("key.txt");
        Files.writeString(secret, keyHex + "\n");
        Path w = dir.resolve("imported");
        Cli.Result r = wallet(w, "import", "--private-key", "--secret-file", secret.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        try (PrivateKey key = PrivateKey.fromHex(keyHex)) {
            assertThat(r.out()).contains("address   " + key.address());
        }
        Files.writeString(secret, keyHex.substring(1) + "\n");
        Cli.Result bad = wallet(dir.resolve("imported2"), "import", "--private-key", "--secret-file",
                secret.toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("64 hex digits");
        Cli.Result twice = wallet(w, "import", "--private-key", "--secret-file", secret.toString());
        assertThat(twice.exit()).isNotZero();
        assertNoSecrets(List.of(r.out(), r.err(), bad.out(), bad.err(), twice.err()),
                List.of(keyHex.substring(0, 16), keyHex.substring(1, 17), PASSWORD));
    }

    @Test
    void usageErrorsExitTwo() {
        Cli.Result r = Cli.run("wallet", "send", "--amount", "1");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--to");
        assertThat(Cli.run("wallet", "import", "--wallet-dir", dir.toString()).exit()).isEqualTo(ExitCode.USAGE);
        Cli.Result unknown = Cli.run("wallet", "balance", "--wallet-dir", dir.resolve("none").toString(),
                "--network", "moon");
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown network 'moon'");
        Cli.Result none = Cli.run("wallet", "address", "--wallet-dir", dir.resolve("none").toString());
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("no wallet in");
    }

    @Test
    void devnetRunsPrintsTheFundedAccountAndStops() {
        Cli.Result r = Cli.run("devnet", "--port", "0", "--solidity-port", "0", "--block-interval", "0.1",
                "--stop-after", "1");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("devnet running: full node 127.0.0.1:").contains("a block every 0.1 s")
                .contains("address      " + Devnet.GENESIS_ADDRESS).contains("private key  "
                        + Devnet.GENESIS_PRIVATE_KEY_HEX).contains("devnet stopped");
        assertThat(Cli.run("devnet", "--block-interval", "0").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    /** Neither the texts nor any log event contains any of the secrets (case-insensitive). */
    private void assertNoSecrets(List<String> texts, List<String> secrets) {
        List<String> all = new ArrayList<>(texts);
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            all.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                all.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertThat(logs.list).isNotEmpty();
        for (String text : all) {
            for (String secret : secrets) {
                assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** Standard input that answers "Type word #N:" prompts from the words the command printed. */
    static final class WordAnswers extends InputStream {
        private final boolean wrong;
        private int answered;

        WordAnswers(boolean wrong) {
            this.wrong = wrong;
        }

        static Map<Integer, String> words(String out) {
            Map<Integer, String> words = new HashMap<>();
            Matcher m = Pattern.compile("(?m)\\s(\\d{1,2}) ([a-z]{3,8})\\b").matcher(out.substring(0,
                    Math.max(0, out.indexOf("Type word #") < 0 ? out.length() : out.indexOf("Type word #"))));
            while (m.find()) {
                words.put(Integer.parseInt(m.group(1)), m.group(2));
            }
            return words;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read lines");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            String out = Cli.currentOut();
            Matcher prompt = Pattern.compile("Type word #(\\d+): ").matcher(out);
            int count = 0;
            int position = -1;
            while (prompt.find()) {
                count++;
                position = Integer.parseInt(prompt.group(1));
            }
            if (count <= answered) {
                return -1;
            }
            answered = count;
            String word = wrong ? "zoo" : words(out).get(position);
            byte[] line = (word + "\n").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(line, 0, b, off, Math.min(len, line.length));
            return Math.min(len, line.length);
        }
    }
}
