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
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.RefBlock;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TestKeys;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;

class TransactionHistoryTest {

    private final PrivateKeySigner alice = TestKeys.signer(500);
    private final TronAddress bob = TestKeys.address(501);
    private final Asset.Trc20 token = new Asset.Trc20(TestKeys.address(502), "TOK", 18);

    private SignedTransaction signed(Transfer t) {
        RefBlock ref = new RefBlock(ByteString.copyFrom(new byte[2]), ByteString.copyFrom(new byte[8]));
        return SignedTransaction.sign(TransferBuilder.build(t, TxParams.of(ref, 1_700_000_000_000L,
                Duration.ofMinutes(1), 10_000_000)), alice);
    }

    private static HistoryEntry entry(SignedTransaction s, Transfer t) {
        return HistoryEntry.signed(s, t, 1000);
    }

    @Test
    void recordsUpdatesAndSurvivesReopening(@TempDir Path dir) {
        BigInteger huge = BigInteger.TEN.pow(30).add(BigInteger.ONE);
        Transfer t = new Transfer.Trc20(alice.address(), bob, token, huge);
        SignedTransaction s = signed(t);
        try (TransactionHistory h = TransactionHistory.open(dir.resolve("history.db"))) {
            h.recordSigned(entry(s, t), s);
            assertThat(h.unsettled()).extracting(HistoryEntry::txid).containsExactly(s.txidHex());
            assertThat(h.update(s.txidHex(), new TxStatus(TxState.IN_BLOCK, OptionalLong.of(7), 6_226_500, ""), 2000))
                    .isTrue();
        }
        try (TransactionHistory h = TransactionHistory.open(dir.resolve("history.db"))) {
            HistoryEntry e = h.find(s.txidHex()).orElseThrow();
            assertThat(e.amount()).isEqualTo(Amount.ofUnits(huge, token));
            assertThat(e.asset()).isEqualTo(token);
            assertThat(e.from()).isEqualTo(alice.address());
            assertThat(e.to()).isEqualTo(bob);
            assertThat(e.createdAtMillis()).isEqualTo(1000);
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
        Amount one = Amount.ofUnits(1, Asset.TRX);
        assertThatThrownBy(() -> new HistoryEntry("XYZ", bob, bob, one, 0, TxState.SIGNED,
                OptionalLong.empty(), 0, 0, 0, "")).hasMessageContaining("txid");
        assertThatThrownBy(() -> new HistoryEntry("00".repeat(32), bob, bob, one.negate(), 0,
                TxState.SIGNED, OptionalLong.empty(), 0, 0, 0, "")).hasMessageContaining("incomplete");
    }

    @Test
    void keepsEachAssetWithItsSymbolAndDecimals() {
        Asset.Trc10 old = Asset.bttOld(6);
        Transfer[] transfers = {new Transfer.Trx(alice.address(), bob, BigInteger.valueOf(1_500_000)),
            new Transfer.Trc10(alice.address(), bob, old, BigInteger.valueOf(7)),
            new Transfer.Trc20(alice.address(), bob, Asset.BTT, BigInteger.TEN.pow(18))};
        try (TransactionHistory h = TransactionHistory.inMemory()) {
            for (Transfer t : transfers) {
                SignedTransaction s = signed(t);
                h.recordSigned(entry(s, t), s);
                assertThat(h.find(s.txidHex()).orElseThrow().amount()).isEqualTo(t.value());
            }
            assertThat(h.recent(10)).extracting(e -> e.amount().toString())
                    .containsExactlyInAnyOrder("1.5 TRX", "0.000007 BTTOLD", "1 BTT");
        }
    }
}
