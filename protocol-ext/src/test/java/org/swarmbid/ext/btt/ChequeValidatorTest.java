package org.swarmbid.ext.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The payee's checks, with real signatures from the wallet key of the vectors. */
class ChequeValidatorTest {
    private static final TronAccount PAYER = ChequeVectorsTest.PAYER;
    private static final TronAccount PAYEE = ChequeVectorsTest.PAYEE;
    private static final ChequeSigner SIGNER = WalletPorts.signer(ChequeVectorsTest.PAYER_KEY);
    private static final ChequeSigner MALLORY =
            WalletPorts.signer("8d596057e510b14cbb9bf24f88803a6d6dbd138dd303a62b175b9e6cc0f3f941");
    private final ChequeValidator validator = new ChequeValidator(WalletPorts.VERIFIER);
    private final ChequeValidator.Expectation after3 = new ChequeValidator.Expectation(PAYER, PAYEE, AssetId.BTT,
            SigningDomain.MAINNET, BigInteger.valueOf(300), 3);

    private static BttMessage.Cheque cheque(ChequeSigner signer, TronAccount payee, AssetId asset, long chain,
                                            long cum, long seq, long amount) {
        Signature sig = signer.sign(ChequeDigest.digest(new SigningDomain(chain, asset), PAYER, payee,
                BigInteger.valueOf(cum), seq));
        return new BttMessage.Cheque(PAYER, payee, asset, chain, BigInteger.valueOf(cum), seq,
                BigInteger.valueOf(amount), sig);
    }

    @Test
    void theNextChequeIsAccepted() {
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, SigningDomain.MAINNET, 400, 4, 100), after3))
                .isEmpty();
    }

    @Test
    void aGapAfterALostChequeIsAcceptedIfItCoversTheAmount() {
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, SigningDomain.MAINNET, 500, 5, 100), after3))
                .isEmpty();
    }

    @Test
    void everyFraudIsNamed() {
        long m = SigningDomain.MAINNET;
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, SigningDomain.NILE, 400, 4, 100), after3))
                .contains(ErrorCode.WRONG_CHAIN);
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.TRX, m, 400, 4, 100), after3))
                .contains(ErrorCode.WRONG_ASSET);
        assertThat(validator.validate(cheque(SIGNER, PAYER, AssetId.BTT, m, 400, 4, 100), after3))
                .contains(ErrorCode.WRONG_PAYEE);
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, m, 300, 4, 100), after3))
                .as("same total again").contains(ErrorCode.STALE_CHEQUE);
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, m, 400, 3, 100), after3))
                .as("replayed sequence").contains(ErrorCode.STALE_CHEQUE);
        assertThat(validator.validate(cheque(SIGNER, PAYEE, AssetId.BTT, m, 350, 4, 100), after3))
                .as("underpaid increment").contains(ErrorCode.BAD_AMOUNT);
        assertThat(validator.validate(cheque(MALLORY, PAYEE, AssetId.BTT, m, 400, 4, 100), after3))
                .as("forged").contains(ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void aSignatureForAnotherChainAssetOrTotalDoesNotVerify() {
        BttMessage.Cheque good = cheque(SIGNER, PAYEE, AssetId.BTT, SigningDomain.MAINNET, 400, 4, 100);
        BttMessage.Cheque inflated = new BttMessage.Cheque(PAYER, PAYEE, AssetId.BTT, SigningDomain.MAINNET,
                BigInteger.valueOf(4000), 4, BigInteger.valueOf(3700), good.signature());
        assertThat(validator.validate(inflated, after3)).contains(ErrorCode.BAD_SIGNATURE);
        BttMessage.Cheque otherChain = new BttMessage.Cheque(PAYER, PAYEE, AssetId.BTT, SigningDomain.NILE,
                BigInteger.valueOf(400), 4, BigInteger.valueOf(100), good.signature());
        assertThat(WalletPorts.VERIFIER.recover(ChequeDigest.digest(otherChain), good.signature()))
                .isNotEqualTo(java.util.Optional.of(PAYER));
    }
}
