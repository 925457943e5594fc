package org.swarmbid.bidding.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.port.TxIds;

class ValuesTest {
    @Test
    void identifiersAreBoundedPrintableAscii() {
        assertThat(Address.of("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4").value()).hasSize(34);
        assertThatThrownBy(() -> Address.of("")).hasMessage("address must be 1..64 characters, got 0");
        assertThatThrownBy(() -> Address.of("x".repeat(65))).hasMessage("address must be 1..64 characters, got 65");
        assertThatThrownBy(() -> Address.of("T a")).hasMessage("address has a non-printable or non-ASCII character at index 1");
        assertThatThrownBy(() -> AssetId.of("btt\u00e9")).hasMessageContaining("index 3");
        assertThatThrownBy(() -> ChainId.of(null)).hasMessage("chain is missing");
    }

    @Test
    void pricingRoundsDownOnceAndConverts() {
        assertThat(Pricing.amountFloor(Pricing.MIB, BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(7));
        assertThat(Pricing.amountFloor(Pricing.MIB / 2, BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(3));
        assertThat(Pricing.amountCeil(Pricing.MIB / 2, BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(4));
        assertThat(Pricing.amountCeil(Pricing.MIB, BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(7));
        assertThat(Pricing.pricePerMiBFloor(BigInteger.valueOf(10), 3 * Pricing.MIB)).isEqualTo(BigInteger.valueOf(3));
        assertThatThrownBy(() -> Pricing.amountFloor(-1, BigInteger.ONE)).hasMessage("bytes must not be negative, got -1");
        assertThatThrownBy(() -> Pricing.pricePerMiBFloor(BigInteger.ONE, 0)).hasMessage("bytes must be positive, got 0");
    }

    @Property
    void splittingBytesNeverChangesTheTotalOwed(@ForAll @Size(min = 1, max = 30) java.util.List<@LongRange(min = 0, max = 1 << 22) Long> blocks,
            @ForAll @IntRange(min = 0, max = 1_000_000) int price) {
        BigInteger p = BigInteger.valueOf(price);
        BigInteger sum = BigInteger.ZERO;
        long total = 0;
        for (long b : blocks) {
            sum = sum.add(Pricing.numerator(b, p));
            total += b;
        }
        assertThat(Pricing.owed(sum)).isEqualTo(Pricing.amountFloor(total, p));
    }

    @Test
    void chequeCopiesItsSignatureAndDigestIs32Bytes() {
        byte[] sig = new byte[65];
        Cheque c = new Cheque(new Account(Address.of("A"), Address.of("B"), AssetId.of("trx"), ChainId.of("c")), BigInteger.ONE, 1, sig);
        sig[0] = 9;
        assertThat(c.signature()[0]).isZero();
        c.signature()[0] = 9;
        assertThat(c.signature()[0]).isZero();
        assertThat(c.toString()).doesNotContain("[B@");
        assertThatThrownBy(() -> new Cheque(c.account(), BigInteger.ONE, 0, sig)).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new Cheque(c.account(), BigInteger.ONE, 1, new byte[73])).hasMessageContaining("signature");
        assertThatThrownBy(() -> Digest32.of(new byte[31])).hasMessage("digest must be 32 bytes, got 31");
        assertThat(TxIds.require("0123456789abcdef".repeat(4))).hasSize(64);
    }
}
