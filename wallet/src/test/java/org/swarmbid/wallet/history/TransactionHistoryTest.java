package org.swarmbid.wallet.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.tx.RefBlock;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TestSigner;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;

class TransactionHistoryTest {

    private final TestSigner alice = TestSigner.fromSeed(500);
    private final ByteString bob = TestSigner.fromSeed(501).address();
    private final ByteString contract = TestSigner.fromSeed(502).address();

    private SignedTransaction signed(Transfer t) {
        RefBlock ref = new RefBlock(ByteString.copyFrom(new byte[2]), ByteString.copyFrom(new byte[8]));
        return SignedTransaction.sign(TransferBuilder.build(t, TxParams.of(ref, 1_700_000_000_000L,
                Duration.ofMinutes(1), 10_000_000)), alice);
    }

    private static HistoryEntry entry(SignedTransaction s, Transfer t) {
        return new HistoryEntry(s.txidHex(), HistoryEntry.assetOf(t), t.owner(), t.recipient(), t.amount(), 0,
                TxState.SIGNED, OptionalLong.empty(), s.expirationMillis(), 1000, 1000, "");
    }

    @Test
    void recordsUpdatesAndSurvivesReopening(@TempDir Path dir) {
        BigInteger huge = BigInteger.TEN.pow(30).add(BigInteger.ONE);
        Transfer t = new Transfer.Trc20(alice.address(), bob, contract, huge);
        SignedTransaction s = signed(t);
        try (TransactionHistory h = TransactionHistory.open(dir.resolve("history.db"))) {
            h.recordSigned(entry(s, t), s);
            assertThat(h.unsettled()).extracting(HistoryEntry::txid).containsExactly(s.txidHex());
            assertThat(h.update(s.txidHex(), new TxStatus(TxState.IN_BLOCK, OptionalLong.of(7), 6_226_500, ""), 2000))
                    .isTrue();
        }
        try (TransactionHistory h = TransactionHistory.open(dir.resolve("history.db"))) {
            HistoryEntry e = h.find(s.txidHex()).orElseThrow();
            assertThat(e.amount()).isEqualTo(huge);
            assertThat(e.asset()).startsWith("TRC20:41");
            assertThat(e.state()).isEqualTo(TxState.IN_BLOCK);
            assertThat(e.blockNumber()).hasValue(7);
            assertThat(e.feeSun()).isEqualTo(6_226_500);
            assertThat(e.updatedAtMillis()).isEqualTo(2000);
            assertThat(h.signed(s.txidHex())).contains(s);
        }
    }

    @Test
    void finalStatesAreNeverLeftAndDuplicatesAreRefused() {
        Transfer t = new Transfer.Trx(alice.address(), bob, BigInteger.valueOf(5));
        SignedTransaction s = signed(t);
        try (TransactionHistory h = TransactionHistory.inMemory()) {
            h.recordSigned(entry(s, t), s);
            assertThatThrownBy(() -> h.recordSigned(entry(s, t), s)).isInstanceOf(HistoryException.class)
                    .hasMessageContaining(s.txidHex());
            h.update(s.txidHex(), new TxStatus(TxState.SOLID, OptionalLong.of(3), 0, ""), 5);
            assertThat(h.update(s.txidHex(), new TxStatus(TxState.EXPIRED, OptionalLong.empty(), 0, ""), 6))
                    .isFalse();
            assertThat(h.find(s.txidHex()).orElseThrow().state()).isEqualTo(TxState.SOLID);
            assertThat(h.unsettled()).isEmpty();
            assertThat(h.recent(10)).hasSize(1);
        }
    }

    @Test
    void refusesMalformedEntries() {
        assertThatThrownBy(() -> new HistoryEntry("XYZ", "TRX", bob, bob, BigInteger.ONE, 0, TxState.SIGNED,
                OptionalLong.empty(), 0, 0, 0, "")).hasMessageContaining("txid");
        assertThatThrownBy(() -> new HistoryEntry("00".repeat(32), "ETH", bob, bob, BigInteger.ONE, 0,
                TxState.SIGNED, OptionalLong.empty(), 0, 0, 0, "")).hasMessageContaining("asset");
    }
}
