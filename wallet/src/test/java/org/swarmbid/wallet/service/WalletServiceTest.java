package org.swarmbid.wallet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.tx.TestKeys;

/** The facade end to end against an in-process devnet through the real Trident client. */
class WalletServiceTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final String BIP39_VECTOR = "abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon abandon about";

    @TempDir
    Path dir;
    private Devnet devnet;
    private WalletService wallet;

    @BeforeEach
    void start() throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests().withBlockInterval(Duration.ofMillis(40)));
        wallet = WalletService.open(dir.resolve("wallet"), options());
    }

    private WalletOptions options() {
        return WalletOptions.defaults().withNetwork("devnet")
                .withNodes("127.0.0.1:" + devnet.fullNodePort(), "127.0.0.1:" + devnet.solidityPort())
                .withKeystore(Keystore.withScryptCost(1024, 8, 1, new SecureRandom()))
                .withTiming(Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        wallet.close();
        devnet.close();
    }

    private TronAddress createFromVector() {
        try (Mnemonic m = WalletService.parseMnemonic(BIP39_VECTOR)) {
            return wallet.create(m, new char[0], 0, PASSWORD, true);
        }
    }

    @Test
    void createsAnOwnerOnlyWalletThatUnlocksToTheDerivedAddress() throws IOException {
        TronAddress address = createFromVector();
        // m/44'/195'/0'/0/0 of the all-"abandon" BIP-39 vector, as TronLink and Trust Wallet derive it
        assertThat(address.toBase58()).isEqualTo("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH");
        assertThat(wallet.address()).isEqualTo(address);
        assertThat(Files.getPosixFilePermissions(wallet.folder().keystore()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(wallet.folder().dir()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(wallet.folder().readSettings().network()).isEqualTo("devnet");
        try (UnlockedWallet unlocked = wallet.unlock(PASSWORD)) {
            assertThat(unlocked.address()).isEqualTo(address);
            unlocked.lock();
            assertThat(unlocked.isLocked()).isTrue();
            assertThatThrownBy(() -> unlocked.signer().sign(new byte[32])).isInstanceOf(IllegalStateException.class);
        }
        try (Mnemonic again = WalletService.parseMnemonic(BIP39_VECTOR)) {
            assertThatThrownBy(() -> wallet.create(again, new char[0], 0, PASSWORD, false))
                    .isInstanceOfSatisfying(WalletException.class,
                            e -> assertThat(e.reason()).isEqualTo(WalletException.Reason.WALLET_EXISTS));
        }
    }

    @Test
    void sendsEachAssetAndFollowsItToSolidWithFeesAccounted() {
        TronAddress me = createFromVector();
        devnet.faucet(me, Amount.parse("100", Asset.TRX));
        devnet.faucet(me, Amount.parse("500", Asset.BTT));
        devnet.faucet(me, Amount.parse("40", Devnet.bttOld()));
        TronAddress friend = TestKeys.address(900);
        devnet.faucet(friend, 1_000_000);

        Balances before = wallet.balances(me);
        assertThat(before.trx()).hasToString("100 TRX");
        assertThat(before.btt()).contains(Amount.parse("500", Asset.BTT));
        assertThat(before.bttOld()).contains(Amount.parse("40", Devnet.bttOld()));

        Amount feesPaid = Amount.zero(Asset.TRX);
        try (UnlockedWallet unlocked = wallet.unlock(PASSWORD)) {
            for (String[] send : new String[][] {{"trx", "1.5"}, {"btt", "12.000000000000000001"}, {"bttold", "2.5"}}) {
                Amount amount = WalletService.parseAmount(send[1], wallet.asset(send[0]));
                PreparedTransfer p = wallet.prepare(unlocked, friend, amount);
                assertThat(wallet.send(p).state()).isEqualTo(TxState.BROADCAST);
                TxStatus done = wallet.await(p.txid(), TxState.SOLID, Duration.ofSeconds(20));
                assertThat(done.state()).as(send[0]).isEqualTo(TxState.SOLID);
                assertThat(done.feeSun()).as("estimate = fee charged").isEqualTo(p.estimate().totalSun());
                feesPaid = feesPaid.add(Amount.ofUnits(done.feeSun(), Asset.TRX));
            }
        }
        assertThat(feesPaid.isZero()).as("the TRC-20 transfer burns energy").isFalse();
        Balances after = wallet.balances(me);
        assertThat(after.trx()).isEqualTo(before.trx().subtract(Amount.parse("1.5", Asset.TRX)).subtract(feesPaid));
        assertThat(after.btt()).contains(Amount.parse("487.999999999999999999", Asset.BTT));
        assertThat(after.bttOld()).contains(Amount.parse("37.5", Devnet.bttOld()));
        assertThat(wallet.balances(friend).trx()).isEqualTo(Amount.parse("2.5", Asset.TRX));

        List<HistoryEntry> history = wallet.history(10);
        assertThat(history).hasSize(3).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(TxState.SOLID);
            assertThat(e.from()).isEqualTo(me);
            assertThat(e.to()).isEqualTo(friend);
        });
        assertThat(history).extracting(e -> e.amount().toString())
                .containsExactlyInAnyOrder("1.5 TRX", "12.000000000000000001 BTT", "2.5 BTTOLD");
    }

    @Test
    void refusesWhatCannotSucceedBeforeAnythingIsSent() {
        TronAddress me = createFromVector();
        devnet.faucet(me, Amount.parse("2", Asset.TRX));
        devnet.faucet(me, Amount.parse("1", Asset.BTT));
        TronAddress friend = TestKeys.address(901);
        try (UnlockedWallet unlocked = wallet.unlock(PASSWORD)) {
            assertReason(() -> wallet.prepare(unlocked, friend, Amount.parse("5", Asset.TRX)),
                    WalletException.Reason.INSUFFICIENT_FUNDS, "holds 2 TRX");
            assertReason(() -> wallet.prepare(unlocked, friend, Amount.parse("1.000000000000000001", Asset.BTT)),
                    WalletException.Reason.INSUFFICIENT_FUNDS, "holds 1 BTT");
            assertReason(() -> wallet.prepare(unlocked, friend, Amount.parse("1", Asset.TRX)),
                    WalletException.Reason.INSUFFICIENT_FUNDS, "amount and fee");
            assertReason(() -> wallet.prepare(unlocked, me, Amount.parse("1", Asset.TRX)),
                    WalletException.Reason.INVALID_INPUT, "same address");
        }
        assertThat(wallet.history(10)).isEmpty();
        assertReason(() -> WalletService.parseAmount("1.0000001", Asset.TRX), WalletException.Reason.INVALID_INPUT,
                "allows 6");
        assertReason(() -> WalletService.parseAmount("0", Asset.TRX), WalletException.Reason.INVALID_INPUT, "more than 0");
        assertReason(() -> wallet.asset("eth"), WalletException.Reason.INVALID_INPUT, "trx, btt or bttold");
        String typo = me.toBase58().substring(0, 10) + (me.toBase58().charAt(10) == 'a' ? 'b' : 'a')
                + me.toBase58().substring(11);
        assertReason(() -> WalletService.parseAddress(typo), WalletException.Reason.INVALID_INPUT, "checksum");
    }

    @Test
    void wrongPasswordAndCorruptKeystoreAreClearAndChangeNothing() throws IOException {
        createFromVector();
        byte[] good = Files.readAllBytes(wallet.folder().keystore());
        assertReason(() -> wallet.unlock("guess".toCharArray()), WalletException.Reason.WRONG_PASSWORD,
                "wrong password");
        assertReason(() -> wallet.changePassword("guess".toCharArray(), "new".toCharArray()),
                WalletException.Reason.WRONG_PASSWORD, "wrong password");
        assertThat(Files.readAllBytes(wallet.folder().keystore())).isEqualTo(good);

        String json = new String(good, java.nio.charset.StandardCharsets.UTF_8);
        byte[] corrupt = json.replaceFirst("\"mac\" *: *\"[0-9a-f]{4}", "\"mac\": \"zzzz")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(wallet.folder().keystore(), corrupt);
        assertReason(() -> wallet.unlock(PASSWORD), WalletException.Reason.CORRUPT_KEYSTORE, "crypto.mac");
        assertReason(() -> wallet.changePassword(PASSWORD, "new".toCharArray()),
                WalletException.Reason.CORRUPT_KEYSTORE, "corrupt");
        assertThat(Files.readAllBytes(wallet.folder().keystore())).isEqualTo(corrupt);
    }

    @Test
    void changesPasswordAndExportsABackupThatOpens() throws IOException {
        TronAddress me = createFromVector();
        wallet.changePassword(PASSWORD, "n3w pass".toCharArray());
        assertReason(() -> wallet.unlock(PASSWORD), WalletException.Reason.WRONG_PASSWORD, "wrong password");
        Path backup = dir.resolve("backup.json");
        wallet.exportBackup(backup);
        assertReason(() -> wallet.exportBackup(backup), WalletException.Reason.WALLET_EXISTS, "already exists");
        try (WalletService restored = WalletService.open(dir.resolve("restored"), options())) {
            restored.folder().create();
            Files.copy(backup, restored.folder().keystore());
            try (UnlockedWallet u = restored.unlock("n3w pass".toCharArray())) {
                assertThat(u.address()).isEqualTo(me);
            }
        }
    }

    @Test
    void importsARawKeyAndRefusesABadOneWithoutEchoingIt() {
        String hex = "b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28";
        assertReason(() -> wallet.importPrivateKey(hex.substring(2), PASSWORD), WalletException.Reason.INVALID_INPUT,
                "64 hex digits");
        assertThat(wallet.exists()).isFalse();
        TronAddress a = wallet.importPrivateKey(hex, PASSWORD);
        assertThat(a).isEqualTo(TronAddress.fromPublicKey(
                org.swarmbid.wallet.key.PrivateKey.fromHex(hex).publicKey()));
        assertReason(() -> wallet.unlock(new char[] {'x'}), WalletException.Reason.WRONG_PASSWORD, "wrong");
        try {
            wallet.importPrivateKey(hex.substring(0, 63) + "g", PASSWORD);
        } catch (WalletException e) {
            assertThat(e.getMessage()).doesNotContain(hex.substring(0, 16));
        }
    }

    @Test
    void aNetworkOverrideDoesNotMixHistoriesAndSettingsPersist() {
        createFromVector();
        assertThat(wallet.folder().readSettings()).isEqualTo(new WalletSettings("devnet",
                Optional.of("127.0.0.1:" + devnet.fullNodePort()), Optional.of("127.0.0.1:" + devnet.solidityPort())));
        try (WalletService nile = WalletService.open(wallet.folder().dir(), WalletOptions.defaults().withNetwork("nile"))) {
            assertThat(nile.network().name()).isEqualTo("nile");
            assertThat(nile.network().fullNode()).isEqualTo("grpc.nile.trongrid.io:50051");
            assertThat(nile.folder().history("nile")).isNotEqualTo(wallet.folder().history("devnet"));
        }
        try (WalletService again = WalletService.open(wallet.folder().dir(), WalletOptions.defaults())) {
            assertThat(again.network().fullNode()).isEqualTo("127.0.0.1:" + devnet.fullNodePort());
        }
        assertThat(WalletSettings.resolveEndpoints(org.swarmbid.wallet.chain.Network.preset("devnet"),
                Optional.of("10.0.0.1:7000"), Optional.empty()).solidityNode()).isEqualTo("10.0.0.1:7010");
        assertReason(() -> WalletService.open(dir, WalletOptions.defaults().withNetwork("moon")),
                WalletException.Reason.INVALID_INPUT, "unknown network 'moon'");
    }

    private static void assertReason(Runnable action, WalletException.Reason reason, String part) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(WalletException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(part).doesNotContain("\n");
        });
    }
}
