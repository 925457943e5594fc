package org.swarmbid.bidding.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ErrorCode;

class UniformPriceAuctionTest {
    static final AssetId BTT = AssetId.of("trc20:BTT");
    static final long NOW = 1_000_000L;

    /** "A:50 B:40" -> bids with arrival = position. */
    static List<Bid> bids(String spec) {
        List<Bid> out = new ArrayList<>();
        if (spec.isBlank()) {
            return out;
        }
        int arrival = 0;
        for (String part : spec.trim().split("\\s+")) {
            String[] kv = part.split(":");
            out.add(new Bid(Address.of(kv[0]), new BigInteger(kv[1]), BTT, arrival++, NOW + 10_000));
        }
        return out;
    }

    static String names(List<Bid> bids) {
        return bids.stream().map(b -> b.buyer().value()).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} reserve={1} k={2} -> winners [{3}] price {4}")
    @CsvSource(delimiter = '|', textBlock = """
            A:50 B:40 C:30 D:20 | 10 | 2 | A B     | 30
            A:50 B:40           | 10 | 3 | A B     | 10
            A:50 B:40           | 45 | 3 | A       | 45
            A:50 B:40 C:30      | 35 | 2 | A B     | 35
            A:5 B:4 C:3         | 10 | 2 |         | -
            A:50 B:50 C:50      | 10 | 2 | A B     | 50
            C:50 B:50 A:50      | 10 | 2 | C B     | 50
            A:50 B:40 C:40      | 10 | 2 | A B     | 40
            A:50                | 10 | 0 |         | -
                                | 10 | 3 |         | -
            A:10 B:9            | 10 | 2 | A       | 10
            A:100 B:99 C:1      | 10 | 1 | A       | 99
            """)
    void table(String spec, long reserve, int k, String winners, String price) {
        AuctionResult r = UniformPriceAuction.run(bids(spec == null ? "" : spec), BTT, BigInteger.valueOf(reserve), k, NOW);
        assertThat(names(r.winners())).isEqualTo(winners == null ? "" : winners);
        if ("-".equals(price)) {
            assertThat(r.clearingPrice()).isEmpty();
        } else {
            assertThat(r.clearingPrice()).contains(new BigInteger(price));
        }
    }

    @Test
    void tiesGoToEarlierArrivalThenSmallerAddress() {
        List<Bid> in = List.of(
                new Bid(Address.of("Z"), BigInteger.TEN, BTT, 1, NOW + 1),
                new Bid(Address.of("Y"), BigInteger.TEN, BTT, 1, NOW + 1),
                new Bid(Address.of("X"), BigInteger.TEN, BTT, 2, NOW + 1));
        AuctionResult r = UniformPriceAuction.run(in, BTT, BigInteger.ONE, 2, NOW);
        assertThat(names(r.winners())).isEqualTo("Y Z");
        assertThat(names(r.outbid())).isEqualTo("X");
        assertThat(r.clearingPrice()).contains(BigInteger.TEN);
    }

    @Test
    void rejectsWrongAssetExpiredAndBelowReserveAndKeepsOnlyLatestBidPerBuyer() {
        Bid wrong = new Bid(Address.of("W"), BigInteger.valueOf(999), AssetId.of("trx"), 0, NOW + 1);
        Bid expired = new Bid(Address.of("E"), BigInteger.valueOf(999), BTT, 1, NOW);
        Bid low = new Bid(Address.of("L"), BigInteger.valueOf(5), BTT, 2, NOW + 1);
        Bid firstA = new Bid(Address.of("A"), BigInteger.valueOf(80), BTT, 3, NOW + 1);
        Bid laterA = new Bid(Address.of("A"), BigInteger.valueOf(20), BTT, 4, NOW + 1);
        Bid b = new Bid(Address.of("B"), BigInteger.valueOf(30), BTT, 5, NOW + 1);
        AuctionResult r = UniformPriceAuction.run(List.of(wrong, expired, low, firstA, laterA, b), BTT, BigInteger.TEN, 1, NOW);
        assertThat(r.rejected()).containsEntry(wrong, ErrorCode.WRONG_ASSET).containsEntry(expired, ErrorCode.EXPIRED)
                .containsEntry(low, ErrorCode.BELOW_RESERVE).doesNotContainKey(firstA);
        assertThat(r.winners()).containsExactly(b);
        assertThat(r.outbid()).containsExactly(laterA);
        assertThat(r.clearingPrice()).contains(BigInteger.valueOf(20));
    }

