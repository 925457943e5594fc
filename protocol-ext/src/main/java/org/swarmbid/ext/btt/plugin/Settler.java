package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.SettlementRequest;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.FixedBytes;

/**
 * The buyer settling on chain (docs/btt-extension.md 8.1), on the worker: when {@code ChequeBook.settlementDue}
 * says so (the unsettled total reached {@code settleAtPercent}% of the seller's offered threshold), the intent is
 * recorded in the ledger (REQUESTED), the {@link org.swarmbid.bidding.port.SettlementPort} transfers (idempotent on
 * the ledger id, retried with back-off), the txid is recorded, its status polled until final, the final status
 * recorded, and for SOLID the {@code settled} message is sent. A FAILED or EXPIRED transfer frees the amount to be
 * settled again.
 */
final class Settler {
    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final long MAX_BACKOFF = 60_000;
    private final PluginParts p;

    Settler(PluginParts p) {
        this.p = p;
    }

    /** Settles with {@code account}'s payee if due. */
    void checkDue(Account account) {
        Optional<BigInteger> threshold = p.buyer().threshold(account.payee());
        if (threshold.isEmpty()) {
            return;
        }
        int percent = p.settings().bidding().buyer().settleAtPercent();
        Optional<BigInteger> due = p.buyer().locked(
                () -> p.buyer().book().settlementDue(account, threshold.get(), percent));
        if (due.isEmpty()) {
            return;
        }
        long id = p.ledger().recordSettlementRequested(account, due.get(), p.now());
        p.buyer().locked(() -> p.buyer().book().settlementStarted(account, due.get()));
        LOG.info("settling {} with {} (ledger id {})", due.get(), account.payee(), id);
        transfer(new SettlementRequest(id, account, due.get()), 1000);
    }

    /** Resumes every settlement of ours the ledger holds as not final (after a restart). */
    void resume() {
        for (SettlementRecord r : p.ledger().settlements(Direction.SENT,
                EnumSet.of(ChainStatus.REQUESTED, ChainStatus.SIGNED, ChainStatus.BROADCAST, ChainStatus.IN_BLOCK))) {
            if (!r.account().payer().equals(p.us())) {
                continue;
            }
            if (r.txid().isEmpty()) {
                transfer(new SettlementRequest(r.id(), r.account(), r.amount()), 1000);
            } else {
                poll(r.txid().get(), r.account(), r.amount());
            }
        }
    }

    private void transfer(SettlementRequest request, long backoff) {
        p.chain().transfer(request).whenCompleteAsync((txid, err) -> {
            if (err != null || txid == null) {
                LOG.warn("settlement {} not sent ({}); retrying in {} s", request.settlementId(),
                        err == null ? "no txid" : err.toString(), backoff / 1000);
                p.lane().schedule(() -> transfer(request, Math.min(MAX_BACKOFF, backoff * 2)), backoff);
                return;
            }
            p.ledger().recordSettlementTxid(request.settlementId(), txid, ChainStatus.SIGNED, p.now());
            poll(txid, request.account(), request.amount());
        }, p.lane());
    }

    private void poll(String txid, Account account, BigInteger amount) {
        p.chain().status(txid).whenCompleteAsync((status, err) -> {
            if (err != null || status == null || !status.isFinal()) {
                p.lane().schedule(() -> poll(txid, account, amount), p.settings().chainPoll().toMillis());
                return;
            }
            p.ledger().updateSettlementStatus(txid, status, p.now());
            boolean solid = status == ChainStatus.SOLID;
            p.buyer().locked(() -> p.buyer().book().settlementFinal(account, amount, solid));
            if (!solid) {
                LOG.warn("settlement {} with {} is {}; the amount will be settled again", txid, account.payee(),
                        status);
                checkDue(account);
                return;
            }
            p.stats().settledOut(amount);
            BigInteger total = p.buyer().locked(() -> p.buyer().book().settled(account));
            sendSettled(account, txid, amount, total);
        }, p.lane());
    }

    void sendSettled(Account account, String txid, BigInteger amount, BigInteger total) {
        BttSettings st = p.settings();
        p.sessions().send(Ids.account(account.payee()), new BttMessage.Settled(st.asset(), st.chainId(),
                FixedBytes.of(HexFormat.of().parseHex(txid), BttMessage.Settled.TXID_LENGTH), amount, total));
    }
}
