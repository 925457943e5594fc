package org.swarmbid.ext.btt.plugin;

import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.LedgerConflictException;
import org.swarmbid.bidding.ledger.LedgerException;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.bidding.seller.ChequeVerdict;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.ChequeValidator;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The seller accepting a cheque (docs/btt-extension.md 7.3), on the worker:
 * <ol>
 *   <li>{@link ChequeValidator}: chain (3), asset (4), payee (5), payer (6), growing {@code seq}/{@code cum} (8),
 *       {@code amount} (9), signature (7), cheapest first; a replay of the last accepted cheque is stale (8);</li>
 *   <li>{@link org.swarmbid.bidding.seller.SellerBook#evaluateCheque}: the bidding engine's rule, which adds the
 *       underpayment check against the pieces the buyer announced (9; the paid slot is also revoked);</li>
 *   <li>the ledger records the cheque, and only then is it counted and a receipt sent.</li>
 * </ol>
 */
final class ChequeIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ChequeIntake.class);
    private final PluginParts p;
    private final ChequeValidator validator;

    ChequeIntake(PluginParts p) {
        this.p = p;
        this.validator = new ChequeValidator(p.verifier().asSignatureVerifier());
    }

    /** Accepts or refuses {@code c} from {@code payer} on a connection of {@code torrent}; returns the reply. */
    BttMessage accept(BttMessage.Cheque c, TronAccount payer, String torrent) {
        BttSettings st = p.settings();
        Address payerAddress = Ids.address(payer);
        SellerDesk.Standing before = p.seller().standing(payerAddress);
        Optional<ErrorCode> bad = validator.validate(c, new ChequeValidator.Expectation(payer, st.account(),
                st.asset(), st.chainId(), before.accepted(), before.sequence()));
        if (bad.isPresent()) {
            // a replay of the last accepted cheque is stale too (rule 5): it counts nothing
            return error(bad.get(), "cheque refused: " + bad.get().wireName(), c.sequence());
        }
        Account account = Ids.account(payer, st.account(), st.asset(), st.chainId());
        Cheque cheque = new Cheque(account, c.cumulativeAmount(), c.sequence(), c.signature().bytes());
        Digest32 digest = Digest32.of(ChequeDigest.digest(c));
        ChequeVerdict verdict = p.seller().evaluate(cheque, digest);
        if (verdict instanceof ChequeVerdict.Duplicate) {
            return error(ErrorCode.STALE_CHEQUE, "cheque already accepted", c.sequence());
        }
        if (verdict instanceof ChequeVerdict.Reject r) {
            ErrorCode code = wire(r.code());
            if (code == ErrorCode.BAD_AMOUNT) {
                p.seller().revoke(payerAddress, ErrorCode.BAD_AMOUNT);
            }
            LOG.info("cheque {} from {} refused: {}", c.sequence(), payerAddress, r.reason());
            return error(code, r.reason(), c.sequence());
        }
        try {
            p.ledger().recordChequeReceived(cheque, digest, p.now());
        } catch (LedgerConflictException e) {
            return error(ErrorCode.STALE_CHEQUE, "conflicts with a recorded cheque", c.sequence());
        } catch (LedgerException e) {
            LOG.error("cannot record cheque {} from {}: {}", c.sequence(), payerAddress, e.getMessage());
            return error(ErrorCode.INTERNAL, "ledger unavailable", c.sequence());
        }
        p.seller().apply(cheque, p.now());
        p.stats().earned(torrent, c.cumulativeAmount().subtract(before.accepted()));
        try { // the receipt is in the ledger before it leaves
            p.ledger().recordReceipt(Direction.RECEIVED, cheque.account(), c.cumulativeAmount(), p.now());
        } catch (LedgerException e) {
            LOG.error("cannot record the receipt for cheque {} from {}: {}", c.sequence(), payerAddress,
                    e.getMessage());
            return error(ErrorCode.INTERNAL, "ledger unavailable", c.sequence());
        }
        return new BttMessage.Receipt(st.asset(), st.chainId(), c.cumulativeAmount(), c.sequence(),
                Optional.of(c.signature()), before.settled().min(c.cumulativeAmount()));
    }

    static ErrorCode wire(org.swarmbid.bidding.api.ErrorCode code) {
        switch (code) {
            case WRONG_PAYEE:
                return ErrorCode.WRONG_PAYEE;
            case WRONG_ASSET:
                return ErrorCode.WRONG_ASSET;
            case WRONG_CHAIN:
                return ErrorCode.WRONG_CHAIN;
            case BAD_SIGNATURE:
                return ErrorCode.BAD_SIGNATURE;
            case STALE_CHEQUE:
            case SEQUENCE_CONFLICT:
                return ErrorCode.STALE_CHEQUE;
            case UNDERPAID:
                return ErrorCode.BAD_AMOUNT;
            case OVER_CREDIT:
                return ErrorCode.OVER_CREDIT;
            case BELOW_RESERVE:
                return ErrorCode.BELOW_RESERVE;
            case EXPIRED:
                return ErrorCode.BID_EXPIRED;
            default:
                return ErrorCode.SETTLEMENT_DUE;
        }
    }

    static BttMessage.ErrorMessage error(ErrorCode code, String text, long ref) {
        String msg = text.length() > 200 ? text.substring(0, 200) : text;
        return new BttMessage.ErrorMessage(code.code(), msg, ref >= 1 ? OptionalLong.of(ref) : OptionalLong.empty());
    }
}
