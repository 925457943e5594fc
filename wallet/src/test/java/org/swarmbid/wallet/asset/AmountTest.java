package org.swarmbid.wallet.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.wallet.crypto.TestVectors;

class AmountTest {
    @ParameterizedTest
    @CsvSource({
        "1.5, 1500000, 1.5",
        "0, 0, 0",
        "0.000001, 1, 0.000001",
        "1.000000, 1000000, 1",
        "10.10, 10100000, 10.1",
        "9223372036854.775807, 9223372036854775807, 9223372036854.775807",
    })
    void trxParsesExactlyAndFormatsTrimmed(String text, String sun, String formatted) {
        Amount amount = Amount.parse(text, Asset.TRX);
        assertThat(amount.units()).isEqualTo(new BigInteger(sun));
        assertThat(amount.toPlainString()).isEqualTo(formatted);
        assertThat(Amount.parse(amount.toPlainString(), Asset.TRX)).isEqualTo(amount);
    }

    @Test
    void bttHas18Decimals() {
        assertThat(Amount.parse("0.000000000000000001", Asset.BTT).units()).isEqualTo(BigInteger.ONE);
        assertThat(Amount.parse("1.5", Asset.BTT).units()).isEqualTo(new BigInteger("1500000000000000000"));
        assertThat(Amount.ofUnits(BigInteger.ONE, Asset.BTT).toPlainString()).isEqualTo("0.000000000000000001");
        assertThat(Amount.ofUnits(BigInteger.ONE, Asset.BTT).toString()).isEqualTo("0.000000000000000001 BTT");
        assertThat(Amount.ofUnits(1_500_000, Asset.TRX).toFullPrecisionString()).isEqualTo("1.500000");
    }

    @Test
    void legacyBttCarriesChainPrecision() {
        Asset.Trc10 old = Asset.bttOld(6);
        assertThat(old.tokenId()).isEqualTo("1002000");
        assertThat(Amount.parse("2.25", old).units()).isEqualTo(BigInteger.valueOf(2_250_000));
        Asset.Trc10 zero = Asset.bttOld(0);
        assertThat(Amount.parse("7", zero).toPlainString()).isEqualTo("7");
        assertThatThrownBy(() -> Amount.parse("7.1", zero)).hasMessage("amount has 1 decimals but BTTOLD allows 0");
        assertThatThrownBy(() -> Asset.bttOld(7)).hasMessage("TRC-10 precision must be 0..6, got 7");
    }

    @Test
    void assetsMatchTheVectorFile() {
        Map<String, Object> assets = TestVectors.obj(TestVectors.load("tron-vectors.json"), "assets");
        Map<String, Object> btt = TestVectors.obj(assets, "BTT_TRC20");
        assertThat(Asset.BTT.contract().toBase58()).isEqualTo(btt.get("contract"));
        assertThat(Asset.BTT.decimals()).isEqualTo(((BigInteger) btt.get("decimals")).intValueExact());
        assertThat(Asset.TRX.decimals()).isEqualTo(((BigInteger) TestVectors.obj(assets, "TRX").get("decimals")).intValueExact());
        assertThat(Asset.BTT_OLD_TOKEN_ID).isEqualTo(TestVectors.obj(assets, "BTTOLD_TRC10").get("token_id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0000001|amount has 7 decimals but TRX allows 6",
        "-1|amount must not be negative",
        "1e6|invalid character 'e' at position 1 in amount (only digits and one '.' are allowed)",
        "1,5|invalid character ',' at position 1 in amount (only digits and one '.' are allowed)",
        "+1|invalid character '+' at position 0 in amount (only digits and one '.' are allowed)",
        "' 1'|invalid character U+0020 at position 0 in amount (only digits and one '.' are allowed)",
        "1.2.3|amount has more than one '.'",
        ".5|amount needs a digit before '.' (write 0.5, not .5)",
        "5.|amount needs a digit after '.' (write 5 or 5.0, not 5.)",
        "007|amount has a leading zero",
        "NaN|invalid character 'N' at position 0 in amount (only digits and one '.' are allowed)",
        "\u0661|invalid character U+0661 at position 0 in amount (only digits and one '.' are allowed)",
        "9223372036854.775808|amount exceeds the largest TRX amount",
        "''|amount is empty",
    })
    void junkIsRejectedPrecisely(String text, String message) {
        assertThatThrownBy(() -> Amount.parse(text, Asset.TRX)).isInstanceOf(AmountFormatException.class).hasMessage(message);
    }

    @Test
    void signedParsingAndArithmetic() {
        Amount minus = Amount.parseSigned("-0.25", Asset.TRX);
        assertThat(minus.units()).isEqualTo(BigInteger.valueOf(-250_000));
        assertThat(minus.toPlainString()).isEqualTo("-0.25");
        assertThat(minus.isNegative()).isTrue();
        Amount sum = minus.add(Amount.parse("1", Asset.TRX));
        assertThat(sum.toPlainString()).isEqualTo("0.75");
        assertThat(sum.subtract(sum).isZero()).isTrue();
        assertThat(sum.compareTo(minus)).isPositive();
        assertThat(sum.unitsAsLongExact()).isEqualTo(750_000L);
        assertThatThrownBy(() -> sum.add(Amount.zero(Asset.BTT))).hasMessage("cannot combine TRX with BTT");
        assertThatThrownBy(() -> Amount.ofUnits(Long.MAX_VALUE, Asset.TRX).add(Amount.ofUnits(1, Asset.TRX)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Amount.parse("1" + "0".repeat(100), Asset.BTT)).hasMessageContaining("too long");
        assertThat(Amount.ofUnits(Asset.UINT256_MAX, Asset.BTT).toPlainString())
                .isEqualTo(new java.math.BigDecimal(Asset.UINT256_MAX, 18).stripTrailingZeros().toPlainString());
    }

    @Test
    void randomUnitsRoundTripThroughText() {
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            BigInteger units = new BigInteger(1 + random.nextInt(255), random);
            Amount amount = Amount.ofUnits(units, Asset.BTT);
            assertThat(Amount.parse(amount.toPlainString(), Asset.BTT)).isEqualTo(amount);
            assertThat(Amount.parse(amount.toFullPrecisionString(), Asset.BTT)).isEqualTo(amount);
        }
    }
}
