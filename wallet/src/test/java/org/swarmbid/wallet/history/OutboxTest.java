package org.swarmbid.wallet.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.ChainClient;
import org.swarmbid.wallet.chain.ChainException;
import org.swarmbid.wallet.chain.FeeEstimate;
import org.swarmbid.wallet.chain.FeeSchedule;
import org.swarmbid.wallet.chain.HeadBlock;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.chain.TridentChainClient;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TestKeys;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;

/** The outbox against the devnet through Trident: recorded before broadcast, followed to SOLID, failures kept. */
class OutboxTest {

    private Devnet devnet;
    private TridentChainClient client;
    private TransactionHistory history;
    private final PrivateKeySigner alice = TestKeys.signer(600);
    private final TronAddress bob = TestKeys.address(601);

    @BeforeEach
    void start() throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests());
        client = new TridentChainClient(devnet.network(), Duration.ofSeconds(10));
        history = TransactionHistory.inMemory();
        devnet.faucet(alice.address(), 50_000_000);
    }

    @AfterEach
    void stop() {
        history.close();
        client.close();
        devnet.close();
    }

    private SignedTransaction sign(Transfer t) {
        HeadBlock head = client.head();
        return SignedTransaction.sign(TransferBuilder.build(t, TxParams.of(head.refBlock(), head.timestampMillis(),
                Duration.ofMinutes(1), 0)), alice);
    }

    @Test
    void recordsBeforeBroadcastAndFollowsToSolid() {
        Transfer t = new Transfer.Trx(alice.address(), bob, BigInteger.valueOf(2_000_000));
        SignedTransaction tx = sign(t);
        AtomicReference<TxState> seenAtBroadcast = new AtomicReference<>();
        ChainClient spy = new Forwarding(client) {
            @Override
            public ByteString broadcast(SignedTransaction s) {
                seenAtBroadcast.set(history.find(s.txidHex()).orElseThrow().state());
                return super.broadcast(s);
            }
        };
        Outbox outbox = new Outbox(spy, history, Clock.systemUTC());
        assertThat(outbox.send(tx, t).state()).isEqualTo(TxState.BROADCAST);
        assertThat(seenAtBroadcast.get()).isEqualTo(TxState.SIGNED);
        assertThat(history.find(tx.txidHex()).orElseThrow().state()).isEqualTo(TxState.BROADCAST);

        devnet.produceBlock();
        assertThat(outbox.refreshUnsettled()).isEqualTo(1);
        assertThat(history.find(tx.txidHex()).orElseThrow().state()).isEqualTo(TxState.IN_BLOCK);
        devnet.produceBlocks(19);
        outbox.refreshUnsettled();
        HistoryEntry done = history.find(tx.txidHex()).orElseThrow();
        assertThat(done.state()).isEqualTo(TxState.SOLID);
        assertThat(done.feeSun()).isEqualTo(1_100_000);
        assertThat(history.unsettled()).isEmpty();
    }

    @Test
    void aRejectedTransactionIsKeptAsFailedWithTheNodesCode() {
        Transfer t = new Transfer.Trx(alice.address(), bob, BigInteger.valueOf(60_000_000));
        SignedTransaction tx = sign(t);
        Outbox outbox = new Outbox(client, history, Clock.systemUTC());
        assertThatThrownBy(() -> outbox.send(tx, t)).isInstanceOf(BroadcastRejectedException.class);
        HistoryEntry e = history.find(tx.txidHex()).orElseThrow();
        assertThat(e.state()).isEqualTo(TxState.FAILED);
        assertThat(e.detail()).startsWith("CONTRACT_VALIDATE_ERROR").contains("balance is not sufficient");
    }

    @Test
    void anUnreachableNodeLeavesItSignedForARebroadcast() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Transfer t = new Transfer.Trx(alice.address(), bob, BigInteger.valueOf(1_000_000));
        SignedTransaction tx = sign(t);
        try (TridentChainClient dead = new TridentChainClient(Network.devnet(deadPort, deadPort),
                Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> new Outbox(dead, history, Clock.systemUTC()).send(tx, t))
                    .isInstanceOf(ChainException.class).hasMessageContaining("UNAVAILABLE");
        }
        assertThat(history.find(tx.txidHex()).orElseThrow().state()).isEqualTo(TxState.SIGNED);
        Outbox outbox = new Outbox(client, history, Clock.systemUTC());
        assertThat(outbox.refresh(tx.txidHex()).state()).as("unknown to the node: still SIGNED")
                .isEqualTo(TxState.SIGNED);
        assertThat(outbox.rebroadcast(tx.txidHex()).state()).isEqualTo(TxState.BROADCAST);
        assertThat(outbox.rebroadcast(tx.txidHex()).state()).as("a duplicate counts as broadcast")
                .isEqualTo(TxState.BROADCAST);
        devnet.produceBlock();
        assertThat(outbox.refresh(tx.txidHex()).state()).isEqualTo(TxState.IN_BLOCK);
    }

    /** Delegates everything. */
    private static class Forwarding implements ChainClient {
        private final ChainClient d;

        Forwarding(ChainClient d) {
            this.d = d;
        }

        @Override public Network network() { return d.network(); }
        @Override public HeadBlock head() { return d.head(); }
        @Override public HeadBlock solidHead() { return d.solidHead(); }
        @Override public FeeSchedule feeSchedule() { return d.feeSchedule(); }
        @Override public BigInteger trxBalance(TronAddress a) { return d.trxBalance(a); }
        @Override public BigInteger trc10Balance(TronAddress a, String id) { return d.trc10Balance(a, id); }
        @Override public int trc10Precision(String id) { return d.trc10Precision(id); }
        @Override public BigInteger trc20Balance(TronAddress a, TronAddress c) { return d.trc20Balance(a, c); }
        @Override public int trc20Decimals(TronAddress c) { return d.trc20Decimals(c); }
        @Override public boolean accountExists(TronAddress a) { return d.accountExists(a); }
        @Override public FeeEstimate estimateFee(SignedTransaction tx) { return d.estimateFee(tx); }
        @Override public ByteString broadcast(SignedTransaction tx) { return d.broadcast(tx); }
        @Override public TxStatus status(ByteString txid, long exp) { return d.status(txid, exp); }
        @Override public void close() { }
    }
}
