package org.swarmbid.core.tracker;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trackers of one torrent and their announce schedule (BEP 12 tiers, BEP 3 events).
 *
 * <p>An announce <em>round</em> walks the trackers in tier order ({@link TrackerTiers}: each tier shuffled once)
 * and stops at the first that answers; that tracker moves to the front of its tier, its peers go to the listener,
 * and the next round is due after its interval ({@link AnnouncePolicy#nextAnnounce}). A tracker that fails is
 * skipped in later rounds until its own exponential back-off ({@link AnnouncePolicy#backoff}) has passed, so a
 * dead first-tier tracker is retried, but not at every announce. If every tracker failed, the next round starts
 * when the earliest back-off ends.
 *
 * <p>Events: each tracker gets {@code started} with its first announce (trackers are independent), a pending
 * {@code completed} goes with the next announce after {@link #completed()}, and {@link #stop(Duration)} sends
 * {@code stopped} to every tracker that knew us, waiting at most the given time.
 *
 * <p>Threading: all work runs on the {@link ScheduledExecutorService} the caller hands in; state is guarded by
 * this object's lock, and the listener is called outside it. Public methods may be called from any thread.
 */
public final class TrackerList {
    private static final Logger log = LoggerFactory.getLogger(TrackerList.class);

    /** Mutable per-tracker state, guarded by the list's lock. */
    private static final class Entry {
        final String url;
        final Tracker tracker;
        TrackerState state;
        String lastError;
        String warning;
        Instant lastAnnounce;
        Instant retryAt = Instant.MIN;
        Optional<Duration> minInterval = Optional.empty();
        OptionalInt seeders = OptionalInt.empty();
        OptionalInt leechers = OptionalInt.empty();
        int failures;
        boolean started;

        Entry(String url, Tracker tracker, String error) {
            this.url = url;
            this.tracker = tracker;
            this.state = tracker == null ? TrackerState.UNSUPPORTED : TrackerState.IDLE;
            this.lastError = error;
        }
    }

    private final TrackerTiers<String> tiers;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AnnounceTemplate template;
    private final Supplier<TransferTotals> totals;
    private final ScheduledExecutorService scheduler;
    private final TrackerListener listener;
    private final AnnouncePolicy policy;
    private final Clock clock;

    private boolean running;
    private boolean roundInFlight;
    private boolean completedPending;
    private Entry working;
    private ScheduledFuture<?> nextRound;
    private Instant nextRoundAt;

    /**
     * @param announceList BEP 12 tiers of announce URLs (a torrent with only {@code announce} gives one tier of one)
     * @param factory      makes trackers; URLs it rejects are shown as {@link TrackerState#UNSUPPORTED}
     * @param totals       current byte counts, read at each announce
     * @param random       shuffles the tiers once
     */
    public TrackerList(List<? extends List<String>> announceList, TrackerFactory factory, AnnounceTemplate template,
                       Supplier<TransferTotals> totals, ScheduledExecutorService scheduler, TrackerListener listener,
                       AnnouncePolicy policy, Random random, Clock clock) {
        this.tiers = TrackerTiers.shuffled(announceList, random);
        this.template = template;
        this.totals = totals;
        this.scheduler = scheduler;
        this.listener = listener;
        this.policy = policy;
        this.clock = clock;
        for (String url : tiers.inOrder()) {
            Tracker t = null;
            String error = null;
            try {
                t = factory.create(url);
            } catch (TrackerException e) {
                error = e.getMessage();
            }
            entries.put(url, new Entry(url, t, error));
        }
    }

    /** Starts announcing: a round with {@code started} now. */
    public void start() {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
            scheduleRound(Duration.ZERO);
        }
    }

    /** The download finished: announce {@code completed} now (BEP 3), whatever the interval says. */
    public void completed() {
        synchronized (this) {
            completedPending = true;
            if (running && !roundInFlight) {
                scheduleRound(Duration.ZERO);
            }
        }
    }

    /** A user's "re-announce": as soon as the working tracker's {@code min interval} allows. */
    public void announceNow() {
        announceNow(false);
    }

    /**
     * Announces as soon as allowed. With {@code ignoreMinInterval} the tracker's own {@code min interval} is not
     * waited for (as libtorrent's {@code ignore_min_interval} re-announce): meant for a user's explicit request, at
     * most once per second.
     */
    public void announceNow(boolean ignoreMinInterval) {
        synchronized (this) {
            if (!running || roundInFlight) {
                return;
            }
            Instant now = clock.instant();
            Instant earliest = working == null || working.lastAnnounce == null ? now
                    : ignoreMinInterval ? working.lastAnnounce.plusSeconds(1)
                    : policy.earliestManualAnnounce(working.lastAnnounce, working.minInterval);
            if (nextRoundAt == null || earliest.isBefore(nextRoundAt)) {
                scheduleRound(positive(Duration.between(now, earliest)));
            }
        }
    }

    /**
     * Stops announcing and sends {@code stopped} to every tracker that got {@code started}. The future completes
     * (never exceptionally) when all have answered or failed, or after {@code timeout}.
     */
    public CompletableFuture<Void> stop(Duration timeout) {
        List<Entry> targets = new ArrayList<>();
        TransferTotals t = totals.get();
        synchronized (this) {
            running = false;
            cancelNextRound();
            for (Entry e : entries.values()) {
                if (e.started) {
                    e.started = false;
                    targets.add(e);
                }
            }
            working = null;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Entry e : targets) {
            sends.add(e.tracker.announce(template.request(t, AnnounceEvent.STOPPED))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((r, err) -> {
                        TrackerStatus s;
                        synchronized (this) {
                            e.state = TrackerState.STOPPED;
                            if (err != null) {
                                e.lastError = message(err);
                            }
                            s = status(e);
                        }
                        listener.onStatus(s);
                        return null;
                    }));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).handle((v, e) -> null);
    }

    /** Every tracker's status, in tier order. */
    public synchronized List<TrackerStatus> statuses() {
        List<TrackerStatus> all = new ArrayList<>();
        for (String url : tiers.inOrder()) {
            all.add(status(entries.get(url)));
        }
        return all;
    }

    /** The tiers in their current order (promotions applied). */
    public synchronized List<List<String>> tiers() {
        return tiers.tiers();
    }

    // ---- rounds ----------------------------------------------------------------------------------------------

    private void scheduleRound(Duration delay) {
        cancelNextRound();
        nextRoundAt = clock.instant().plus(delay);
        nextRound = scheduler.schedule(this::startRound, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelNextRound() {
        if (nextRound != null) {
            nextRound.cancel(false);
            nextRound = null;
        }
        nextRoundAt = null;
    }

    private void startRound() {
        List<String> order;
        synchronized (this) {
            if (!running || roundInFlight) {
                return;
            }
            roundInFlight = true;
            nextRound = null;
            nextRoundAt = null;
            order = tiers.inOrder();
        }
        tryFrom(order, 0);
    }

    private void tryFrom(List<String> order, int from) {
        Entry e = null;
        AnnounceEvent event = AnnounceEvent.NONE;
        TrackerStatus announcing = null;
        synchronized (this) {
            if (!running) {
                roundInFlight = false;
                return;
            }
            Instant now = clock.instant();
            int i = from;
            for (; i < order.size(); i++) {
                Entry c = entries.get(order.get(i));
                if (c.tracker != null && !c.retryAt.isAfter(now)) {
                    e = c;
                    break;
                }
            }
            if (e == null) {
                roundFailed(now);
                return;
            }
            event = !e.started ? AnnounceEvent.STARTED : completedPending ? AnnounceEvent.COMPLETED
                    : AnnounceEvent.NONE;
            e.state = TrackerState.ANNOUNCING;
            announcing = status(e);
            from = i;
        }
        listener.onStatus(announcing);
        final Entry entry = e;
        final AnnounceEvent ev = event;
        final int index = from;
        CompletableFuture<AnnounceResponse> f;
        try {
            f = entry.tracker.announce(template.request(totals.get(), ev));
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        f.whenCompleteAsync((r, err) -> {
            if (err == null) {
                answered(entry, ev, r);
            } else {
                failed(entry, err);
                tryFrom(order, index + 1);
            }
        }, scheduler);
    }

    private void answered(Entry e, AnnounceEvent event, AnnounceResponse r) {
        List<TrackerStatus> changed = new ArrayList<>();
        boolean stoppedMeanwhile;
        synchronized (this) {
            roundInFlight = false;
            stoppedMeanwhile = !running;
            Instant now = clock.instant();
            e.failures = 0;
            e.retryAt = Instant.MIN;
            e.lastAnnounce = now;
            e.lastError = null;
            e.warning = r.warningMessage().orElse(null);
            e.minInterval = r.minInterval();
            e.seeders = r.complete();
            e.leechers = r.incomplete();
            if (!stoppedMeanwhile) {
                e.started = true;
                e.state = TrackerState.WORKING;
                completedPending = false;
                if (working != null && working != e && working.state == TrackerState.WORKING) {
                    working.state = TrackerState.IDLE;
                    changed.add(status(working));
                }
                working = e;
                tiers.promote(e.url);
                scheduleRound(policy.nextAnnounce(r.interval(), r.minInterval()));
            }
            changed.add(status(e));
        }
        if (stoppedMeanwhile) {
            // stop() ran while this announce was out: the tracker now thinks we are in the swarm
            if (event != AnnounceEvent.STOPPED) {
                e.tracker.announce(template.request(totals.get(), AnnounceEvent.STOPPED));
            }
            return;
        }
        log.debug("tracker {} answered: {} peers, next in {}", TrackerUrls.redact(e.url), r.peers().size(),
                r.interval());
        listener.onPeers(e.url, r.peers());
        changed.forEach(listener::onStatus);
    }

    private void failed(Entry e, Throwable err) {
        TrackerStatus s;
        synchronized (this) {
            e.failures++;
            e.retryAt = clock.instant().plus(policy.backoff(e.failures));
            e.state = TrackerState.FAILED;
            e.lastError = message(err);
            if (working == e) {
                working = null;
            }
            s = status(e);
        }
        log.debug("tracker {} failed ({} in a row): {}", TrackerUrls.redact(e.url), s.failures(), s.lastError().orElse(""));
        listener.onStatus(s);
    }

    /** Holding the lock: no tracker answered this round; retry when the first back-off ends. */
    private void roundFailed(Instant now) {
        roundInFlight = false;
        Instant earliest = null;
        for (Entry c : entries.values()) {
            if (c.tracker != null && (earliest == null || c.retryAt.isBefore(earliest))) {
                earliest = c.retryAt;
            }
        }
        if (earliest != null) {
            scheduleRound(positive(Duration.between(now, earliest.isBefore(now) ? now : earliest)));
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String message(Throwable err) {
        Throwable t = err;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TrackerException) {
            return t.getMessage();
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return "timed out";
        }
        return t.getClass().getSimpleName();
    }

    private TrackerStatus status(Entry e) {
        Instant next = null;
        if (running && e.tracker != null) {
            if (e == working) {
                next = nextRoundAt;
            } else if (e.state == TrackerState.FAILED) {
                next = e.retryAt;
            }
        }
        return new TrackerStatus(e.url, tiers.tierOf(e.url), e.state, Optional.ofNullable(e.lastError),
                Optional.ofNullable(e.warning), Optional.ofNullable(e.lastAnnounce), Optional.ofNullable(next),
                e.seeders, e.leechers, e.failures);
    }
}
