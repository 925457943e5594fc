package org.swarmbid.bidding.seller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.api.ErrorCode;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.port.Digest32;

class SellerBookTest {
    static final long MIB = Pricing.MIB;
    static final Address SELLER = Address.of("TSeller");
    static final Address BUYER = Address.of("TBuyer");
    static final AssetId BTT = AssetId.of("trc20:BTT");
    static final ChainId CHAIN = ChainId.of("swarmbid-devnet");
    static final BigInteger PRICE = BigInteger.valueOf(1_000); // base units per MiB

    // credit 1 MiB initial, +1 MiB per settlement, max 3 MiB; threshold 5000; deadline 1000 ms; 2 misses; lag 0.5 MiB
    static final SellerConfig CONFIG = new SellerConfig(2, 3, BigInteger.TEN, MIB, MIB, 3 * MIB,
            BigInteger.valueOf(5_000), 1_000, 2, MIB / 2);

    SellerBook book;
    int digestCounter;

    @BeforeEach
    void setUp() {
        book = new SellerBook(CONFIG, new SellerTerms(SELLER, BTT, CHAIN), new FakeKeys());
    }

    Cheque cheque(Account a, long cumulative, long seq, Digest32 d, Address signer) {
        return new Cheque(a, BigInteger.valueOf(cumulative), seq, FakeKeys.sign(signer, d));
    }

    ChequeVerdict offer(long cumulative, long seq) {
        Digest32 d = FakeKeys.digest(++digestCounter);
        Cheque c = cheque(new Account(BUYER, SELLER, BTT, CHAIN), cumulative, seq, d, BUYER);
        ChequeVerdict v = book.evaluateCheque(c, d);
        if (v instanceof ChequeVerdict.Accept) {
            book.applyCheque(c, 0);
        }
        return v;
    }

    static ErrorCode code(ChequeVerdict v) {
        return v instanceof ChequeVerdict.Reject r ? r.code() : null;
    }

    /** Sends {@code bytes} of piece {@code piece} in the paid slot and lets the buyer verify it. */
    void sendVerified(int piece, long bytes) {
        book.paidBytesSent(BUYER, piece, bytes);
        book.pieceVerifiedByBuyer(BUYER, piece);
    }

    @Test
    void owedFollowsVerifiedPiecesAtTheClearingPrice() {
        book.slotWon(BUYER, PRICE);
        book.paidBytesSent(BUYER, 0, MIB / 2);
        book.paidBytesSent(BUYER, 0, MIB / 2);
        book.paidBytesSent(BUYER, 1, MIB);
        BuyerAccount a = book.account(BUYER);
        assertThat(a.owedForSent()).isEqualTo(BigInteger.valueOf(2_000));
        assertThat(a.owedForVerified()).isZero();
        book.pieceVerifiedByBuyer(BUYER, 0);
        assertThat(a.owedForVerified()).isEqualTo(BigInteger.valueOf(1_000));
        assertThat(a.paidBytesSent()).isEqualTo(2 * MIB);
    }

