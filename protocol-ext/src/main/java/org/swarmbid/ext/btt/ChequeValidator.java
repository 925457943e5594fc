package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The payee's checks on a received cheque (docs/btt-extension.md, "Seller: accepting a cheque"), in this order,
 * cheapest first: chain, asset, payee, payer, a growing total and sequence, the amount, the signature.
 * Stateless: the caller passes what its ledger holds for this (payer, payee, asset, chain).
 */
public final class ChequeValidator {
    private final SignatureVerifier verifier;

    public ChequeValidator(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * What the payee expects of the next cheque.
     *
     * @param payer              the buyer's handshake address
     * @param payee              our address
     * @param asset              the asset of our offer
     * @param chainId            our chain
     * @param lastCumulative     total of the last accepted cheque from this payer (0 if none)
     * @param lastSequence       sequence of the last accepted cheque (0 if none)
     */
    public record Expectation(TronAccount payer, TronAccount payee, AssetId asset, long chainId,
                              BigInteger lastCumulative, long lastSequence) {
    }

    /** Empty if the cheque may be accepted, else the error code to answer with. */
    public Optional<ErrorCode> validate(BttMessage.Cheque cheque, Expectation expected) {
        if (cheque.chainId() != expected.chainId()) {
            return Optional.of(ErrorCode.WRONG_CHAIN);
        }
        if (!cheque.asset().equals(expected.asset())) {
            return Optional.of(ErrorCode.WRONG_ASSET);
        }
        if (!cheque.payee().equals(expected.payee())) {
            return Optional.of(ErrorCode.WRONG_PAYEE);
        }
        if (!cheque.payer().equals(expected.payer())) {
            return Optional.of(ErrorCode.WRONG_PAYER);
        }
        if (cheque.sequence() <= expected.lastSequence()
                || cheque.cumulativeAmount().compareTo(expected.lastCumulative()) <= 0) {
            return Optional.of(ErrorCode.STALE_CHEQUE);
        }
        BigInteger increase = cheque.cumulativeAmount().subtract(expected.lastCumulative());
        boolean consecutive = cheque.sequence() == expected.lastSequence() + 1;
        if (consecutive ? increase.compareTo(cheque.amount()) != 0 : increase.compareTo(cheque.amount()) < 0) {
            return Optional.of(ErrorCode.BAD_AMOUNT);
        }
        Optional<TronAccount> signer = verifier.recover(ChequeDigest.digest(cheque), cheque.signature());
        if (signer.isEmpty() || !signer.get().equals(cheque.payer())) {
            return Optional.of(ErrorCode.BAD_SIGNATURE);
        }
        return Optional.empty();
    }
}
