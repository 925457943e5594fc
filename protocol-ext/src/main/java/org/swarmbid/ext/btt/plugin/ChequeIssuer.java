package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.buyer.ChequeDraft;
import org.swarmbid.bidding.buyer.TorrentBuyer;
import org.swarmbid.bidding.ledger.LedgerException;
import org.swarmbid.bidding.ledger.Recorded;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.ChequeDigest;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The buyer paying for verified pieces (docs/btt-extension.md 4.4 and 7.1), on the worker, so that cheque
 * issuance for each (payer, payee, asset, chain) is serialised across every torrent and connection:
 * <ol>
 *   <li>a passed piece's paid bytes are written to the ledger ({@code recordPiecePaid}), then counted as owed
 *       ({@code TorrentBuyer.piecePassed});</li>
 *   <li>the next cumulative cheque ({@code ChequeBook.nextCheque}: everything owed, rounded down once on the
 *       exact total) is signed, <b>written to the ledger</b>, counted, and only then sent;</li>
 *   <li>then the {@link Settler} checks whether a settlement is due.</li>
 * </ol>
 * A signing or ledger failure leaves the amount owed; the next piece (or the next start) issues it. Cheques to one
 * payee are at least {@value #MIN_INTERVAL_MILLIS} ms apart (they are cumulative, so the next one covers whatever
 * passed in between): that keeps a fast download with small pieces under the peer's rate limit of 20 messages per
 * second. The increment of each cheque is counted in the stats of the torrent whose piece triggered it.
 */
final class ChequeIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(ChequeIssuer.class);
    static final long MIN_INTERVAL_MILLIS = 100;
    private final PluginParts p;
    private final Settler settler;
    private final Map<Account, Long> lastIssued = new HashMap<>();
    private final Set<Account> scheduled = new HashSet<>();

    ChequeIssuer(PluginParts p, Settler settler) {
        this.p = p;
        this.settler = settler;
    }

    /** Piece {@code piece} of {@code torrent} passed; {@code owed} are its paid numerators per seller account. */
    void piecePassed(String torrent, int piece, Map<Account, BigInteger> owed, TorrentBuyer buyer) {
        long now = p.now();
        try {
            for (Map.Entry<Account, BigInteger> e : owed.entrySet()) {
                if (p.ledger().recordPiecePaid(torrent, piece, e.getKey(), e.getValue(), now) == Recorded.DUPLICATE) {
                    // verified again after a restart lost it from the resume data: it was paid already
                    LOG.info("piece {} of {} was paid before; not paying it twice", piece, torrent);
                    p.buyer().locked(() -> buyer.pieceFailed(piece));
                    return;
                }
            }
        } catch (LedgerException e) {
            LOG.error("cannot record paid piece {} of {}: {}; it is not paid for", piece, torrent, e.getMessage());
            p.buyer().locked(() -> buyer.pieceFailed(piece));
            return;
        }
        p.buyer().locked(() -> buyer.piecePassed(piece, Instant.ofEpochMilli(now)));
        for (Account account : owed.keySet()) {
            issue(account, torrent);
        }
    }

    /** Signs, records and sends every cheque now owed to {@code account}'s payee (usually one). */
    void issue(Account account, String torrent) {
        long now = p.now();
        Long last = lastIssued.get(account);
        if (last != null && now - last < MIN_INTERVAL_MILLIS && now >= last) {
            if (scheduled.add(account)) {
                p.lane().schedule(() -> {
                    scheduled.remove(account);
                    issue(account, torrent);
                }, MIN_INTERVAL_MILLIS - (now - last));
            }
            return;
        }
        if (lastIssued.size() > BuyerDesk.MAX_SELLERS) {
            lastIssued.clear();
        }
        lastIssued.put(account, now);
        BttSettings st = p.settings();
        TronAccount payee = Ids.account(account.payee());
        while (true) {
            Optional<ChequeDraft> next = p.buyer().locked(() -> p.buyer().book().nextCheque(account));
            if (next.isEmpty()) {
                break;
            }
            ChequeDraft draft = next.get();
            BigInteger previous = p.buyer().locked(() -> p.buyer().book().lastSent(account));
            byte[] digest = ChequeDigest.digest(st.domain(), st.account(), payee, draft.cumulative(),
                    draft.sequence());
            Signature sig;
            try {
                sig = p.signer().sign(digest);
                p.ledger().recordChequeSent(new Cheque(account, draft.cumulative(), draft.sequence(), sig.bytes()),
                        Digest32.of(digest), p.now());
            } catch (RuntimeException e) {
                LOG.error("cannot issue cheque {} to {}: {}", draft.sequence(), account.payee(), e.getMessage());
                return;
            }
            p.buyer().locked(() -> p.buyer().book().chequeSent(draft));
            p.stats().spent(torrent, draft.cumulative().subtract(previous));
            BttMessage.Cheque wire = new BttMessage.Cheque(st.account(), payee, st.asset(), st.chainId(),
                    draft.cumulative(), draft.sequence(), draft.cumulative().subtract(previous), sig);
            if (!p.sessions().send(payee, wire)) {
                LOG.info("cheque {} to {} recorded; sent when a session with it is active", draft.sequence(),
                        account.payee());
            }
        }
        settler.checkDue(account);
    }
}
