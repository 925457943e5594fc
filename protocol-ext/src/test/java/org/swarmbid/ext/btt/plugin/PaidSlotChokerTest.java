package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ErrorCode;
import org.swarmbid.bidding.auction.Bid;
import org.swarmbid.core.choke.ChokeContext;
import org.swarmbid.core.choke.ChokeDecision;
import org.swarmbid.core.choke.PeerSnapshot;
import org.swarmbid.core.choke.StandardChoker;

/** The paid-slot decorator on the engine's standard choker, without sockets. */
class PaidSlotChokerTest {
    private static final AssetId BTT = AssetId.of("trc20:032017411f4663b317fe77c257d28d5cd1b26e3d");
    private static final long NOW = 1_000_000L;

    /** A market with fixed bids that records the round. */
    static final class Market implements PaidSlotChoker.Market {
        final Map<Object, Bid> bids = new HashMap<>();
        final List<PaidSlotChoker.Round> rounds = new ArrayList<>();
        int slots = 1;

        @Override
        public PaidSlotChoker.Terms terms() {
            return new PaidSlotChoker.Terms(BTT, BigInteger.TEN, slots);
        }

        @Override
        public long nowMillis() {
            return NOW;
        }

        @Override
        public Map<Object, Bid> bids(long nowMillis) {
            return bids;
        }

        @Override
        public void decided(PaidSlotChoker.Round round) {
            rounds.add(round);
        }

        void bid(String key, long price, long arrival) {
            bids.put(key, new Bid(Address.of("T" + key), BigInteger.valueOf(price), BTT, arrival, NOW + 30_000));
        }
    }

    private static List<PeerSnapshot<String>> peers(String... keys) {
        List<PeerSnapshot<String>> out = new ArrayList<>();
        long rate = 1000;
        for (String k : keys) {
            out.add(PeerSnapshot.builder(k).interested(true).downloadRate(rate).uploadRate(rate).build());
            rate += 1000; // later keys rank higher in tit-for-tat
        }
        return out;
    }

    private static ChokeContext ctx(int regular) {
        return new ChokeContext(true, regular, 1, 5, new Random(7));
    }

    @Test
    void theHighestBidderTakesThePaidSlotOnTopOfRegularAndOptimistic() {
        Market m = new Market();
        m.bid("a", 50, 1);
        m.bid("b", 30, 2);
        var decision = new PaidSlotChoker(new StandardChoker(), m).decide(peers("a", "b", "c", "d", "e"), ctx(2));
        assertThat(decision.extra()).containsExactly("a");
        assertThat(decision.regular()).hasSize(2).doesNotContain("a");
        assertThat(decision.optimistic()).hasSize(1).doesNotContain("a");
        assertThat(decision.unchoke()).hasSize(4);
        PaidSlotChoker.Round r = m.rounds.get(0);
        assertThat(r.auction().clearingPrice()).contains(BigInteger.valueOf(30)); // (k+1)-th price
        assertThat(r.slots().get("a")).isEqualTo(PaidSlotChoker.Slot.PAID);
        assertThat(r.bidders()).containsOnlyKeys("a", "b");
    }

    @Test
    void theBaseKeepsItsSlotCountsWhateverIsSold() {
        Market m = new Market();
        m.slots = 2;
        m.bid("a", 50, 1);
        m.bid("b", 40, 2);
        m.bid("c", 30, 3);
        List<PeerSnapshot<String>> ps = peers("a", "b", "c", "d", "e", "f");
        ChokeDecision<String> plain = new StandardChoker().decide(ps, ctx(2));
        ChokeDecision<String> paid = new PaidSlotChoker(new StandardChoker(), m).decide(ps, ctx(2));
        assertThat(paid.regular()).hasSameSizeAs(plain.regular());
        assertThat(paid.optimistic()).hasSameSizeAs(plain.optimistic());
        assertThat(paid.extra()).containsExactly("a", "b");
        // a loser may still get an unpaid slot: then it is served as plain BitTorrent
        assertThat(m.rounds.get(0).slots().get("c")).isIn(PaidSlotChoker.Slot.REGULAR,
                PaidSlotChoker.Slot.OPTIMISTIC, PaidSlotChoker.Slot.NONE);
        assertThat(m.rounds.get(0).auction().clearingPrice()).contains(BigInteger.valueOf(30));
    }

    @Test
    void uninterestedBiddersAndBidsBelowReserveOrExpiredDoNotWin() {
        Market m = new Market();
        m.bid("a", 5, 1); // below the reserve of 10
        m.bids.put("b", new Bid(Address.of("Tb"), BigInteger.valueOf(99), BTT, 2, NOW - 1)); // expired
        m.bid("c", 80, 3);
        List<PeerSnapshot<String>> ps = new ArrayList<>(peers("a", "b", "d"));
        ps.add(PeerSnapshot.builder("c").interested(false).build());
        var decision = new PaidSlotChoker(new StandardChoker(), m).decide(ps, ctx(1));
        assertThat(decision.extra()).isEmpty();
        PaidSlotChoker.Round r = m.rounds.get(0);
        assertThat(r.auction().rejected()).containsValues(ErrorCode.BELOW_RESERVE, ErrorCode.EXPIRED);
        assertThat(r.bidders()).doesNotContainKey("c");
    }

    @Test
    void sellingNothingLeavesTheBaseDecisionAlone() {
        Market m = new Market();
        m.slots = 0;
        m.bid("a", 50, 1);
        List<PeerSnapshot<String>> ps = peers("a", "b", "c");
        ChokeDecision<String> plain = new StandardChoker().decide(ps, ctx(1));
        ChokeDecision<String> d = new PaidSlotChoker(new StandardChoker(), m).decide(ps, ctx(1));
        assertThat(d).isEqualTo(plain);
        assertThat(m.rounds.get(0).auction().winners()).isEmpty();
    }
}
