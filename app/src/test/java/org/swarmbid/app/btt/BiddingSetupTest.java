package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.ledger.CorruptLedgerException;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.TronAccount;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/** BiddingSetup against a devnet: a working set of ports, and clean failure for a wrong password or a bad ledger. */
class BiddingSetupTest {
    @TempDir
    Path dir;
    private Devnet devnet;
    private WalletService wallet;
    private TronAddress me;

    @BeforeEach
    void start() throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests());
        wallet = WalletService.open(dir.resolve("wallet"), WalletOptions.defaults().withNetwork("devnet")
                .withNodes("127.0.0.1:" + devnet.fullNodePort(), "127.0.0.1:" + devnet.solidityPort())
                .withKeystore(Keystore.withScryptCost(1024, 8, 1, new SecureRandom())));
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            me = wallet.importPrivateKey(java.util.HexFormat.of().formatHex(k.toBytes()), "pw".toCharArray());
        }
    }

    @AfterEach
    void stop() {
        wallet.close();
        devnet.close();
    }

    @Test
    void buildsWorkingPortsAndWipesThePasswordAndTheKeyOnClose() throws Exception {
        char[][] handedOut = new char[1][];
        PasswordSource source = prompt -> {
            handedOut[0] = "pw".toCharArray();
            return handedOut[0];
        };
        BiddingOptions o = new BiddingOptions();
        o.maxPrice = "0.05";
        o.budget = "2";
        Path state = dir.resolve("state");
        BiddingServices s = BiddingSetup.open(o, wallet, source, state);
        try {
            assertThat(handedOut[0]).as("password wiped").containsOnly('\0');
            assertThat(Files.exists(state.resolve("ledger.sqlite"))).isTrue();
            assertThat(s.self()).isEqualTo(Address.of(me.toBase58()));
            assertThat(s.config().buyer().spendingEnabled()).isTrue();
            assertThat(s.asset()).isEqualTo(SettlementAsset.BTT);
            assertThat(s.chain().value()).isEqualTo(Long.toString(s.chainId()));
            try (TronNodeReader r = new TronNodeReader(devnet.network(), Duration.ofSeconds(5))) {
                assertThat(s.chainId()).isEqualTo(r.chainId());
            }
            byte[] digest = ChequeDigest.digest(s.domain(), TronAccount.of(me.toBytes()),
                    TronAccount.fromHex("41521ea197907927725ef36d70f25f850d1659c7c7"), BigInteger.TEN, 1);
            byte[] sig = s.signer().sign(Digest32.of(digest)).get();
            assertThat(s.verifier().verify(Digest32.of(digest), sig, s.self())).isTrue();
            assertThat(s.toString()).contains(me.toBase58());
        } finally {
            s.close();
        }
        assertThat(s.unlocked().isLocked()).isTrue();
        assertThat(s.executor().isShutdown()).isTrue();
        assertThatThrownBy(() -> s.signer().sign(new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongPasswordFailsAndLeavesNothingOpen() {
        Path state = dir.resolve("state");
        assertThatThrownBy(() -> BiddingSetup.open(BiddingConfig.defaults(), SettlementAsset.TRX, wallet,
                prompt -> "nope".toCharArray(), state, Clock.systemUTC()))
                .isInstanceOfSatisfying(WalletException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalletException.Reason.WRONG_PASSWORD));
        // the ledger was closed again: it can be opened and deleted
        try (var again = org.swarmbid.bidding.ledger.Ledger.open(state.resolve("ledger.sqlite"))) {
            assertThat(again.bidCount(org.swarmbid.bidding.ledger.Direction.SENT)).isZero();
        }
    }

    @Test
    void aCorruptLedgerFailsBeforeThePasswordIsAsked() throws IOException {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("ledger.sqlite"), "garbage, not SQLite");
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> BiddingSetup.open(BiddingConfig.defaults(), SettlementAsset.BTT, wallet,
                prompt -> {
                    asked.incrementAndGet();
                    return "pw".toCharArray();
                }, state, Clock.systemUTC()))
                .isInstanceOf(CorruptLedgerException.class).hasMessageContaining("left untouched");
        assertThat(asked).hasValue(0);
        assertThat(Files.readString(state.resolve("ledger.sqlite"))).isEqualTo("garbage, not SQLite");
    }

    @Test
    void walletOptionsTakeTheNetworkOption() {
        BiddingOptions o = new BiddingOptions();
        assertThat(BiddingSetup.walletOptions(o, WalletOptions.defaults()).network()).isEmpty();
        o.network = "nile";
        assertThat(BiddingSetup.walletOptions(o, WalletOptions.defaults()).network()).contains("nile");
    }
}
