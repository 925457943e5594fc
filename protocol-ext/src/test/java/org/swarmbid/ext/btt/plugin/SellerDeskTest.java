package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.seller.SellerBook;
import org.swarmbid.bidding.seller.SellerTerms;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.TronAccount;

/** The credit gate and slot admission of the seller's books, without sockets. */
class SellerDeskTest {
    private static final TronAccount BUYER = TronAccount.fromHex("415cd0fb0ab3ce40f3051414c604b27756e69e43db");
    private static final Address PAYER = Ids.address(BUYER);
    private static final Address US = Address.of("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
    private static final AssetId ASSET = AssetId.of("trx");
    private static final ChainId CHAIN = ChainId.of("1");
    private static final BigInteger PRICE = BigInteger.valueOf(1L << 20); // 1 base unit per byte
    private static final int BLOCK = 16384;

    private final SellerConfig config = new SellerConfig(1, 1, BigInteger.ONE, 4 * BLOCK, BLOCK, 16 * BLOCK,
            BigInteger.valueOf(1_000_000), 60_000, 2, 2 * BLOCK);
    private final SellerDesk desk = new SellerDesk(new SellerBook(config, new SellerTerms(US, ASSET, CHAIN),
            new VerifierAdapter((d, s) -> Optional.of(BUYER))), 1000);

    private Cheque cheque(long cum, long seq) {
        byte[] sig = new byte[65];
        sig[31] = 1; // r = 1
        sig[63] = 1; // s = 1
        sig[64] = 27;
        return new Cheque(new Account(PAYER, US, ASSET, CHAIN), BigInteger.valueOf(cum), seq, sig);
    }

    @Test
    void servesWithinTheCreditWindowDefersBeyondAndRevokesAfterTheGrace() {
        desk.slotWon(PAYER, PRICE);
        for (int i = 0; i < 4; i++) {
            assertThat(desk.gate(PAYER, BLOCK, 0, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.SERVE);
            desk.sent(PAYER, 0, BLOCK);
        }
        // the window (4 blocks at 1 unit per byte) is full: wait for a cheque
        assertThat(desk.gate(PAYER, BLOCK, 10, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.DEFER);
        assertThat(desk.gate(PAYER, BLOCK, 900, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.DEFER);
        // a cheque for two blocks opens room again
        desk.apply(cheque(2L * BLOCK, 1), 950);
        assertThat(desk.gate(PAYER, BLOCK, 960, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.SERVE);
        desk.sent(PAYER, 1, BLOCK);
        desk.sent(PAYER, 1, BLOCK);
        assertThat(desk.gate(PAYER, BLOCK, 1000, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.DEFER);
        // no cheque for longer than the grace: the paid slot is gone, and no new bid is admitted
        assertThat(desk.gate(PAYER, BLOCK, 2001, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.REVOKE);
        assertThat(desk.revocation(PAYER)).contains(ErrorCode.OVER_CREDIT);
        assertThat(desk.refusal(PAYER, 2100)).contains(ErrorCode.OVER_CREDIT);
        // the exposure never exceeded the window
        SellerDesk.Standing s = desk.standing(PAYER);
        assertThat(s.sentValue().subtract(s.accepted())).isLessThanOrEqualTo(BigInteger.valueOf(4L * BLOCK));
        // paying up to within half the window readmits the buyer
        desk.apply(cheque(5L * BLOCK, 2), 2200);
        assertThat(desk.refusal(PAYER, 2300)).isEmpty();
        assertThat(desk.gate(PAYER, BLOCK, 2300, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.SERVE);
    }

    @Test
    void aPaidSlotIsBoundByTheWindowItsConnectionOfferedNotALargerOneInTheBook() {
        desk.slotWon(PAYER, PRICE);
        for (int i = 0; i < 2; i++) {
            assertThat(desk.gate(PAYER, BLOCK, 0, 2L * BLOCK)).isEqualTo(SellerDesk.Gate.SERVE);
            desk.sent(PAYER, 0, BLOCK);
        }
        // the book allows 4 blocks, but this connection offered 2: wait for a cheque
        assertThat(desk.creditWindowBytes(PAYER)).isEqualTo(4L * BLOCK);
        assertThat(desk.gate(PAYER, BLOCK, 10, 2L * BLOCK)).isEqualTo(SellerDesk.Gate.DEFER);
        // once the larger window is in force on the connection, it is served
        assertThat(desk.gate(PAYER, BLOCK, 20, 4L * BLOCK)).isEqualTo(SellerDesk.Gate.SERVE);
        // and a window above the book's never extends more than the book allows
        desk.sent(PAYER, 0, BLOCK);
        desk.sent(PAYER, 0, BLOCK);
        assertThat(desk.gate(PAYER, BLOCK, 30, 64L * BLOCK)).isEqualTo(SellerDesk.Gate.DEFER);
    }

    @Test
    void newTermsGrowTheWindowOfEveryPayer() {
        desk.reconfigure(new SellerConfig(1, 1, BigInteger.ONE, 8 * BLOCK, BLOCK, 16 * BLOCK,
                BigInteger.valueOf(1_000_000), 60_000, 2, 2 * BLOCK));
        assertThat(desk.creditWindowBytes(PAYER)).isEqualTo(8L * BLOCK);
    }

    @Test
    void aSettlementDueRevocationEndsOnceTheSettlementIsVerified() {
        desk.slotWon(PAYER, PRICE);
        // 1,000,000 units accepted and nothing settled: over the threshold (1,000,000 is the limit, one more is over)
        for (int i = 0; i < 62; i++) {
            desk.sent(PAYER, i, BLOCK);
        }
        desk.apply(cheque(1_000_001L, 1), 100);
        assertThat(desk.gate(PAYER, BLOCK, 110, Long.MAX_VALUE)).isEqualTo(SellerDesk.Gate.REVOKE);
        assertThat(desk.revocation(PAYER)).contains(ErrorCode.SETTLEMENT_DUE);
        assertThat(desk.refusal(PAYER, 120)).contains(ErrorCode.SETTLEMENT_DUE);
        // the buyer settles on chain and the seller verified it: the buyer may win a paid slot again
        desk.settlementFinal(PAYER, BigInteger.valueOf(1_000_001L), true, 200);
        assertThat(desk.refusal(PAYER, 210)).isEmpty();
        assertThat(desk.revocation(PAYER)).isEmpty();
    }

    @Test
    void anUnderpaidChequeIsRefusedOnceTheBuyerAnnouncedItsPieces() {
        desk.slotWon(PAYER, PRICE);
        for (int piece = 0; piece < 4; piece++) {
            desk.sent(PAYER, piece, BLOCK);
            desk.verifiedByBuyer(PAYER, piece);
        }
        // owed for verified pieces: 4 blocks; tolerance 2 blocks: 1 block is underpaid, 2 blocks is fine
        Cheque low = cheque(BLOCK, 1);
        assertThat(desk.evaluate(low, Digest32.of(new byte[32])))
                .isInstanceOf(org.swarmbid.bidding.seller.ChequeVerdict.Reject.class);
        assertThat(ChequeIntake.wire(((org.swarmbid.bidding.seller.ChequeVerdict.Reject) desk.evaluate(low,
                Digest32.of(new byte[32]))).code())).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(desk.evaluate(cheque(2L * BLOCK, 1), Digest32.of(new byte[32])))
                .isInstanceOf(org.swarmbid.bidding.seller.ChequeVerdict.Accept.class);
    }

    @Test
    void nonceMustGrowPerPayer() {
        assertThat(desk.takeNonce(PAYER, "aa", 5)).isTrue();
        assertThat(desk.takeNonce(PAYER, "aa", 5)).isFalse();
        assertThat(desk.takeNonce(PAYER, "aa", 4)).isFalse();
        assertThat(desk.takeNonce(PAYER, "aa", 6)).isTrue();
        // the payer's bids on another torrent come on another connection, in either order: their own sequence
        assertThat(desk.takeNonce(PAYER, "bb", 4)).isTrue();
        assertThat(desk.lastNonce(PAYER, "bb")).isEqualTo(4);
        assertThat(desk.lastNonce(PAYER, "aa")).isEqualTo(6);
    }
}
