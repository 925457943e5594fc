package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.TransferClaim;
import org.swarmbid.wallet.key.TronAddress;

/** The claim check as a table: every field of the claim against what the chain says. */
class TransferCheckTest {
    private static final ChainId CHAIN = ChainId.of("728126428");
    private static final TronAddress PAYER = TronAddress.parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    private static final TronAddress PAYEE = TronAddress.parse("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
    private static final TronAddress OTHER = TronAddress.parse("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4");
    private static final String BTT = "trc20:032017411f4663b317fe77c257d28d5cd1b26e3d";
    private static final String TXID = "ab".repeat(32);
    private static final BigInteger AMOUNT = new BigInteger("1500000000000000000");

    private static TransferClaim claim(String asset, BigInteger amount) {
        return new TransferClaim(TXID, new Account(Address.of(PAYER.toBase58()), Address.of(PAYEE.toBase58()),
                AssetId.of(asset), CHAIN), amount);
    }

    private static ObservedTransfer seen(ObservedTransfer.Kind kind, TronAddress from, TronAddress to, String asset,
            BigInteger amount, boolean inBlock, boolean ok, boolean solid) {
        return new ObservedTransfer(kind, Optional.of(from), Optional.of(to), Optional.of(asset), amount, inBlock,
                ok, ok ? "" : "OUT_OF_ENERGY", solid);
    }

    private static ObservedTransfer good() {
        return seen(ObservedTransfer.Kind.TRC20, PAYER, PAYEE, BTT, AMOUNT, true, true, true);
    }

    private static ChainStatus check(TransferClaim c, ObservedTransfer t) {
        return TransferCheck.check(c, CHAIN, Optional.ofNullable(t)).status();
    }

    @Test
    void onlyAnExactSuccessfulSolidTransferIsSolid() {
        assertThat(check(claim(BTT, AMOUNT), good())).isEqualTo(ChainStatus.SOLID);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, PAYER, PAYEE, BTT, AMOUNT, true, true, false)))
                .as("not yet solid").isEqualTo(ChainStatus.IN_BLOCK);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, PAYER, PAYEE, BTT, AMOUNT, false, false, false)))
                .as("no receipt yet").isEqualTo(ChainStatus.BROADCAST);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, PAYER, PAYEE, BTT, AMOUNT, true, false, true)))
                .as("failed, even when solid").isEqualTo(ChainStatus.FAILED);
    }

    @Test
    void everyMismatchFails() {
        assertThat(check(claim(BTT, AMOUNT), null)).as("missing").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT.add(BigInteger.ONE)), good())).as("one unit more").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT.subtract(BigInteger.ONE)), good())).as("one unit less").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, PAYER, OTHER, BTT, AMOUNT, true, true, true)))
                .as("wrong receiver").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, OTHER, PAYEE, BTT, AMOUNT, true, true, true)))
                .as("wrong sender").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT),
                seen(ObservedTransfer.Kind.TRC20, PAYER, PAYEE, "trc20:" + "11".repeat(20), AMOUNT, true, true, true)))
                .as("another token contract").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim("trx", AMOUNT), good())).as("claims TRX, moved BTT").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim("trc10:1002000", BigInteger.TEN),
                seen(ObservedTransfer.Kind.TRX, PAYER, PAYEE, "trx", BigInteger.TEN, true, true, true)))
                .as("claims legacy BTT, moved TRX").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, AMOUNT), new ObservedTransfer(ObservedTransfer.Kind.OTHER, Optional.empty(),
                Optional.empty(), Optional.empty(), BigInteger.ZERO, true, true, "", true)))
                .as("not a transfer").isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim("trc20:" + "11".repeat(20), AMOUNT), good())).as("unknown asset")
                .isEqualTo(ChainStatus.FAILED);
        assertThat(check(claim(BTT, BigInteger.ZERO), good())).as("zero claim").isEqualTo(ChainStatus.FAILED);
        TransferClaim otherChain = new TransferClaim(TXID, new Account(Address.of(PAYER.toBase58()),
                Address.of(PAYEE.toBase58()), AssetId.of(BTT), ChainId.of("3448148188")), AMOUNT);
        assertThat(check(otherChain, good())).as("other chain").isEqualTo(ChainStatus.FAILED);
        TransferClaim badAddress = new TransferClaim(TXID, new Account(Address.of("TNotAnAddress"),
                Address.of(PAYEE.toBase58()), AssetId.of(BTT), CHAIN), AMOUNT);
        assertThat(check(badAddress, good())).as("invalid payer").isEqualTo(ChainStatus.FAILED);
    }

    @Test
    void trxAndLegacyBttMatchTheirOwnKinds() {
        assertThat(check(claim("trx", BigInteger.valueOf(2_000_000)),
                seen(ObservedTransfer.Kind.TRX, PAYER, PAYEE, "trx", BigInteger.valueOf(2_000_000), true, true, true)))
                .isEqualTo(ChainStatus.SOLID);
        assertThat(check(claim("trc10:1002000", BigInteger.valueOf(5)),
                seen(ObservedTransfer.Kind.TRC10, PAYER, PAYEE, "trc10:1002000", BigInteger.valueOf(5), true, true, true)))
                .isEqualTo(ChainStatus.SOLID);
        assertThat(check(claim("trc10:1002000", BigInteger.valueOf(5)),
                seen(ObservedTransfer.Kind.TRC10, PAYER, PAYEE, "trc10:1002001", BigInteger.valueOf(5), true, true, true)))
                .as("another TRC-10 token").isEqualTo(ChainStatus.FAILED);
    }

    @Test
    void theReasonNamesTheMismatch() {
        TransferCheck.Verdict v = TransferCheck.check(claim(BTT, AMOUNT), CHAIN, Optional.of(
                seen(ObservedTransfer.Kind.TRC20, PAYER, OTHER, BTT, AMOUNT, true, true, true)));
        assertThat(v.reason()).contains("not the payee").contains(PAYEE.toBase58());
    }
}
