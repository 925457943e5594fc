package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.auction.Bid;
import org.swarmbid.bidding.buyer.TorrentBuyer;
import org.swarmbid.core.choke.ChokePolicy;
import org.swarmbid.core.spi.PeerContext;
import org.swarmbid.core.spi.PeerPlugin;
import org.swarmbid.core.spi.TorrentContext;
import org.swarmbid.core.spi.TorrentPlugin;
import org.swarmbid.ext.btt.ErrorCode;
import org.swarmbid.ext.btt.FixedBytes;

/**
 * The extension on one torrent: its connections (by choke key), the {@link TorrentBuyer} (budget and owed bytes of
 * this torrent), the pieces passed, the paid-slot auction as the choker's {@link PaidSlotChoker.Market}, and the
 * hand-over of passed pieces to the worker for payment. Loop only, except where it posts to the worker.
 */
final class BttTorrent implements TorrentPlugin, PaidSlotChoker.Market {
    private static final Logger LOG = LoggerFactory.getLogger(BttTorrent.class);
    private final BttPlugin plugin;
    private final PluginParts p;
    private final TorrentContext ctx;
    private final String hex;
    private final FixedBytes infoHash20;
    private final Map<Object, BttPeer> peers = new LinkedHashMap<>();
    private final BitSet passed = new BitSet();
    private final TorrentBuyer buyer;
    private boolean buyerReady;
    private boolean restoring;
    private int paymentsInFlight;

    BttTorrent(BttPlugin plugin, TorrentContext ctx) {
        this.plugin = plugin;
        this.p = plugin.parts();
        this.ctx = ctx;
        this.hex = ctx.infoHash();
        byte[] ih = ctx.infoHashBytes();
        this.infoHash20 = FixedBytes.of(java.util.Arrays.copyOf(ih, 20), 20);
        this.buyer = new TorrentBuyer(plugin.buyerConfig(hex), p.buyer().day(), p.buyer().book());
        if (p.settings().buys()) {
            restoreBuyer();
        }
    }

    /** Reads what this torrent cost so far from the ledger, then lets the buyer bid. Loop. */
    private void restoreBuyer() {
        restoring = true;
        p.lane().execute(() -> {
            BigInteger spent = p.ledger().spentNumeratorOnTorrent(hex);
            p.buyer().locked(() -> buyer.restoreSpent(spent));
            ctx.execute(() -> buyerReady = true);
        });
    }

