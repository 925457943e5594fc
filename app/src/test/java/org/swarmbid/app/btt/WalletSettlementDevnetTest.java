package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.SettlementRequest;
import org.swarmbid.bidding.port.TransferClaim;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/**
 * The settlement port against an in-process devnet spoken to over real gRPC: TRX and BTT (TRC-20) transfers move
 * balances by exactly the amount (plus the fee for the sender), a retry never pays twice, and each way a claim can be
 * wrong gets the right status. Blocks are produced by the test, so "not yet solid" is observable.
 */
class WalletSettlementDevnetTest {
    private static final char[] PASSWORD = "settle".toCharArray();

    @TempDir
    Path dir;
    private Devnet devnet;
    private WalletService wallet;
    private UnlockedWallet unlocked;
    private TronNodeReader reader;
    private SettlementJournal journal;
    private ExecutorService executor;
    private WalletSettlement settlement;
    private ChainId chain;
    private TronAddress payer;
    private TronAddress payee;

    @BeforeEach
    void start() throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests());
        wallet = openWallet("payer", WalletOptions.DEFAULT_TRC20_FEE_LIMIT_SUN);
        payer = wallet.importPrivateKey(randomKeyHex(), PASSWORD);
        unlocked = wallet.unlock(PASSWORD);
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            payee = k.address();
        }
        devnet.faucet(payer, Amount.parse("1000", Asset.TRX));
        devnet.faucet(payer, Amount.parse("500", Asset.BTT));
        devnet.faucet(payee, Amount.parse("1", Asset.TRX)); // an existing account: no activation fee
        devnet.produceBlock();
        reader = new TronNodeReader(devnet.network(), Duration.ofSeconds(10));
        chain = ChainId.of(Long.toString(reader.chainId()));
        journal = SettlementJournal.open(dir.resolve(SettlementJournal.FILE_NAME));
        executor = Executors.newFixedThreadPool(2);
        settlement = new WalletSettlement(wallet, unlocked, reader, journal, chain, executor, Clock.systemUTC());
    }

    private WalletService openWallet(String name, long feeLimit) {
        return WalletService.open(dir.resolve(name), WalletOptions.defaults().withNetwork("devnet")
                .withNodes("127.0.0.1:" + devnet.fullNodePort(), "127.0.0.1:" + devnet.solidityPort())
                .withKeystore(Keystore.withScryptCost(1024, 8, 1, new SecureRandom()))
                .withTiming(Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMinutes(10))
                .withTrc20FeeLimit(feeLimit));
    }

    private static String randomKeyHex() {
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            byte[] raw = k.toBytes();
            String hex = HexFormat.of().formatHex(raw);
            java.util.Arrays.fill(raw, (byte) 0);
            return hex;
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        journal.close();
        reader.close();
        unlocked.lock();
        wallet.close();
        devnet.close();
    }

    private Account account(SettlementAsset asset) {
        return new Account(Address.of(payer.toBase58()), Address.of(payee.toBase58()), asset.biddingId(), chain);
    }

    private ChainStatus verify(String txid, Account a, BigInteger amount) {
        return settlement.verifyIncoming(new TransferClaim(txid, a, amount)).join();
    }

    private BigInteger trx(TronAddress who) {
        return wallet.balances(who).trx().units();
    }

    private BigInteger btt(TronAddress who) {
        return wallet.balances(who).btt().orElseThrow().units();
    }

    private long fee(String txid) {
        return wallet.refresh(txid).feeSun();
    }

    @Test
    void trxSettlementMovesExactlyTheAmountAndBecomesSolidAfterTheLag() {
        BigInteger payerBefore = trx(payer);
        BigInteger payeeBefore = trx(payee);
        BigInteger amount = new BigInteger("1500001");
        Account a = account(SettlementAsset.TRX);

        String txid = settlement.transfer(new SettlementRequest(1, a, amount)).join();
        assertThat(txid).matches("[0-9a-f]{64}");
        assertThat(settlement.status(txid).join()).isEqualTo(ChainStatus.BROADCAST);
        assertThat(verify(txid, a, amount)).as("not in a block: the node does not know it yet")
                .isEqualTo(ChainStatus.FAILED);

        devnet.produceBlock();
        assertThat(verify(txid, a, amount)).as("in a block, not solid").isEqualTo(ChainStatus.IN_BLOCK);
        assertThat(settlement.status(txid).join()).isEqualTo(ChainStatus.IN_BLOCK);

        devnet.produceBlocks(devnet.config().solidLag());
        assertThat(verify(txid, a, amount)).isEqualTo(ChainStatus.SOLID);
        assertThat(settlement.status(txid).join()).isEqualTo(ChainStatus.SOLID);

        assertThat(trx(payee)).isEqualTo(payeeBefore.add(amount));
        assertThat(trx(payer)).isEqualTo(payerBefore.subtract(amount).subtract(BigInteger.valueOf(fee(txid))));

        assertThat(verify(txid, a, amount.add(BigInteger.ONE))).as("wrong amount").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, account(SettlementAsset.BTT), amount)).as("wrong asset").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, account(SettlementAsset.BTT_OLD), amount)).as("wrong kind")
                .isEqualTo(ChainStatus.FAILED);
    }

    @Test
    void bttSettlementMovesExactlyAndEveryWrongClaimFails() {
        BigInteger payerTrx = trx(payer);
        BigInteger payerBtt = btt(payer);
        BigInteger payeeBtt = btt(payee);
        BigInteger amount = new BigInteger("12500000000000000001"); // 12.5 BTT and one base unit
        Account a = account(SettlementAsset.BTT);

        String txid = settlement.transfer(new SettlementRequest(2, a, amount)).join();
        devnet.produceBlocks(devnet.config().solidLag() + 1);
        assertThat(verify(txid, a, amount)).isEqualTo(ChainStatus.SOLID);

        long fee = fee(txid);
        assertThat(fee).as("a TRC-20 transfer burns energy").isPositive();
        assertThat(btt(payee)).isEqualTo(payeeBtt.add(amount));
        assertThat(btt(payer)).isEqualTo(payerBtt.subtract(amount));
        assertThat(trx(payer)).isEqualTo(payerTrx.subtract(BigInteger.valueOf(fee)));

        TronAddress stranger;
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            stranger = k.address();
        }
        Account wrongPayee = new Account(a.payer(), Address.of(stranger.toBase58()), a.asset(), chain);
        Account wrongPayer = new Account(Address.of(stranger.toBase58()), a.payee(), a.asset(), chain);
        Account wrongChain = new Account(a.payer(), a.payee(), a.asset(), ChainId.of("728126428"));
        assertThat(verify(txid, wrongPayee, amount)).as("wrong receiver").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, wrongPayer, amount)).as("wrong sender").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, a, amount.subtract(BigInteger.ONE))).as("wrong amount").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, account(SettlementAsset.TRX), amount)).as("wrong asset").isEqualTo(ChainStatus.FAILED);
        assertThat(verify(txid, wrongChain, amount)).as("wrong chain").isEqualTo(ChainStatus.FAILED);
        assertThat(verify("0123456789abcdef".repeat(4), a, amount)).as("missing").isEqualTo(ChainStatus.FAILED);
    }

    @Test
    void aFailedTransferOnChainIsFailed() {
        WalletService poor = openWallet("poor", 1_000); // a fee limit far below a BTT transfer's energy
        TronAddress sender = poor.importPrivateKey(randomKeyHex(), PASSWORD);
        devnet.faucet(sender, Amount.parse("100", Asset.TRX));
        devnet.faucet(sender, Amount.parse("10", Asset.BTT));
        devnet.produceBlock();
        String txid;
        try (UnlockedWallet u = poor.unlock(PASSWORD)) {
            var p = poor.prepare(u, payee, Amount.parse("1", Asset.BTT));
            poor.send(p);
            txid = p.txid();
        }
        devnet.produceBlocks(devnet.config().solidLag() + 1);
        assertThat(poor.refresh(txid).state()).as("the wallet sees it failed").isEqualTo(TxState.FAILED);
        Account a = new Account(Address.of(sender.toBase58()), Address.of(payee.toBase58()),
                SettlementAsset.BTT.biddingId(), chain);
        assertThat(verify(txid, a, BigInteger.TEN.pow(18))).isEqualTo(ChainStatus.FAILED);
        poor.close();
    }

    @Test
    void aRetryWithTheSameSettlementIdNeverPaysTwice() {
        Account a = account(SettlementAsset.TRX);
        BigInteger amount = BigInteger.valueOf(2_000_000);
        BigInteger payeeBefore = trx(payee);
        String first = settlement.transfer(new SettlementRequest(3, a, amount)).join();
        String again = settlement.transfer(new SettlementRequest(3, a, amount)).join();
        assertThat(again).isEqualTo(first);
        devnet.produceBlocks(devnet.config().solidLag() + 1);
        String afterSolid = settlement.transfer(new SettlementRequest(3, a, amount)).join();
        assertThat(afterSolid).isEqualTo(first);
        devnet.produceBlocks(2);
        assertThat(trx(payee)).as("paid once").isEqualTo(payeeBefore.add(amount));

        assertThatThrownBy(() -> settlement.transfer(new SettlementRequest(3, a, amount.add(BigInteger.ONE))).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other terms");
    }

    @Test
    void twoSettlementsWithTheSameTermsInOneBlockAreTwoTransactions() throws Exception {
        // the wallet stamps a transaction with its head block's time: same payee and amount in the same block would
        // be the same transaction, one payment that two settlements count (found in the swarm test, KillRestartTest)
        Account a = account(SettlementAsset.TRX);
        BigInteger amount = BigInteger.valueOf(1_250_000);
        BigInteger payeeBefore = trx(payee);
        String first = settlement.transfer(new SettlementRequest(7, a, amount)).join();
        java.util.concurrent.CompletableFuture<String> second = settlement.transfer(new SettlementRequest(8, a, amount));
        Thread.sleep(600);
        assertThat(second).as("waits for the head block to move").isNotDone();
        devnet.produceBlock();
        String secondTxid = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(secondTxid).isNotEqualTo(first);
        devnet.produceBlocks(devnet.config().solidLag() + 1);
        assertThat(settlement.status(first).join()).isEqualTo(ChainStatus.SOLID);
        assertThat(settlement.status(secondTxid).join()).isEqualTo(ChainStatus.SOLID);
        assertThat(trx(payee)).as("paid twice, once per settlement").isEqualTo(payeeBefore.add(amount.shiftLeft(1)));
    }

    @Test
    void aJournalledTransactionTheWalletNeverRecordedIsSignedAgainOnce() {
        Account a = account(SettlementAsset.TRX);
        BigInteger amount = BigInteger.valueOf(3_000_000);
        BigInteger payeeBefore = trx(payee);
        String lost = "fe".repeat(32); // crashed after the journal row, before the wallet recorded (and broadcast) it
        journal.put(new SettlementJournal.Entry(4, a, amount, lost), 0);

        String txid = settlement.transfer(new SettlementRequest(4, a, amount)).join();
        assertThat(txid).isNotEqualTo(lost);
        assertThat(journal.find(chain.value(), 4)).map(SettlementJournal.Entry::txid).contains(txid);
        assertThat(settlement.transfer(new SettlementRequest(4, a, amount)).join()).isEqualTo(txid);
        devnet.produceBlocks(devnet.config().solidLag() + 1);
        assertThat(settlement.status(txid).join()).isEqualTo(ChainStatus.SOLID);
        assertThat(trx(payee)).isEqualTo(payeeBefore.add(amount));
    }

    @Test
    void refusesToPayFromAnotherAccountOrChain() {
        Account notUs = new Account(Address.of(payee.toBase58()), Address.of(payer.toBase58()),
                SettlementAsset.TRX.biddingId(), chain);
        assertThatThrownBy(() -> settlement.transfer(new SettlementRequest(5, notUs, BigInteger.ONE)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("paid by");
        Account otherChain = new Account(Address.of(payer.toBase58()), Address.of(payee.toBase58()),
                SettlementAsset.TRX.biddingId(), ChainId.of("728126428"));
        assertThatThrownBy(() -> settlement.transfer(new SettlementRequest(6, otherChain, BigInteger.ONE)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain");
        assertThatThrownBy(() -> settlement.status("00".repeat(32)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDevnetChainIdComesFromItsGenesisBlock() {
        long id = Long.parseLong(chain.value());
        assertThat(id).isBetween(1L, 0xffff_ffffL);
        assertThat(id).isNotIn(728126428L, 3448148188L, 2494104990L);
        assertThat(BiddingSetup.chainId("mainnet", reader)).isEqualTo(728126428L);
        assertThat(BiddingSetup.chainId("devnet", reader)).isEqualTo(id);
    }
}
