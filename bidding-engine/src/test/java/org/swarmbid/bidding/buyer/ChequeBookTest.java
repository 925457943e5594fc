package org.swarmbid.bidding.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;

class ChequeBookTest {
    static final Account S = new Account(Address.of("TMe"), Address.of("TSeller"), AssetId.of("trx"), ChainId.of("devnet"));
    static final Account OTHER_CHAIN = new Account(Address.of("TMe"), Address.of("TSeller"), AssetId.of("trx"), ChainId.of("mainnet"));

    static BigInteger units(long n) {
        return BigInteger.valueOf(n).shiftLeft(20); // numerator of n base units
    }

    @Test
    void chequesAreCumulativeWithIncreasingSequencePerAccount() {
        ChequeBook book = new ChequeBook();
        assertThat(book.nextCheque(S)).isEmpty();
        book.owe(S, units(300));
        ChequeDraft d1 = book.nextCheque(S).orElseThrow();
        assertThat(d1).isEqualTo(new ChequeDraft(S, BigInteger.valueOf(300), 1));
        assertThat(book.nextCheque(S)).as("not yet sent: same draft").contains(d1);
        assertThat(book.chequeSent(d1)).isTrue();
        assertThat(book.nextCheque(S)).isEmpty();
        book.owe(S, units(200));
        book.owe(OTHER_CHAIN, units(7));
        ChequeDraft d2 = book.nextCheque(S).orElseThrow();
        assertThat(d2.cumulative()).isEqualTo(BigInteger.valueOf(500));
        assertThat(d2.sequence()).isEqualTo(2);
        assertThat(book.nextCheque(OTHER_CHAIN).orElseThrow().sequence()).isEqualTo(1);
        assertThat(book.chequeSent(d2)).isTrue();
        assertThat(book.chequeSent(d1)).as("an older draft does not roll back").isFalse();
        assertThat(book.lastSent(S)).isEqualTo(BigInteger.valueOf(500));
    }

    @Test
    void settlesAtTheConfiguredShareOfTheThresholdAndCountsOnlySolid() {
        ChequeBook book = new ChequeBook();
        BigInteger threshold = BigInteger.valueOf(1_000);
        book.owe(S, units(499));
        book.chequeSent(book.nextCheque(S).orElseThrow());
        assertThat(book.settlementDue(S, threshold, 50)).isEmpty();
        book.owe(S, units(1));
        book.chequeSent(book.nextCheque(S).orElseThrow());
        assertThat(book.settlementDue(S, threshold, 50)).contains(BigInteger.valueOf(500));
        book.settlementStarted(S, BigInteger.valueOf(500));
        assertThat(book.settlementDue(S, threshold, 50)).as("in flight").isEmpty();
        book.settlementFinal(S, BigInteger.valueOf(500), false);
        assertThat(book.settlementDue(S, threshold, 50)).as("failed: due again").contains(BigInteger.valueOf(500));
        book.settlementStarted(S, BigInteger.valueOf(500));
        book.settlementFinal(S, BigInteger.valueOf(500), true);
        assertThat(book.settled(S)).isEqualTo(BigInteger.valueOf(500));
        assertThat(book.unsettled(S)).isZero();
    }

    @Test
    void restoreContinuesTheSequence() {
        ChequeBook book = new ChequeBook();
        book.restore(S, BigInteger.valueOf(900).shiftLeft(20).add(BigInteger.valueOf(7)), BigInteger.valueOf(900), 12, BigInteger.valueOf(400), BigInteger.valueOf(100));
        assertThat(book.unsettled(S)).isEqualTo(BigInteger.valueOf(400));
        assertThat(book.nextCheque(S)).isEmpty();
        book.owe(S, BigInteger.valueOf((1 << 20) - 7)); // completes the restored fraction to one unit
        assertThat(book.nextCheque(S)).contains(new ChequeDraft(S, BigInteger.valueOf(901), 13));
        ChequeBook lowOwed = new ChequeBook();
        lowOwed.restore(S, BigInteger.ZERO, BigInteger.valueOf(900), 12, BigInteger.ZERO, BigInteger.ZERO);
        assertThat(lowOwed.owed(S)).as("never below the last cheque").isEqualTo(BigInteger.valueOf(900));
    }
}
