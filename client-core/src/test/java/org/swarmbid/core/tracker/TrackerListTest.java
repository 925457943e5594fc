package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackerListTest {
    static final AnnounceTemplate TEMPLATE = new AnnounceTemplate(HttpTrackerTest.HASH, HttpTrackerTest.PEER_ID, 6881,
            99, 50);
    /** Fast policy for tests: no floor, 50 ms first back-off doubling to 400 ms. */
    static final AnnouncePolicy FAST = new AnnouncePolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofMillis(50),
            Duration.ofMillis(400));

    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final Recorder listener = new Recorder();

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    /** Records what a TrackerList reports. */
    static final class Recorder implements TrackerListener {
        final List<String> peersFrom = new CopyOnWriteArrayList<>();
        final List<TrackerStatus> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void onPeers(String trackerUrl, List<InetSocketAddress> peers) {
            peersFrom.add(trackerUrl);
        }

        @Override
        public void onStatus(TrackerStatus status) {
            statuses.add(status);
        }
    }

    /** A tracker whose n-th announce (from 1) gets whatever the script says. */
    static final class ScriptedTracker implements Tracker {
        final String url;
        final List<AnnounceRequest> requests = new CopyOnWriteArrayList<>();
        final List<Long> times = new CopyOnWriteArrayList<>();
        volatile IntFunction<CompletableFuture<AnnounceResponse>> script;

        ScriptedTracker(String url, IntFunction<CompletableFuture<AnnounceResponse>> script) {
            this.url = url;
            this.script = script;
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public CompletableFuture<AnnounceResponse> announce(AnnounceRequest request) {
            requests.add(request);
            times.add(System.nanoTime());
            return script.apply(requests.size());
        }

        @Override
        public CompletableFuture<ScrapeResponse> scrape(byte[] infoHash) {
            return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.UNSUPPORTED, "no"));
        }

        List<AnnounceEvent> events() {
            return requests.stream().map(AnnounceRequest::event).toList();
        }
    }

    static CompletableFuture<AnnounceResponse> ok(Duration interval) {
        return CompletableFuture.completedFuture(new AnnounceResponse(interval, Optional.empty(),
                List.of(new InetSocketAddress("127.0.0.1", 7000)), OptionalInt.of(1), OptionalInt.of(2),
                Optional.empty(), Optional.empty()));
    }

    static CompletableFuture<AnnounceResponse> fail(String why) {
        return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.TRACKER_FAILURE, why));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(5);
        }
    }

    TrackerList list(List<List<String>> tiers, Map<String, ScriptedTracker> trackers, long seed) {
        return new TrackerList(tiers, url -> {
            ScriptedTracker t = trackers.get(url);
            if (t == null) {
                throw new TrackerException(TrackerException.Kind.UNSUPPORTED, "unsupported tracker scheme 'wss'");
            }
            return t;
        }, TEMPLATE, () -> new TransferTotals(0, 0, 100), scheduler, listener, FAST, new Random(seed),
                Clock.systemUTC());
    }

    static TrackerStatus status(TrackerList l, String url) {
        return l.statuses().stream().filter(s -> s.url().equals(url)).findFirst().orElseThrow();
    }

    /** A seed for which TrackerTiers puts {@code url} last in tier {@code tier}. */
    static long seedPuttingLast(List<List<String>> tiers, int tier, String url) {
        for (long seed = 0; ; seed++) {
            List<String> t = TrackerTiers.shuffled(tiers, new Random(seed)).tiers().get(tier);
            if (t.get(t.size() - 1).equals(url)) {
                return seed;
            }
        }
    }

    @Test
    void fallsThroughTiersOverHttpAndPromotesTheTrackerThatAnswered() throws Exception {
        try (FakeHttpTracker refusing = new FakeHttpTracker(); FakeHttpTracker good = new FakeHttpTracker();
             FakeHttpTracker bad = new FakeHttpTracker()) {
            refusing.answer = q -> FakeHttpTracker.Reply.ok("d14:failure reason14:not authorizede");
            bad.answer = q -> FakeHttpTracker.Reply.ok("d14:failure reason4:downe");
            good.answer = q -> FakeHttpTracker.Reply.ok(HttpTrackerTest.bytes("d8:completei4e10:incompletei5e"
                    + "8:intervali1800e5:peers6:", new byte[] {127, 0, 0, 1, 0x1b, 0x58}, "e"));
            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            String dead = "http://127.0.0.1:" + closedPort + "/announce";
            List<List<String>> tiers = List.of(List.of(refusing.url("/announce"), dead, "wss://t.example/announce"),
                    List.of(bad.url("/announce"), good.url("/announce")));
            long seed = seedPuttingLast(tiers, 1, good.url("/announce"));
            HttpClient http = HttpTracker.newClient(Duration.ofSeconds(2));
            TrackerList l = new TrackerList(tiers, new Trackers(http, Duration.ofSeconds(2), null), TEMPLATE,
                    () -> new TransferTotals(0, 0, 100), scheduler, listener, FAST, new Random(seed), Clock.systemUTC());
            assertThat(l.tiers().get(1).get(1)).isEqualTo(good.url("/announce"));

            l.start();
            await(() -> !listener.peersFrom.isEmpty());

            assertThat(listener.peersFrom).containsExactly(good.url("/announce"));
            assertThat(l.tiers().get(1).get(0)).isEqualTo(good.url("/announce")); // promoted
            assertThat(status(l, refusing.url("/announce")).lastError()).contains("not authorized");
            assertThat(status(l, dead).lastError()).contains("could not connect to tracker");
            assertThat(status(l, dead).state()).isEqualTo(TrackerState.FAILED);
            assertThat(status(l, "wss://t.example/announce").state()).isEqualTo(TrackerState.UNSUPPORTED);
            assertThat(status(l, bad.url("/announce")).lastError()).contains("down");
            TrackerStatus g = status(l, good.url("/announce"));
            assertThat(g.state()).isEqualTo(TrackerState.WORKING);
            assertThat(g.tier()).isEqualTo(1);
            assertThat(g.seeders()).hasValue(4);
            assertThat(g.leechers()).hasValue(5);
            assertThat(g.lastAnnounce()).isPresent();
            assertThat(g.nextAnnounce()).isPresent();
            assertThat(Duration.between(g.lastAnnounce().get(), g.nextAnnounce().get()).toSeconds()).isBetween(1799L, 1800L);
            for (FakeHttpTracker t : List.of(refusing, bad, good)) {
                assertThat(t.requests).singleElement().satisfies(q -> assertThat(q).contains("event=started"));
            }

            assertThat(l.stop(Duration.ofSeconds(2))).succeedsWithin(Duration.ofSeconds(5));
            assertThat(good.requests).hasSize(2);
            assertThat(good.requests.get(1)).contains("event=stopped");
            assertThat(refusing.requests).hasSize(1); // never acknowledged us: no stopped
            assertThat(status(l, good.url("/announce")).state()).isEqualTo(TrackerState.STOPPED);
        }
    }

    @Test
    void failuresBackOffExponentiallyThenRegularIntervalsFollow() throws Exception {
        ScriptedTracker t = new ScriptedTracker("http://a/announce",
                n -> n <= 3 ? fail("busy " + n) : ok(Duration.ofMillis(150)));
        TrackerList l = list(List.of(List.of(t.url)), Map.of(t.url, t), 1);
        l.start();
        await(() -> t.requests.size() >= 6);
        l.stop(Duration.ofMillis(100)).join();

        List<Long> ms = new java.util.ArrayList<>();
        for (int i = 1; i < 6; i++) {
            ms.add((t.times.get(i) - t.times.get(i - 1)) / 1_000_000);
        }
        // 50, 100, 200 ms of back-off, then the 150 ms interval (lower bounds are exact; upper ones allow for load)
        assertThat(ms.get(0)).isBetween(45L, 3000L);
        assertThat(ms.get(1)).isBetween(95L, 3000L);
        assertThat(ms.get(2)).isBetween(195L, 3000L);
        assertThat(ms.get(3)).isBetween(145L, 3000L);
        assertThat(ms.get(4)).isBetween(145L, 3000L);
        // started is repeated until a tracker acknowledges it, then plain announces
        assertThat(t.events().subList(0, 5)).containsExactly(AnnounceEvent.STARTED, AnnounceEvent.STARTED,
                AnnounceEvent.STARTED, AnnounceEvent.STARTED, AnnounceEvent.NONE);
        assertThat(listener.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(TrackerState.FAILED);
            assertThat(s.failures()).isEqualTo(3);
            assertThat(s.lastError()).contains("busy 3");
        });
        assertThat(t.events().get(t.events().size() - 1)).isEqualTo(AnnounceEvent.STOPPED);
    }

    @Test
    void aRecoveredFirstTierTrackerIsPreferredAgain() throws Exception {
        ScriptedTracker a = new ScriptedTracker("http://a/announce", n -> n == 1 ? fail("a down") : ok(Duration.ofMillis(100)));
        ScriptedTracker b = new ScriptedTracker("http://b/announce", n -> ok(Duration.ofMillis(100)));
        TrackerList l = list(List.of(List.of(a.url), List.of(b.url)), Map.of(a.url, a, b.url, b), 1);
        l.start();
        await(() -> a.requests.size() >= 2);
        await(() -> status(l, a.url).state() == TrackerState.WORKING);
        // the listener hears of the peers just after the status flips: wait for both answers to reach it
        await(() -> listener.peersFrom.size() >= 2);
        assertThat(b.requests).hasSize(1);
        assertThat(status(l, b.url).state()).isEqualTo(TrackerState.IDLE);
        assertThat(listener.peersFrom.subList(0, 2)).containsExactly(b.url, a.url);
        l.stop(Duration.ofSeconds(1)).join();
        assertThat(a.events()).endsWith(AnnounceEvent.STOPPED);
        assertThat(b.events()).containsExactly(AnnounceEvent.STARTED, AnnounceEvent.STOPPED);
    }

    @Test
    void whenEveryTrackerFailsTheNextRoundWaitsForTheEarliestBackoff() throws Exception {
        ScriptedTracker a = new ScriptedTracker("http://a/announce", n -> fail("a"));
        ScriptedTracker b = new ScriptedTracker("http://b/announce", n -> fail("b"));
        TrackerList l = list(List.of(List.of(a.url, b.url)), Map.of(a.url, a, b.url, b), 1);
        l.start();
        await(() -> a.requests.size() >= 3 && b.requests.size() >= 3);
        l.stop(Duration.ofMillis(100)).join();
        // a round tries both; rounds are separated by the back-off (50 ms, then 100 ms)
        long gap = (a.times.get(2) - a.times.get(1)) / 1_000_000;
        assertThat(gap).isGreaterThanOrEqualTo(95);
        assertThat(a.events()).doesNotContain(AnnounceEvent.STOPPED); // never acknowledged
        assertThat(status(l, a.url).failures()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void completedIsSentAtOnceAndStopHonoursItsTimeout() throws Exception {
        CompletableFuture<AnnounceResponse> never = new CompletableFuture<>();
        ScriptedTracker t = new ScriptedTracker("http://a/announce", n -> n <= 2 ? ok(Duration.ofHours(1)) : never);
        TrackerList l = list(List.of(List.of(t.url)), Map.of(t.url, t), 1);
        l.start();
        await(() -> status(l, t.url).state() == TrackerState.WORKING);
        l.completed();
        await(() -> t.requests.size() == 2);
        assertThat(t.events()).containsExactly(AnnounceEvent.STARTED, AnnounceEvent.COMPLETED);
        await(() -> status(l, t.url).state() == TrackerState.WORKING && listener.peersFrom.size() == 2);

        long t0 = System.nanoTime();
        assertThat(l.stop(Duration.ofMillis(200))).succeedsWithin(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(t.events()).containsExactly(AnnounceEvent.STARTED, AnnounceEvent.COMPLETED, AnnounceEvent.STOPPED);
        await(() -> status(l, t.url).state() == TrackerState.STOPPED);
        assertThat(status(l, t.url).lastError()).contains("timed out");
    }

    @Test
    void manualAnnounceWaitsForTheMinInterval() throws Exception {
        ScriptedTracker t = new ScriptedTracker("http://a/announce", n -> CompletableFuture.completedFuture(
                new AnnounceResponse(Duration.ofHours(1), Optional.of(Duration.ofMillis(300)), List.of(),
                        OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty())));
        TrackerList l = list(List.of(List.of(t.url)), Map.of(t.url, t), 1);
        l.start();
        await(() -> status(l, t.url).state() == TrackerState.WORKING);
        l.announceNow();
        await(() -> t.requests.size() == 2);
        long gapMs = (t.times.get(1) - t.times.get(0)) / 1_000_000;
        assertThat(gapMs).isBetween(290L, 5000L);
        l.stop(Duration.ofMillis(200)).join();
    }

    @Test
    void onlyUnsupportedTrackersMeansNothingIsSent() throws Exception {
        TrackerList l = list(List.of(List.of("wss://x/announce"), List.of("magnet:?")), new HashMap<>(), 1);
        l.start();
        Thread.sleep(100);
        assertThat(l.statuses()).extracting(TrackerStatus::state).containsOnly(TrackerState.UNSUPPORTED);
        assertThat(l.statuses()).allSatisfy(s -> assertThat(s.lastError()).isPresent());
        assertThat(l.stop(Duration.ofMillis(100))).succeedsWithin(Duration.ofSeconds(1));
        assertThat(listener.peersFrom).isEmpty();
    }
}
