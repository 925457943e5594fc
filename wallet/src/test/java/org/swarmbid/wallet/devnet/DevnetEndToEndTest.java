package org.swarmbid.wallet.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.FeeEstimate;
import org.swarmbid.wallet.chain.HeadBlock;
import org.swarmbid.wallet.chain.TridentChainClient;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.Addresses;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.RefBlock;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TestKeys;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;

/**
 * End to end over loopback: our transactions, Trident's real gRPC client ({@code ApiWrapper} over grpc-netty-shaded),
 * the devnet's gRPC server. Blocks are produced on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevnetEndToEndTest {

    private static final long TRX = 1_000_000L;
    private Devnet devnet;
    private TridentChainClient client;

    @BeforeAll
    void start() throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests());
        client = new TridentChainClient(devnet.network(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stop() {
        client.close();
        devnet.close();
    }

    private SignedTransaction sign(Transfer t, PrivateKeySigner signer, long feeLimit) {
        HeadBlock head = client.head();
        return SignedTransaction.sign(TransferBuilder.build(t,
                TxParams.of(head.refBlock(), head.timestampMillis(), Duration.ofMinutes(1), feeLimit)), signer);
    }

    private PrivateKeySigner funded(int seed, long sun) {
        PrivateKeySigner s = TestKeys.signer(seed);
        devnet.faucet(s.address(), sun);
        return s;
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void trxTransferActivatesThenUsesFreeBandwidthThenBurnsAndReachesSolid() {
        PrivateKeySigner alice = funded(1, 1_000 * TRX);
        TronAddress bob = TestKeys.address(2);
        assertThat(client.accountExists(bob)).isFalse();

        // 1: to a new account: activation 1.1 TRX, no bandwidth
        SignedTransaction first = sign(new Transfer.Trx(alice.address(), bob, big(5 * TRX)), alice, 0);
        FeeEstimate est1 = client.estimateFee(first);
        assertThat(est1.activationSun()).isEqualTo(1_100_000);
        assertThat(est1.totalSun()).isEqualTo(1_100_000);
        assertThat(client.broadcast(first)).isEqualTo(first.txid());
        assertThat(client.status(first.txid(), first.expirationMillis()).state()).isEqualTo(TxState.BROADCAST);
        assertThat(client.trxBalance(alice.address())).isEqualTo(big(1_000 * TRX - 5 * TRX - 1_100_000));
        assertThat(client.trxBalance(bob)).isEqualTo(big(5 * TRX));

        long block = devnet.produceBlock();
        TxStatus inBlock = client.status(first.txid(), first.expirationMillis());
        assertThat(inBlock.state()).isEqualTo(TxState.IN_BLOCK);
        assertThat(inBlock.blockNumber()).hasValue(block);
        assertThat(inBlock.feeSun()).isEqualTo(1_100_000);

        // 2..n: to an existing account: free bandwidth until the 600 daily points run short, then 1000 sun/byte
        long burnt = 0;
        int burning = 0;
        for (int i = 0; i < 5; i++) {
            BigInteger before = client.trxBalance(alice.address());
            SignedTransaction tx = sign(new Transfer.Trx(alice.address(), bob, big(TRX + i)), alice, 0);
            FeeEstimate est = client.estimateFee(tx);
            assertThat(est.bandwidthBytes()).isEqualTo(tx.serializedSize() + 64L);
            client.broadcast(tx);
            devnet.produceBlock();
            TxStatus st = client.status(tx.txid(), tx.expirationMillis());
            assertThat(st.feeSun()).as("estimate matches the fee charged").isEqualTo(est.totalSun());
            assertThat(client.trxBalance(alice.address())).isEqualTo(before.subtract(big(TRX + i + st.feeSun())));
            if (est.bandwidthBurnSun() > 0) {
                assertThat(est.bandwidthBurnSun()).isEqualTo(est.bandwidthBytes() * 1000);
                burning++;
                burnt += st.feeSun();
            }
        }
        assertThat(burning).as("600 free points cover only a few transfers").isBetween(1, 3);
        assertThat(burnt).isPositive();

        devnet.produceBlocks(19);
        TxStatus solid = client.status(first.txid(), first.expirationMillis());
        assertThat(solid.state()).isEqualTo(TxState.SOLID);
        assertThat(solid.blockNumber()).hasValue(block);
        assertThat(client.solidHead().number()).isEqualTo(client.head().number() - 19);
    }

    @Test
    void trc10TransferMovesTokensAndReportsPrecision() {
        PrivateKeySigner alice = funded(10, 100 * TRX);
        devnet.faucetTrc10(alice.address(), Devnet.BTT_TRC10_ID, 7_000_000);
        TronAddress bob = TestKeys.address(11);
        devnet.faucet(bob, TRX);
        assertThat(client.trc10Precision(Devnet.BTT_TRC10_ID)).isEqualTo(6);

        SignedTransaction tx = sign(new Transfer.Trc10(alice.address(), bob, Devnet.bttOld(), big(2_500_000)),
                alice, 0);
        FeeEstimate est = client.estimateFee(tx);
        client.broadcast(tx);
        devnet.produceBlocks(20);
        TxStatus st = client.status(tx.txid(), tx.expirationMillis());
        assertThat(st.state()).isEqualTo(TxState.SOLID);
        assertThat(st.feeSun()).isEqualTo(est.totalSun()).isZero();
        assertThat(client.trc10Balance(alice.address(), Devnet.BTT_TRC10_ID)).isEqualTo(big(4_500_000));
        assertThat(client.trc10Balance(bob, Devnet.BTT_TRC10_ID)).isEqualTo(big(2_500_000));
        assertThat(client.trxBalance(alice.address())).isEqualTo(big(100 * TRX));
    }

    @Test
    void trc20BttTransferBurnsEnergyWithinTheFeeLimit() {
        PrivateKeySigner alice = funded(20, 100 * TRX);
        BigInteger oneBtt = BigInteger.TEN.pow(18);
        devnet.faucetBtt(alice.address(), oneBtt.multiply(big(1000)));
        TronAddress bob = TestKeys.address(21);
        assertThat(client.trc20Decimals(Devnet.BTT_TRC20_CONTRACT)).isEqualTo(18);
        assertThat(client.trc20Balance(bob, Devnet.BTT_TRC20_CONTRACT)).isZero();

        BigInteger amount = oneBtt.multiply(big(250)).add(big(1));
        SignedTransaction tx = sign(new Transfer.Trc20(alice.address(), bob, Asset.BTT, amount),
                alice, 50 * TRX);
        FeeEstimate est = client.estimateFee(tx);
        assertThat(est.energyUsed()).isEqualTo(BttLedger.ENERGY_TRANSFER_NEW_HOLDER);
        assertThat(est.energyBurnSun()).isEqualTo(BttLedger.ENERGY_TRANSFER_NEW_HOLDER * 210);
        client.broadcast(tx);
        devnet.produceBlocks(20);
        TxStatus st = client.status(tx.txid(), tx.expirationMillis());
        assertThat(st.state()).isEqualTo(TxState.SOLID);
        assertThat(st.feeSun()).isEqualTo(est.totalSun());
        assertThat(client.trc20Balance(bob, Devnet.BTT_TRC20_CONTRACT)).isEqualTo(amount);
        assertThat(client.trc20Balance(alice.address(), Devnet.BTT_TRC20_CONTRACT))
                .isEqualTo(oneBtt.multiply(big(1000)).subtract(amount));
        assertThat(client.trxBalance(alice.address())).isEqualTo(big(100 * TRX - st.feeSun()));
        assertThat(client.accountExists(bob)).as("a TRC-20 transfer creates no TRON account").isFalse();
    }

    @Test
    void trc20RevertAndOutOfEnergyArePackedAsFailed() {
        PrivateKeySigner alice = funded(30, 100 * TRX);
        devnet.faucetBtt(alice.address(), big(10));
        TronAddress bob = TestKeys.address(31);

        SignedTransaction tooMuch = sign(new Transfer.Trc20(alice.address(), bob, Asset.BTT, big(11)),
                alice, 50 * TRX);
        client.broadcast(tooMuch);
        SignedTransaction starved = sign(new Transfer.Trc20(alice.address(), bob, Asset.BTT, big(1)),
                alice, 1_000);
        client.broadcast(starved);
        devnet.produceBlock();

        TxStatus reverted = client.status(tooMuch.txid(), tooMuch.expirationMillis());
        assertThat(reverted.state()).isEqualTo(TxState.FAILED);
        assertThat(reverted.detail()).startsWith("REVERT").contains("exceeds balance");
        assertThat(reverted.feeSun()).isGreaterThanOrEqualTo(BttLedger.ENERGY_REVERT * 210);
        TxStatus outOfEnergy = client.status(starved.txid(), starved.expirationMillis());
        assertThat(outOfEnergy.state()).isEqualTo(TxState.FAILED);
        assertThat(outOfEnergy.detail()).startsWith("OUT_OF_ENERGY");
        assertThat(client.trc20Balance(alice.address(), Devnet.BTT_TRC20_CONTRACT)).isEqualTo(big(10));
        assertThat(client.trc20Balance(bob, Devnet.BTT_TRC20_CONTRACT)).isZero();
    }

    @Test
    void rejectsABadSignature() {
        PrivateKeySigner alice = funded(40, 10 * TRX);
        PrivateKeySigner mallory = TestKeys.signer(41);
        SignedTransaction forged = sign(new Transfer.Trx(alice.address(), mallory.address(), big(TRX)), mallory, 0);
        assertRejected(forged, "SIGERROR", "signed by");
        assertThat(client.trxBalance(alice.address())).isEqualTo(big(10 * TRX));
    }

    @Test
    void rejectsExpiredAndTooLongLivedTransactions() {
        PrivateKeySigner alice = funded(50, 10 * TRX);
        TronAddress bob = TestKeys.address(51);
        HeadBlock head = client.head();
        Transfer t = new Transfer.Trx(alice.address(), bob, big(TRX));
        long hour = 3_600_000;
        SignedTransaction expired = SignedTransaction.sign(TransferBuilder.build(t,
                new TxParams(head.refBlock(), head.timestampMillis() - 2 * hour, head.timestampMillis() - hour, 0)),
                alice);
        assertRejected(expired, "TRANSACTION_EXPIRATION_ERROR", "expired");
        SignedTransaction tooLong = SignedTransaction.sign(TransferBuilder.build(t,
                new TxParams(head.refBlock(), head.timestampMillis(), head.timestampMillis() + 25 * hour, 0)), alice);
        assertRejected(tooLong, "TRANSACTION_EXPIRATION_ERROR", "24 h");
    }

    @Test
    void rejectsADuplicate() {
        PrivateKeySigner alice = funded(60, 10 * TRX);
        SignedTransaction tx = sign(new Transfer.Trx(alice.address(), TestKeys.signer(61).address(), big(TRX)),
                alice, 0);
        client.broadcast(tx);
        assertRejected(tx, "DUP_TRANSACTION_ERROR", tx.txidHex());
        devnet.produceBlock();
        assertRejected(tx, "DUP_TRANSACTION_ERROR", "already known");
    }

    @Test
    void rejectsInsufficientBalance() {
        PrivateKeySigner alice = funded(70, 3 * TRX);
        TronAddress bob = TestKeys.address(71);
        devnet.faucet(bob, TRX);
        assertRejected(sign(new Transfer.Trx(alice.address(), bob, big(3 * TRX + 1)), alice, 0),
                "CONTRACT_VALIDATE_ERROR", "balance is not sufficient");
        assertRejected(sign(new Transfer.Trc10(alice.address(), bob, Devnet.bttOld(), big(1)), alice, 0),
                "CONTRACT_VALIDATE_ERROR", "assetBalance must be greater than 0");
        assertThat(client.trxBalance(alice.address())).isEqualTo(big(3 * TRX));
    }

    @Test
    void rejectsInvalidAddressesLocallyAndAtTheNode() {
        PrivateKeySigner alice = funded(80, 10 * TRX);
        ByteString bad = ByteString.copyFrom(new byte[] {0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20});
        assertThatThrownBy(() -> Addresses.fromProto(bad, "recipient"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x41");
        // hand-built, bypassing our checks: the node must refuse it too
        HeadBlock head = client.head();
        Chain.Transaction raw = Chain.Transaction.newBuilder().setRawData(Chain.Transaction.raw.newBuilder()
                .setRefBlockBytes(head.refBlock().bytes()).setRefBlockHash(head.refBlock().hash())
                .setExpiration(head.timestampMillis() + 60_000).setTimestamp(head.timestampMillis())
                .addContract(Chain.Transaction.Contract.newBuilder()
                        .setType(Chain.Transaction.Contract.ContractType.TransferContract)
                        .setParameter(Any.pack(Contract.TransferContract.newBuilder()
                                .setOwnerAddress(Addresses.toProto(alice.address())).setToAddress(bad.substring(0, 20)).setAmount(TRX)
                                .build(), "type.googleapis.com")))).build();
        assertRejected(SignedTransaction.sign(raw, alice), "CONTRACT_VALIDATE_ERROR", "Invalid toAddress");
    }

    @Test
    void rejectsAWrongReferenceBlock() {
        PrivateKeySigner alice = funded(90, 10 * TRX);
        HeadBlock head = client.head();
        RefBlock wrong = new RefBlock(head.refBlock().bytes(), ByteString.copyFrom(new byte[8]));
        SignedTransaction tx = SignedTransaction.sign(TransferBuilder.build(
                new Transfer.Trx(alice.address(), TestKeys.signer(91).address(), big(TRX)),
                TxParams.of(wrong, head.timestampMillis(), Duration.ofMinutes(1), 0)), alice);
        assertRejected(tx, "TAPOS_ERROR", "does not match block " + head.number());
    }

    @Test
    void rejectsATooBigTransaction() {
        PrivateKeySigner alice = funded(100, 10 * TRX);
        SignedTransaction normal = sign(new Transfer.Trx(alice.address(), TestKeys.signer(101).address(),
                big(TRX)), alice, 0);
        Chain.Transaction bloated = normal.transaction().toBuilder().clearSignature()
                .setRawData(normal.transaction().getRawData().toBuilder()
                        .setData(ByteString.copyFrom(new byte[600 * 1024]))).build();
        assertRejected(SignedTransaction.sign(bloated, alice), "TOO_BIG_TRANSACTION_ERROR", "limit is 512000");
    }

    @Test
    void aTransactionThatNeverArrivesExpires() throws InterruptedException {
        PrivateKeySigner alice = funded(110, 10 * TRX);
        HeadBlock head = client.head();
        SignedTransaction lost = SignedTransaction.sign(TransferBuilder.build(
                new Transfer.Trx(alice.address(), TestKeys.signer(111).address(), big(TRX)),
                new TxParams(head.refBlock(), head.timestampMillis() - 10, head.timestampMillis() + 1, 0)), alice);
        assertThat(client.status(lost.txid(), lost.expirationMillis()).state()).isEqualTo(TxState.BROADCAST);
        Thread.sleep(5);
        devnet.produceBlock();
        assertThat(client.status(lost.txid(), lost.expirationMillis()).state()).isEqualTo(TxState.EXPIRED);
    }

    @Test
    void theFaucetSendsRealTransfersFromGenesis() {
        TronAddress carol = TestKeys.address(120);
        String txid = DevnetFaucet.send(client, carol, Amount.parse("3", Asset.TRX));
        DevnetFaucet.send(client, carol, Amount.parse("2", Devnet.bttOld()));
        DevnetFaucet.send(client, carol, Amount.parse("1.5", Asset.BTT));
        assertThat(client.balance(carol, Asset.TRX)).isEqualTo(Amount.parse("3", Asset.TRX));
        assertThat(client.balance(carol, Devnet.bttOld())).isEqualTo(Amount.parse("2", Devnet.bttOld()));
        assertThat(client.balance(carol, Asset.BTT)).isEqualTo(Amount.parse("1.5", Asset.BTT));
        devnet.produceBlock();
        assertThat(client.status(ByteString.copyFrom(Hex.decode(txid)), Long.MAX_VALUE).state())
                .isEqualTo(TxState.IN_BLOCK);
    }

    private void assertRejected(SignedTransaction tx, String code, String messagePart) {
        assertThatThrownBy(() -> client.broadcast(tx))
                .isInstanceOfSatisfying(BroadcastRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.nodeMessage()).contains(messagePart);
                });
    }
}