    /** The plugin's bidding policy changed: new caps for this torrent's buyer, new offers, bids at the new price. */
    void reconfigured() {
        try {
            var caps = plugin.buyerConfig(hex);
            p.buyer().locked(() -> buyer.reconfigure(caps));
            if (p.settings().buys() && !restoring) {
                restoreBuyer(); // spending switched on: first what this torrent cost in earlier sessions
            }
            long now = p.now();
            for (BttPeer bp : new ArrayList<>(peers.values())) {
                bp.reconfigured(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: applying new bidding settings failed: {}", ctx.name(), e.toString(), e);
        }
    }

    BttPlugin plugin() {
        return plugin;
    }

    PluginParts parts() {
        return p;
    }

    TorrentContext context() {
        return ctx;
    }

    String hex() {
        return hex;
    }

    FixedBytes infoHash20() {
        return infoHash20;
    }

    TorrentBuyer buyer() {
        return buyer;
    }

    boolean buyerReady() {
        return buyerReady;
    }

    /** Passed pieces whose payment the worker has not finished yet. */
    int paymentsInFlight() {
        return paymentsInFlight;
    }

    /** True when nothing bought on this torrent is waiting for a cheque or its acknowledgement. Loop only. */
    boolean settledUp() {
        if (paymentsInFlight > 0) {
            return false;
        }
        for (BttPeer bp : peers.values()) {
            if (bp.buyer.owesAcknowledgement()) {
                return false;
            }
        }
        return true;
    }

    boolean passed(int piece) {
        return passed.get(piece);
    }

    /** The connections whose extension session is active. Loop only. */
    java.util.List<BttPeer> activePeers() {
        return peers.values().stream().filter(BttPeer::active).toList();
    }

    void remove(BttPeer peer) {
        peers.values().remove(peer);
    }

    /** Download rate from peers whose slot we do not pay for. */
    long titForTatRate() {
        long sum = 0;
        for (BttPeer bp : peers.values()) {
            if (!bp.buyer.paid()) {
                sum += bp.buyer.rate();
            }
        }
        return sum;
    }

    @Override
    public Optional<PeerPlugin> forPeer(PeerContext peer) {
        BttPeer bp = new BttPeer(this, peer);
        peers.put(peer.chokeKey(), bp);
        return Optional.of(bp);
    }

    @Override
    public void onPiecePassed(int piece, Map<PeerContext, Long> bytesByPeer) {
        try {
            passed.set(piece);
            Map<Account, BigInteger> owed = p.buyer().locked(() -> buyer.owedFor(piece));
            if (!owed.isEmpty()) {
                ChequeIssuer issuer = plugin.issuer();
                paymentsInFlight++;
                p.lane().execute(() -> {
                    try {
                        issuer.piecePassed(hex, piece, owed, buyer);
                    } finally {
                        ctx.execute(() -> paymentsInFlight--);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: paying for piece {} failed: {}", ctx.name(), piece, e.toString(), e);
        }
    }

    @Override
    public void onPieceFailed(int piece, Map<PeerContext, Long> bytesByPeer) {
        try {
            p.buyer().locked(() -> buyer.pieceFailed(piece));
        } catch (RuntimeException e) {
            LOG.warn("{}: dropping failed piece {} failed: {}", ctx.name(), piece, e.toString(), e);
        }
    }

    @Override
    public Optional<ChokePolicy> chokePolicy(ChokePolicy base) {
        // fixed when the torrent joins: selling switched on later (BttPlugin.updateBidding) reaches torrents that
        // join afterwards; selling switched off, or other slots and prices, reach this one from the next round
        return p.settings().sells() ? Optional.of(new PaidSlotChoker(base, this)) : Optional.empty();
    }

    @Override
    public void tick(long nowMillis) {
        long now = p.now();
        for (BttPeer bp : new ArrayList<>(peers.values())) {
            bp.tick(now);
        }
        try {
            Set<Address> blocked = p.seller().tick(now);
            if (!blocked.isEmpty()) {
                p.lane().execute(() -> blocked.forEach(a -> p.ledger().blocklist(a, "missed settlements", now)));
            }
        } catch (RuntimeException e) {
            LOG.warn("seller tick failed: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        plugin.forget(this);
        for (BttPeer bp : new ArrayList<>(peers.values())) {
            bp.onDisconnect();
        }
    }

    // ---------------------------------------------------------------- the auction (PaidSlotChoker.Market)

    @Override
    public PaidSlotChoker.Terms terms() {
        var seller = p.settings().bidding().seller();
        return new PaidSlotChoker.Terms(Ids.asset(p.settings().asset()), seller.reservePricePerMiB(),
                seller.paidSlots());
    }

    @Override
    public long nowMillis() {
        return p.now();
    }

    @Override
    public Map<Object, Bid> bids(long now) {
        Map<Object, Bid> out = new HashMap<>();
        for (Map.Entry<Object, BttPeer> e : peers.entrySet()) {
            BttPeer bp = e.getValue();
            Optional<Bid> bid = bp.seller.currentBid();
            if (bid.isEmpty()) {
                continue;
            }
            Optional<ErrorCode> refusal = p.seller().refusal(bp.theirAddress, now);
            if (refusal.isPresent()) {
                bp.seller.refused(refusal.get());
            } else {
                out.put(e.getKey(), bid.get());
            }
        }
        return out;
    }

    @Override
    public void decided(PaidSlotChoker.Round round) {
        long now = p.now();
        long until = (now + p.settings().roundLength().toMillis()) / 1000;
        PaidSlotChoker.Terms terms = terms();
        for (Map.Entry<Object, BttPeer> e : new ArrayList<>(peers.entrySet())) {
            try {
                e.getValue().seller.decided(round.slots().getOrDefault(e.getKey(), PaidSlotChoker.Slot.NONE),
                        round, terms, until, now);
            } catch (RuntimeException ex) {
                LOG.warn("{}: bid response failed: {}", ctx.name(), ex.toString(), ex);
            }
        }
    }
}
