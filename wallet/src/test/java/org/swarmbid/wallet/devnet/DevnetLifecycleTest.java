package org.swarmbid.wallet.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.ChainException;
import org.swarmbid.wallet.chain.HeadBlock;
import org.swarmbid.wallet.chain.TridentChainClient;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TestKeys;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;
import org.tron.trident.proto.Chain;

class DevnetLifecycleTest {

    @Test
    void blockIdsCarryTheNumberAndChainToTheirParent() throws IOException {
        try (Devnet devnet = Devnet.start(DevnetConfig.forTests());
                TridentChainClient c = new TridentChainClient(devnet.network(), Duration.ofSeconds(10))) {
            HeadBlock genesis = c.head();
            devnet.produceBlocks(3);
            HeadBlock head = c.head();
            assertThat(head.number()).isEqualTo(genesis.number() + 3);
            assertThat(head.id().substring(0, 8).asReadOnlyByteBuffer().getLong()).isEqualTo(head.number());
            assertThat(head.timestampMillis()).isGreaterThan(genesis.timestampMillis());
            assertThat(c.solidHead().number()).as("head below the lag: solid stays at genesis").isZero();
        }
    }

    @Test
    void merkleRootAndBlockIdAreDeterministic() {
        Chain.Transaction a = Chain.Transaction.newBuilder().setRawData(Chain.Transaction.raw.newBuilder()
                .setTimestamp(1)).build();
        Chain.Transaction b = a.toBuilder().setRawData(a.getRawData().toBuilder().setTimestamp(2)).build();
        assertThat(DevnetNode.merkleRoot(List.of())).isEqualTo(ByteString.copyFrom(new byte[32]));
        assertThat(DevnetNode.merkleRoot(List.of(a))).isEqualTo(ByteString.copyFrom(Hashes.sha256(
                a.toByteArray())));
        assertThat(DevnetNode.merkleRoot(List.of(a, b))).isNotEqualTo(DevnetNode.merkleRoot(List.of(b, a)));
        Chain.Block block = Chain.Block.newBuilder().setBlockHeader(Chain.BlockHeader.newBuilder().setRawData(
                Chain.BlockHeader.raw.newBuilder().setNumber(0x0102030405L).setTimestamp(9))).build();
        ByteString id = DevnetNode.blockId(block);
        assertThat(id.substring(0, 8)).isEqualTo(ByteString.copyFrom(new byte[] {0, 0, 0, 1, 2, 3, 4, 5}));
        assertThat(id.substring(8)).isEqualTo(ByteString.copyFrom(Hashes.sha256(
                block.getBlockHeader().getRawData().toByteArray())).substring(8));
    }

    @Test
    void stateSurvivesARestart(@TempDir Path dir) throws IOException {
        DevnetConfig config = DevnetConfig.forTests().withDatabase(dir.resolve("devnet.db"));
        PrivateKeySigner alice = TestKeys.signer(700);
        TronAddress bob = TestKeys.address(701);
        SignedTransaction tx;
        long head;
        try (Devnet devnet = Devnet.start(config);
                TridentChainClient c = new TridentChainClient(devnet.network(), Duration.ofSeconds(10))) {
            devnet.faucet(alice.address(), 9_000_000);
            HeadBlock h = c.head();
            tx = SignedTransaction.sign(TransferBuilder.build(new Transfer.Trx(alice.address(), bob,
                    BigInteger.valueOf(1_000_000)), TxParams.of(h.refBlock(), h.timestampMillis(),
                    Duration.ofHours(1), 0)), alice);
            c.broadcast(tx);
            head = devnet.produceBlock();
        }
        try (Devnet devnet = Devnet.start(config);
                TridentChainClient c = new TridentChainClient(devnet.network(), Duration.ofSeconds(10))) {
            assertThat(devnet.headNumber()).isEqualTo(head);
            assertThat(c.trxBalance(bob)).isEqualTo(BigInteger.valueOf(1_000_000));
            assertThat(c.trxBalance(alice.address())).isEqualTo(BigInteger.valueOf(9_000_000 - 1_000_000 - 1_100_000));
            SignedTransaction again = tx;
            assertThatThrownBy(() -> c.broadcast(again)).isInstanceOfSatisfying(BroadcastRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo("DUP_TRANSACTION_ERROR"));
        }
    }

    @Test
    void theTimerProducesBlocks() throws IOException, InterruptedException {
        try (Devnet devnet = Devnet.start(DevnetConfig.forTests().withBlockInterval(Duration.ofMillis(50)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (devnet.headNumber() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(devnet.headNumber()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void unknownTokensAndContractsAreClearErrors() throws IOException {
        try (Devnet devnet = Devnet.start(DevnetConfig.forTests());
                TridentChainClient c = new TridentChainClient(devnet.network(), Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> c.trc10Precision("1000001")).isInstanceOf(ChainException.class)
                    .hasMessageContaining("no TRC-10 token with id 1000001");
            TronAddress notAContract = TestKeys.address(702);
            assertThatThrownBy(() -> c.trc20Decimals(notAContract)).isInstanceOf(ChainException.class)
                    .hasMessageContaining("No contract");
            assertThat(c.trxBalance(Devnet.GENESIS_ADDRESS)).isEqualTo(BigInteger.valueOf(Devnet.GENESIS_TRX_SUN));
        }
    }
}