    @Test
    void belowReserveLoserStillCannotLowerPriceUnderReserve() {
        AuctionResult r = UniformPriceAuction.run(bids("A:50 B:5"), BTT, BigInteger.TEN, 1, NOW);
        assertThat(r.clearingPrice()).contains(BigInteger.TEN);
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> UniformPriceAuction.run(List.of(), BTT, BigInteger.ZERO, 1, NOW))
                .hasMessageContaining("reserve must be positive");
        assertThatThrownBy(() -> UniformPriceAuction.run(List.of(), BTT, BigInteger.ONE, -1, NOW))
                .hasMessageContaining("slots");
    }

    // ------------------------------------------------------------------ properties

    static List<Bid> fromPrices(List<Integer> prices) {
        List<Bid> out = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            out.add(new Bid(Address.of("P" + i), BigInteger.valueOf(prices.get(i)), BTT, i, NOW + 1));
        }
        return out;
    }

    @Property
    void winnersPayAtMostTheirBidAndAtLeastReserve(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 200) Integer> prices,
            @ForAll @IntRange(min = 1, max = 100) int reserve, @ForAll @IntRange(min = 0, max = 6) int k) {
        AuctionResult r = UniformPriceAuction.run(fromPrices(prices), BTT, BigInteger.valueOf(reserve), k, NOW);
        long eligible = prices.stream().filter(p -> p >= reserve).count();
        assertThat(r.winners()).hasSize((int) Math.min(k, eligible));
        for (Bid w : r.winners()) {
            BigInteger price = r.clearingPrice().orElseThrow();
            assertThat(price).isLessThanOrEqualTo(w.pricePerMiB()).isGreaterThanOrEqualTo(BigInteger.valueOf(reserve));
        }
        if (k == 0) {
            assertThat(r.clearingPrice()).isEmpty();
            assertThat(r.outbid()).hasSize((int) eligible);
        }
        for (Bid o : r.outbid()) {
            r.clearingPrice().ifPresent(p -> assertThat(o.pricePerMiB()).isLessThanOrEqualTo(p));
        }
    }

    /** Utility of bidder 0 with true value v when bidding b against the others: v - price if it wins, else 0. */
    static long utility(List<Integer> others, int value, int bid, int reserve, int k) {
        List<Integer> all = new ArrayList<>();
        all.add(bid);
        all.addAll(others);
        AuctionResult r = UniformPriceAuction.run(fromPrices(all), BTT, BigInteger.valueOf(reserve), k, NOW);
        boolean won = r.winners().stream().anyMatch(w -> w.buyer().value().equals("P0"));
        return won ? value - r.clearingPrice().orElseThrow().longValueExact() : 0;
    }

    @Property
    void truthfulBiddingIsWeaklyDominant(@ForAll @Size(max = 8) List<@IntRange(min = 0, max = 100) Integer> others,
            @ForAll @IntRange(min = 0, max = 100) int value, @ForAll @IntRange(min = 0, max = 120) int deviation,
            @ForAll @IntRange(min = 1, max = 50) int reserve, @ForAll @IntRange(min = 1, max = 4) int k) {
        long truthful = utility(others, value, value, reserve, k);
        long deviating = utility(others, value, deviation, reserve, k);
        assertThat(truthful).isGreaterThanOrEqualTo(deviating).isGreaterThanOrEqualTo(0);
    }
}
