package org.swarmbid.bidding.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void defaultsSpendNothingAndSellWithinLimits() {
        BiddingConfig d = BiddingConfig.defaults();
        assertThat(d.buyer().spendingEnabled()).isFalse();
        assertThat(d.buyer().perTorrentBudget()).isZero();
        assertThat(d.seller().paidSlots()).isEqualTo(2);
        assertThat(d.seller().initialCreditBytes()).isLessThanOrEqualTo(d.seller().maxCreditBytes());
        assertThat(d.buyer().withBudget(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE).spendingEnabled()).isTrue();
        assertThat(d.buyer().withBudget(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE).spendingEnabled()).isFalse();
    }

    @Test
    void sellerValidation() {
        SellerConfig d = SellerConfig.defaults();
        assertThatThrownBy(() -> d.withPaidSlots(-1)).hasMessage("paidSlots must be 0..64, got -1");
        assertThatThrownBy(() -> d.withPaidSlots(65)).hasMessage("paidSlots must be 0..64, got 65");
        assertThatThrownBy(() -> d.withReserve(BigInteger.ZERO)).hasMessage("reservePricePerMiB must be positive");
        assertThatThrownBy(() -> d.withReserve(BigInteger.valueOf(-5))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> d.withReserve(null)).hasMessage("reservePricePerMiB is missing");
        assertThatThrownBy(() -> d.withSettlementThreshold(BigInteger.ZERO)).hasMessage("settlementThreshold must be positive");
        assertThatThrownBy(() -> new SellerConfig(1, 1, BigInteger.ONE, 1024, 0, 1 << 20, BigInteger.ONE, 1, 1, 0))
                .hasMessageContaining("initialCreditBytes must be at least one 16 KiB block");
        assertThatThrownBy(() -> new SellerConfig(1, 1, BigInteger.ONE, 1 << 20, 0, 1 << 19, BigInteger.ONE, 1, 1, 0))
                .hasMessageContaining("maxCreditBytes");
        assertThatThrownBy(() -> new SellerConfig(1, 1, BigInteger.ONE, 1 << 20, 0, 1 << 20, BigInteger.ONE, 1, 0, 0))
                .hasMessageContaining("maxMissedSettlements");
    }

    @Test
    void buyerValidation() {
        BuyerConfig d = BuyerConfig.defaults();
        assertThatThrownBy(() -> d.withBudget(BigInteger.valueOf(-1), BigInteger.ONE, BigInteger.ONE))
                .hasMessage("perTorrentBudget must not be negative, got -1");
        assertThatThrownBy(() -> new BuyerConfig(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, 0, 1, ZoneId.of("UTC")))
                .hasMessage("settleAtPercent must be 1..100, got 0");
        assertThatThrownBy(() -> new BuyerConfig(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, 50, 0, ZoneId.of("UTC")))
                .hasMessageContaining("bidValidityMillis");
        assertThatThrownBy(() -> d.withZone(null)).isInstanceOf(NullPointerException.class);
    }
}
