package org.swarmbid.ext.btt.plugin;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.LedgerConflictException;
import org.swarmbid.bidding.ledger.LedgerException;
import org.swarmbid.bidding.ledger.Recorded;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.TransferClaim;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The seller checking a buyer's {@code settled} claim (docs/btt-extension.md 8.1), on the worker: the claim is
 * recorded (idempotent on the txid; a txid already used for another transfer is refused), then verified on chain
 * through {@link org.swarmbid.bidding.port.SettlementPort#verifyIncoming} every {@code chainPoll} until final
 * (at most {@value #GIVE_UP_MINUTES} minutes). SOLID counts it ({@code SellerBook.settlementFinal}) and answers with a
 * receipt; FAILED or EXPIRED counts a missed settlement (the payer may end on the blocklist) and answers error 12.
 * At most {@value #MAX_POLLING} claims are followed at once.
 */
final class SettlementIntake {
    private static final Logger LOG = LoggerFactory.getLogger(SettlementIntake.class);
    static final int MAX_POLLING = 256;
    static final int GIVE_UP_MINUTES = 15;

    private final PluginParts p;
    private final Receipts receipts;
    private final Set<String> polling = new HashSet<>();

    SettlementIntake(PluginParts p, Receipts receipts) {
        this.p = p;
        this.receipts = receipts;
    }

    /** Handles a claim from {@code payer}; the immediate reply, if any (later ones go through the sessions). */
    Optional<BttMessage> claim(BttMessage.Settled s, TronAccount payer) {
        BttSettings st = p.settings();
        if (s.chainId() != st.chainId()) {
            return Optional.of(ChequeIntake.error(ErrorCode.WRONG_CHAIN, "settled on another chain", 0));
        }
        if (!s.asset().equals(st.asset())) {
            return Optional.of(ChequeIntake.error(ErrorCode.WRONG_ASSET, "settled in another asset", 0));
        }
        SellerDesk.Standing standing = p.seller().standing(Ids.address(payer));
        if (s.settledTotal().compareTo(standing.accepted()) > 0) {
            return Optional.of(ChequeIntake.error(ErrorCode.BAD_SETTLEMENT, "total above the accepted cheques", 0));
        }
        Account account = Ids.account(payer, st.account(), st.asset(), st.chainId());
        String txid = s.txid().toHex();
        Recorded recorded;
        try {
            recorded = p.ledger().recordSettlementClaim(account, txid, s.amount(), p.now());
        } catch (LedgerConflictException e) {
            return Optional.of(ChequeIntake.error(ErrorCode.BAD_SETTLEMENT, "txid already counted", 0));
        } catch (LedgerException e) {
            LOG.error("cannot record settlement claim {}: {}", txid, e.getMessage());
            return Optional.of(ChequeIntake.error(ErrorCode.INTERNAL, "ledger unavailable", 0));
        }
        if (recorded == Recorded.DUPLICATE) {
            Optional<SettlementRecord> r = p.ledger().settlements(Direction.RECEIVED, EnumSet.allOf(ChainStatus.class))
                    .stream().filter(x -> x.txid().filter(txid::equals).isPresent()).findFirst();
            if (r.isPresent() && r.get().status() == ChainStatus.SOLID) {
                return Optional.of(receipts.of(payer));
            }
            if (r.isPresent() && r.get().status().isFinal()) {
                return Optional.of(ChequeIntake.error(ErrorCode.BAD_SETTLEMENT, "transaction failed on chain", 0));
            }
        }
        if (polling.size() >= MAX_POLLING && !polling.contains(txid)) {
            return Optional.of(ChequeIntake.error(ErrorCode.INTERNAL, "too many settlements being verified", 0));
        }
        follow(new TransferClaim(txid, account, s.amount()), payer);
        return Optional.empty();
    }

    /** Resumes following every claim the ledger holds as not yet final (after a restart). */
    void resume() {
        Address us = p.us();
        for (SettlementRecord r : p.ledger().settlements(Direction.RECEIVED,
                EnumSet.of(ChainStatus.SIGNED, ChainStatus.BROADCAST, ChainStatus.IN_BLOCK))) {
            if (r.account().payee().equals(us) && r.txid().isPresent()) {
                follow(new TransferClaim(r.txid().get(), r.account(), r.amount()), Ids.account(r.account().payer()));
            }
        }
    }

    private void follow(TransferClaim claim, TronAccount payer) {
        if (polling.add(claim.txid())) {
            poll(claim, payer, p.now() + GIVE_UP_MINUTES * 60_000L);
        }
    }

    private void poll(TransferClaim claim, TronAccount payer, long deadline) {
        p.chain().verifyIncoming(claim).whenCompleteAsync((status, err) -> {
            if (err != null || status == null || !status.isFinal()) {
                if (p.now() < deadline) {
                    p.lane().schedule(() -> poll(claim, payer, deadline), p.settings().chainPoll().toMillis());
                } else {
                    polling.remove(claim.txid());
                    LOG.warn("settlement {} not final after {} min; giving up for now", claim.txid(), GIVE_UP_MINUTES);
                }
                return;
            }
            polling.remove(claim.txid());
            settle(claim, payer, status);
        }, p.lane());
    }

    private void settle(TransferClaim claim, TronAccount payer, ChainStatus status) {
        long now = p.now();
        p.ledger().updateSettlementStatus(claim.txid(), status, now);
        boolean solid = status == ChainStatus.SOLID;
        Address payerAddress = claim.account().payer();
        if (p.seller().settlementFinal(payerAddress, claim.amount(), solid, now)) {
            p.ledger().blocklist(payerAddress, "settlement claim failed on chain", now);
        }
        if (solid) {
            p.stats().settledIn(claim.amount());
            p.sessions().send(payer, receipts.of(payer));
        } else {
            LOG.info("settlement {} from {} is {}", claim.txid(), payerAddress, status);
            p.sessions().send(payer, ChequeIntake.error(ErrorCode.BAD_SETTLEMENT, "transaction " + status, 0));
        }
    }
}
