package org.swarmbid.core.session;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoParser;
import org.swarmbid.core.testing.ExternalProcess;
import org.swarmbid.core.testing.FreePorts;

/**
 * A Swarmbid {@link Engine} in the test JVM, set up like the external fixtures: it listens on 127.0.0.1 on a free
 * port, records every {@link SessionEvent} it publishes, and keeps the last engine log lines so a failed wait can
 * say what the engine was doing. The waits poll the public {@link TorrentHandle#status()} snapshot only.
 *
 * <p>Log lines come from a logback appender on the root logger that keeps the {@code org.swarmbid} lines (not the
 * test fixtures') and Netty's leak reports; with two engines in one JVM both peers see both engines' lines, which is
 * fine for failure messages and for {@link #problems()}.
 */
final class SwarmbidPeer implements AutoCloseable {
    private static final int LOG_LINES = 200;

    private final String label;
    private final Engine engine;
    private final List<SessionEvent> events = new ArrayList<>();
    private final Deque<String> log = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private final Appender appender = new Appender();

    private SwarmbidPeer(String label, Engine engine) {
        this.label = label;
        this.engine = engine;
    }

    /** Starts an engine on 127.0.0.1 with its resume state in {@code stateDir}; default limits and timers. */
    static SwarmbidPeer start(String label, Path stateDir) {
        return start(label, SessionConfig.defaults(stateDir).withBind(InetAddress.getLoopbackAddress(),
                FreePorts.next()));
    }

    static SwarmbidPeer start(String label, SessionConfig config) {
        Engine engine;
        try {
            engine = Engine.start(config, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Swarmbid engine " + label, e);
        }
        SwarmbidPeer p = new SwarmbidPeer(label, engine);
        p.appender.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(p.appender);
        engine.addListener(batch -> {
            synchronized (p.events) {
                p.events.addAll(batch);
            }
        });
        return p;
    }

    Engine engine() {
        return engine;
    }

    int port() {
        return engine.listenPort();
    }

    /** Parses the .torrent with the engine's own parser and adds it. */
    TorrentHandle add(Path torrentFile, AddOptions options) {
        Metainfo meta;
        try {
            meta = MetainfoParser.read(torrentFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return engine.add(meta, options);
    }

    TorrentHandle add(Path torrentFile, Path saveDir) {
        return add(torrentFile, AddOptions.in(saveDir));
    }

    /** Every event published so far. */
    List<SessionEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    boolean sawFinished(TorrentHandle h) {
        return events().stream().anyMatch(e -> e instanceof SessionEvent.TorrentFinished f
                && f.infoHash().equals(h.infoHash()));
    }

    /** Waits until every wanted piece is verified and the engine published {@code TorrentFinished}. */
    TorrentStatus awaitComplete(TorrentHandle h, Duration timeout, ExternalProcess... others) {
        return awaitStatus(h, "the download to complete (and TorrentFinished)", timeout,
                s -> s.isComplete() && s.state() == TorrentState.SEEDING && sawFinished(h), others);
    }

    /** Waits until the torrent checked its data and seeds (a seeder's readiness). */
    TorrentStatus awaitSeeding(TorrentHandle h, Duration timeout, ExternalProcess... others) {
        return awaitStatus(h, "the data to be checked and seeding", timeout,
                s -> s.state() == TorrentState.SEEDING && s.isComplete(), others);
    }

    /** Waits until a connected peer matches. */
    PeerStatus awaitPeer(TorrentHandle h, String what, Duration timeout, Predicate<PeerStatus> filter,
                         ExternalProcess... others) {
        PeerStatus[] found = new PeerStatus[1];
        awaitStatus(h, "a peer: " + what, timeout, s -> {
            for (PeerStatus p : h.peers()) {
                if (filter.test(p)) {
                    found[0] = p;
                    return true;
                }
            }
            return false;
        }, others);
        return found[0];
    }

    /**
     * Polls the status every 100 ms. On timeout or an ERROR state the AssertionError holds the last status, the
     * peers, the engine's log tail and the log tails of {@code others}.
     */
    TorrentStatus awaitStatus(TorrentHandle h, String what, Duration timeout, Predicate<TorrentStatus> ok,
                              ExternalProcess... others) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TorrentStatus s = h.status();
            if (ok.test(s)) {
                return s;
            }
            if (s.state() == TorrentState.ERROR) {
                throw new AssertionError(label + ": torrent went to ERROR (" + s.error() + ") while waiting for "
                        + what + "\n" + diagnostics(h, others));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(label + ": timed out after " + timeout + " waiting for " + what + "\n"
                        + diagnostics(h, others));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(label + ": interrupted while waiting for " + what, e);
            }
        }
    }

    /** Status, peers, engine log tail and the other processes' log tails, for failure messages. */
    String diagnostics(TorrentHandle h, ExternalProcess... others) {
        StringBuilder sb = new StringBuilder();
        sb.append("last status: ").append(h.status()).append('\n');
        sb.append("peers: ").append(h.peers()).append('\n');
        sb.append("---- Swarmbid engine log (last 60 lines) ----\n").append(logTail(60)).append('\n');
        for (ExternalProcess p : others) {
            sb.append("---- ").append(p.name()).append(" (").append(p.logFile()).append(", last 30 lines) ----\n")
                    .append(p.logTail(30)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Engine log lines at WARN or above (a peer sent corrupt data, a piece failed its hash check, a disk or
     * plugin error, a tick that threw) and Netty's leak reports, since this peer started. A clean transfer between
     * honest clients has none.
     */
    List<String> problems() {
        synchronized (log) {
            return List.copyOf(problems);
        }
    }

    String logTail(int lines) {
        synchronized (log) {
            List<String> all = new ArrayList<>(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
            appender.stop();
        }
    }

    @Override
    public String toString() {
        return label + " (Swarmbid on " + engine.listenAddress() + ")";
    }

    /** Keeps the last {@value #LOG_LINES} formatted engine log lines. */
    private final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            String name = e.getLoggerName();
            boolean engine = name.startsWith("org.swarmbid.") && !name.startsWith("org.swarmbid.core.testing.");
            boolean leak = name.equals("io.netty.util.ResourceLeakDetector") && e.getLevel() == Level.ERROR;
            if (!engine && !leak) {
                return;
            }
            String line = Instant.ofEpochMilli(e.getTimeStamp()) + " " + e.getLevel() + " [" + e.getThreadName()
                    + "] " + e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1) + ": "
                    + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ": "
                    + e.getThrowableProxy().getMessage() + ")");
            synchronized (log) {
                if (leak || e.getLevel().isGreaterOrEqual(Level.WARN) || line.contains("failed its hash check")) {
                    problems.add(line);
                }
                if (log.size() == LOG_LINES) {
                    log.removeFirst();
                }
                log.addLast(line);
            }
        }
    }
}