    @Test
    void sendingWithoutAPriceIsAProgrammingError() {
        assertThatThrownBy(() -> book.paidBytesSent(BUYER, 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chokesWhenUncoveredBytesExceedTheCreditWindowAndKeepsWhenCovered() {
        book.slotWon(BUYER, PRICE);
        book.paidBytesSent(BUYER, 0, MIB); // exactly the window: 1000 uncovered, limit 1000
        assertThat(book.slotDecision(BUYER, 0).keep()).isTrue();
        book.paidBytesSent(BUYER, 1, 16 * 1024);
        assertThat(book.slotDecision(BUYER, 0).chokeReason()).contains(ErrorCode.OVER_CREDIT);
        book.pieceVerifiedByBuyer(BUYER, 0);
        assertThat(offer(1_000, 1)).isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(book.slotDecision(BUYER, 0).keep()).isTrue();
    }

    @Test
    void newTermsRecomputeAPayersWindowFromItsHistoryAndKeepWhatItOwes() {
        book.slotWon(BUYER, PRICE);
        book.paidBytesSent(BUYER, 0, MIB / 4);
        book.settlementFinal(BUYER, BigInteger.ONE, true, 0);
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(2 * MIB);

        book.reconfigure(new SellerConfig(2, 3, BigInteger.TEN, 4 * MIB, 2 * MIB, 16 * MIB,
                BigInteger.valueOf(5_000), 1_000, 2, MIB / 2));

        assertThat(book.config().initialCreditBytes()).isEqualTo(4 * MIB);
        assertThat(book.creditWindowBytes(BUYER)).as("4 MiB + one settlement x 2 MiB").isEqualTo(6 * MIB);
        assertThat(book.creditWindowBytes(Address.of("TStranger"))).isEqualTo(4 * MIB);
        assertThat(book.account(BUYER).owedForSent()).isEqualTo(BigInteger.valueOf(250));
        assertThat(book.account(BUYER).confirmedSettlements()).isEqualTo(1);

        book.reconfigure(CONFIG.withSettlementThreshold(BigInteger.ONE)); // a lower cap applies as well
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(2 * MIB);
    }

    @Test
    void creditStartsSmallAndGrowsWithConfirmedSettlementsUpToTheMax() {
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(MIB);
        book.account(BUYER);
        book.settlementFinal(BUYER, BigInteger.ONE, true, 0);
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(2 * MIB);
        for (int i = 0; i < 5; i++) {
            book.settlementFinal(BUYER, BigInteger.ONE, true, 0);
        }
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(3 * MIB);
        book.settlementFinal(BUYER, BigInteger.ONE, false, 0); // a failed one does not grow credit
        assertThat(book.account(BUYER).confirmedSettlements()).isEqualTo(6);
    }

    @Test
    void chequeRuleErrorCodes() {
        book.slotWon(BUYER, PRICE);
        sendVerified(0, MIB);
        Account ours = new Account(BUYER, SELLER, BTT, CHAIN);
        Digest32 d = FakeKeys.digest(999);
        assertThat(code(book.evaluateCheque(cheque(new Account(BUYER, Address.of("TOther"), BTT, CHAIN), 1_000, 1, d, BUYER), d)))
                .isEqualTo(ErrorCode.WRONG_PAYEE);
        assertThat(code(book.evaluateCheque(cheque(new Account(BUYER, SELLER, AssetId.of("trx"), CHAIN), 1_000, 1, d, BUYER), d)))
                .isEqualTo(ErrorCode.WRONG_ASSET);
        assertThat(code(book.evaluateCheque(cheque(new Account(BUYER, SELLER, BTT, ChainId.of("tron-mainnet")), 1_000, 1, d, BUYER), d)))
                .isEqualTo(ErrorCode.WRONG_CHAIN);
        assertThat(code(book.evaluateCheque(cheque(ours, 1_000, 1, d, Address.of("TMallory")), d)))
                .as("signed by someone else").isEqualTo(ErrorCode.BAD_SIGNATURE);
        assertThat(code(book.evaluateCheque(cheque(ours, 1_000, 1, d, BUYER), FakeKeys.digest(998))))
                .as("signature over another digest").isEqualTo(ErrorCode.BAD_SIGNATURE);
        // tolerance is 0.5 MiB at 1000/MiB = 500: 499 is underpaid, 500 is accepted
        assertThat(code(offer(499, 1))).isEqualTo(ErrorCode.UNDERPAID);
        assertThat(offer(500, 1)).isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(code(offer(500, 2))).as("same cumulative").isEqualTo(ErrorCode.STALE_CHEQUE);
        assertThat(code(offer(400, 3))).as("lower cumulative").isEqualTo(ErrorCode.STALE_CHEQUE);
        assertThat(code(offer(900, 1))).as("sequence reused").isEqualTo(ErrorCode.SEQUENCE_CONFLICT);
        assertThat(offer(1_000, 5)).as("sequence may skip").isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(code(offer(2_000, 4))).as("older sequence").isEqualTo(ErrorCode.STALE_CHEQUE);
        assertThat(book.account(BUYER).acceptedCumulative()).isEqualTo(BigInteger.valueOf(1_000));
    }

    @Test
    void replayedChequeIsADuplicateAndCountsOnce() {
        book.slotWon(BUYER, PRICE);
        sendVerified(0, MIB);
        Digest32 d = FakeKeys.digest(1);
        Cheque c = cheque(new Account(BUYER, SELLER, BTT, CHAIN), 1_000, 1, d, BUYER);
        assertThat(book.evaluateCheque(c, d)).isInstanceOf(ChequeVerdict.Accept.class);
        book.applyCheque(c, 0);
        assertThat(book.evaluateCheque(c, d)).isInstanceOf(ChequeVerdict.Duplicate.class);
        assertThatThrownBy(() -> book.applyCheque(c, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(book.account(BUYER).acceptedCumulative()).isEqualTo(BigInteger.valueOf(1_000));
    }

    @Test
    void evaluatingAChequeCreatesNoAccount() {
        Address stranger = Address.of("TStranger");
        Digest32 d = FakeKeys.digest(5);
        Cheque c = cheque(new Account(stranger, SELLER, BTT, CHAIN), 1, 1, d, stranger);
        assertThat(book.evaluateCheque(c, d)).isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(book.find(stranger)).isEmpty();
    }

    @Test
    void overpayingIsAccepted() {
        book.slotWon(BUYER, PRICE);
        assertThat(offer(10, 1)).isInstanceOf(ChequeVerdict.Accept.class);
    }

    @Test
    void unsettledAboveThresholdChokesAndADueSettlementMissedTwiceBlocklists() {
        book.slotWon(BUYER, BigInteger.valueOf(2_000));
        // credit 1 MiB at 2000/MiB = 2000; send 3 pieces, pay as we go
        sendVerified(0, MIB);
        assertThat(offer(2_000, 1)).isInstanceOf(ChequeVerdict.Accept.class);
        sendVerified(1, MIB);
        assertThat(offer(4_000, 2)).isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(book.account(BUYER).settlementDueSinceMillis()).isEqualTo(-1);
        sendVerified(2, MIB);
        book.applyCheque(chequeFor(6_000, 3), 100); // crosses threshold 5000 at t=100
        assertThat(book.account(BUYER).settlementDueSinceMillis()).isEqualTo(100);
        assertThat(book.slotDecision(BUYER, 100).chokeReason()).contains(ErrorCode.OVER_THRESHOLD);

        assertThat(book.tick(1_100)).isEmpty(); // exactly the deadline: not yet missed
        assertThat(book.slotDecision(BUYER, 1_101).chokeReason()).contains(ErrorCode.SETTLEMENT_OVERDUE);
        assertThat(book.tick(1_101)).isEmpty();
        assertThat(book.account(BUYER).missedSettlements()).isEqualTo(1);
        assertThat(book.tick(2_102)).containsExactly(BUYER);
        assertThat(book.isBlocklisted(BUYER)).isTrue();
        assertThat(book.slotDecision(BUYER, 2_102).chokeReason()).contains(ErrorCode.BLOCKLISTED);
        assertThat(book.tick(5_000)).as("already blocklisted: reported once").isEmpty();
    }

    @Test
    void confirmedSettlementClearsTheDueClockAndAFailedClaimCountsAsMissed() {
        book.slotWon(BUYER, BigInteger.valueOf(6_000));
        sendVerified(0, MIB);
        book.applyCheque(chequeFor(6_000, 1), 10);
        assertThat(book.account(BUYER).settlementDueSinceMillis()).isEqualTo(10);
        assertThat(book.settlementFinal(BUYER, BigInteger.valueOf(6_000), false, 20)).isFalse();
        assertThat(book.account(BUYER).missedSettlements()).isEqualTo(1);
        book.settlementFinal(BUYER, BigInteger.valueOf(6_000), true, 30);
        assertThat(book.account(BUYER).unsettled()).isZero();
        assertThat(book.account(BUYER).settlementDueSinceMillis()).isEqualTo(-1);
        assertThat(book.slotDecision(BUYER, 5_000).keep()).isTrue();
        assertThat(book.settlementFinal(BUYER, BigInteger.ONE, false, 40)).as("second miss blocklists").isTrue();
    }

    @Test
    void restoreBringsBackTotalsAndBlocklist() {
        book.restore(BUYER, BigInteger.valueOf(3_000), 7, BigInteger.valueOf(1_000), 2, 1, false);
        book.restore(Address.of("TBad"), BigInteger.ZERO, 0, BigInteger.ZERO, 0, 2, true);
        assertThat(book.account(BUYER).unsettled()).isEqualTo(BigInteger.valueOf(2_000));
        assertThat(book.creditWindowBytes(BUYER)).isEqualTo(3 * MIB);
        assertThat(code(offer(3_000, 8))).isEqualTo(ErrorCode.STALE_CHEQUE);
        assertThat(code(offer(3_001, 7))).as("restored sequence, content unknown").isEqualTo(ErrorCode.SEQUENCE_CONFLICT);
        assertThat(offer(3_001, 8)).isInstanceOf(ChequeVerdict.Accept.class);
        assertThat(book.isBlocklisted(Address.of("TBad"))).isTrue();
    }

    Cheque chequeFor(long cumulative, long seq) {
        Digest32 d = FakeKeys.digest(++digestCounter);
        Cheque c = cheque(new Account(BUYER, SELLER, BTT, CHAIN), cumulative, seq, d, BUYER);
        assertThat(book.evaluateCheque(c, d)).isInstanceOf(ChequeVerdict.Accept.class);
        return c;
    }
}
