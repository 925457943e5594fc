package org.swarmbid.wallet.history;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.ChainClient;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Transfer;

/**
 * Sends the wallet's transactions so that none is lost: record (SIGNED) → broadcast (BROADCAST, or FAILED with the
 * node's code) → follow the chain until a final state. Blocking; not for an event loop.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final ChainClient chain;
    private final TransactionHistory history;
    private final Clock clock;

    public Outbox(ChainClient chain, TransactionHistory history, Clock clock) {
        this.chain = chain;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Records {@code signed} (built from {@code transfer}), then broadcasts it.
     *
     * @return the status after broadcasting (BROADCAST)
     * @throws BroadcastRejectedException if the node refused it; the entry is then FAILED with the node's code
     * @throws org.swarmbid.wallet.chain.ChainException if the node could not be reached; the entry stays SIGNED and
     *     {@link #rebroadcast} can retry it
     */
    public TxStatus send(SignedTransaction signed, Transfer transfer) {
        long now = clock.millis();
        history.recordSigned(HistoryEntry.signed(signed, transfer, now), signed);
        return broadcast(signed);
    }

    /** Broadcasts a recorded SIGNED transaction again (after a crash or a network failure). */
    public TxStatus rebroadcast(String txid) {
        SignedTransaction signed = history.signed(txid)
                .orElseThrow(() -> new IllegalArgumentException("no recorded transaction " + txid));
        return broadcast(signed);
    }

    /** Asks the chain where {@code txid} stands and records it. A SIGNED entry the node does not know stays SIGNED. */
    public TxStatus refresh(String txid) {
        HistoryEntry entry = history.find(txid)
                .orElseThrow(() -> new IllegalArgumentException("no recorded transaction " + txid));
        if (entry.state().isFinal()) {
            return new TxStatus(entry.state(), entry.blockNumber(), entry.feeSun(), entry.detail());
        }
        TxStatus status = chain.status(ByteString.copyFrom(Hex.decode(txid)),
                entry.expirationMillis());
        if (entry.state() == TxState.SIGNED && status.state() == TxState.BROADCAST) {
            return new TxStatus(TxState.SIGNED, OptionalLong.empty(), 0, "");
        }
        history.update(txid, status, clock.millis());
        return status;
    }

    /** Refreshes every unsettled entry; returns how many changed state. */
    public int refreshUnsettled() {
        int changed = 0;
        for (HistoryEntry e : history.unsettled()) {
            if (refresh(e.txid()).state() != e.state()) {
                changed++;
            }
        }
        return changed;
    }

    private TxStatus broadcast(SignedTransaction signed) {
        String txid = signed.txidHex();
        try {
            chain.broadcast(signed);
        } catch (BroadcastRejectedException e) {
            if ("DUP_TRANSACTION_ERROR".equals(e.code())) {
                LOG.info("{} was already known to the node", txid);
            } else {
                history.update(txid, new TxStatus(TxState.FAILED, OptionalLong.empty(), 0,
                        e.code() + ": " + e.nodeMessage()), clock.millis());
                throw e;
            }
        }
        TxStatus status = new TxStatus(TxState.BROADCAST, OptionalLong.empty(), 0, "");
        history.update(txid, status, clock.millis());
        return status;
    }
}
