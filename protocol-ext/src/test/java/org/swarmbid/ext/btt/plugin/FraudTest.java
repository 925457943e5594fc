package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.swarmbid.bidding.api.Pricing;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.ChequeSigner;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.SigningDomain;
import org.swarmbid.ext.btt.TronAccount;

/**
 * A cheating buyer on a real engine: the real plugin, with its outgoing cheques rewritten (and re-signed where the
 * fraud needs a valid signature) by {@link Tampering}. Each fraud is refused with its error code, the buyer loses
 * its paid slot within one credit window, and it still completes as a plain BitTorrent peer in a regular slot.
 */
@Tag("slow")
class FraudTest {
    private static final ChequeSigner BUYER = Keys.signer(Keys.BUYER);

    /** Re-signs a cheque with other terms. */
    private static BttMessage.Cheque cheque(ChequeSigner signer, TronAccount payee, AssetId asset, long chain,
                                            BigInteger cum, long seq, BigInteger amount) {
        byte[] digest = ChequeDigest.digest(new SigningDomain(chain, asset), BUYER.address(), payee, cum, seq);
        return new BttMessage.Cheque(BUYER.address(), payee, asset, chain, cum, seq, amount, signer.sign(digest));
    }

    private static Function<BttMessage, Optional<BttMessage>> onCheques(
            Function<BttMessage.Cheque, Optional<BttMessage>> f) {
        return m -> m instanceof BttMessage.Cheque c ? f.apply(c) : Optional.of(m);
    }

    static Stream<Arguments> frauds() {
        ChequeSigner forger = Keys.signer(Keys.OTHER);
        TronAccount stranger = Keys.account(Keys.THIRD);
        AtomicReference<BttMessage.Cheque> first = new AtomicReference<>();
        BigInteger[] previous = {BigInteger.ZERO};
        return Stream.of(
                Arguments.of("forged signature", ErrorCode.BAD_SIGNATURE, onCheques(c -> Optional.of(cheque(forger,
                        c.payee(), c.asset(), c.chainId(), c.cumulativeAmount(), c.sequence(), c.amount())))),
                Arguments.of("replayed cheque", ErrorCode.STALE_CHEQUE, onCheques(c -> {
                    first.compareAndSet(null, c);
                    return Optional.of(first.get());
                })),
                Arguments.of("wrong payee", ErrorCode.WRONG_PAYEE, onCheques(c -> Optional.of(cheque(BUYER,
                        stranger, c.asset(), c.chainId(), c.cumulativeAmount(), c.sequence(), c.amount())))),
                Arguments.of("wrong asset", ErrorCode.WRONG_ASSET, onCheques(c -> Optional.of(cheque(BUYER,
                        c.payee(), AssetId.TRX, c.chainId(), c.cumulativeAmount(), c.sequence(), c.amount())))),
                Arguments.of("wrong chain", ErrorCode.WRONG_CHAIN, onCheques(c -> Optional.of(cheque(BUYER,
                        c.payee(), c.asset(), c.chainId() + 1, c.cumulativeAmount(), c.sequence(), c.amount())))),
                Arguments.of("underpayment", ErrorCode.BAD_AMOUNT, onCheques(c -> {
                    BigInteger quarter = c.cumulativeAmount().shiftRight(2).max(previous[0].add(BigInteger.ONE));
                    BigInteger amount = quarter.subtract(previous[0]);
                    previous[0] = quarter;
                    return Optional.of(cheque(BUYER, c.payee(), c.asset(), c.chainId(), quarter, c.sequence(),
                            amount));
                })),
                Arguments.of("non-payment", ErrorCode.OVER_CREDIT, onCheques(c -> Optional.empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frauds")
    void fraudIsRefusedAndCostsThePaidSlotButNotPlainService(String name, ErrorCode expected,
            Function<BttMessage, Optional<BttMessage>> tamper, @TempDir Path tmp) throws Exception {
        ChainDouble chain = new ChainDouble();
        Metainfo m = Node.payload(tmp.resolve("seed"), "fraud", 3 * 1024 * 1024, 7);
        try (Node seller = Node.seller(tmp.resolve("s"), chain, 512 * 1024, 256 * 1024);
             Node cheat = Node.bidder(tmp.resolve("c"), Keys.BUYER, chain, tamper)) {
            TorrentHandle s = seller.add(m, tmp.resolve("seed"));
            Node.await("seeding", Duration.ofSeconds(30), () -> s.status().isComplete());
            TorrentHandle h = cheat.add(m, tmp.resolve("out"));
            h.connect(seller.address());
            Node.await(name + " refused with " + expected.wireName(), Duration.ofSeconds(60),
                    () -> cheat.wire.errorCodes().contains(expected.code()));
            long paidAtRefusal = seller.standing(cheat).paidBytes();
            Node.await("download as a plain peer", Duration.ofSeconds(90), () -> h.status().isComplete());
            assertThat(Files.mismatch(tmp.resolve("seed/fraud/data.bin"), tmp.resolve("out/fraud/data.bin")))
                    .isEqualTo(-1L);
            SellerDesk.Standing st = seller.standing(cheat);
            BigInteger creditValue = Pricing.amountCeil(Node.CREDIT, Node.RESERVE);
            BigInteger block = Pricing.amountCeil(16 * 1024, Node.RESERVE);
            assertThat(st.paidBytes()).as("it held a paid slot").isPositive();
            assertThat(st.sentValue().subtract(st.accepted())).as("unpaid exposure")
                    .isLessThanOrEqualTo(creditValue.add(block));
            assertThat(st.paidBytes() - paidAtRefusal).as("paid-slot bytes after the refusal")
                    .isLessThanOrEqualTo(Node.CREDIT + 16 * 1024);
            assertThat(st.paidBytes()).as("the rest came in a plain slot").isLessThan(m.info().totalLength());
            // the paid slot ended with a fatal error, an underpaid cheque (9) or a revocation (10): not sold again
            java.util.List<BttMessage> got = java.util.List.copyOf(cheat.wire.received);
            int end = -1;
            for (int i = 0; i < got.size() && end < 0; i++) {
                if (got.get(i) instanceof BttMessage.ErrorMessage e && (e.code() == ErrorCode.OVER_CREDIT.code()
                        || e.code() == ErrorCode.BAD_AMOUNT.code()
                        || e.errorCode().map(ErrorCode::fatal).orElse(false))) {
                    end = i;
                }
            }
            assertThat(end).as("the paid slot was taken away").isNotNegative();
            assertThat(got.subList(end, got.size()))
                    .noneMatch(x -> x instanceof BttMessage.BidResponse r && r.accepted());
        }
    }
}
