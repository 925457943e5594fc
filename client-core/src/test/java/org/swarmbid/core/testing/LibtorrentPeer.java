package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A libtorrent-rasterbar 2.0 peer (Debian package python3-libtorrent) with one torrent, run through the driver
 * {@code interop/lt_peer.py} (a test resource, copied into the log directory and run by {@code /usr/bin/python3}).
 *
 * <p>Settings (facts from the shared harness): listens on {@code 127.0.0.1:PORT} only; DHT, LSD, UPnP and NAT-PMP
 * off; {@code allow_multiple_connections_per_ip=true} (every loopback peer is 127.0.0.1, and the default allows one
 * connection per IP); no rate limits; {@link Encryption#PLAIN} by default; a seeder uses {@code seed_mode} (no
 * up-front hash check, each piece is hashed when first read).
 *
 * <p>The driver prints a status snapshot every 250 ms (progress, rates, byte counters, each peer with transport,
 * encryption and client name), a {@code FINISHED} line when every piece is downloaded and checked, and tracker and
 * error events; this class parses them as they arrive. Commands go over the driver's stdin: {@link #reannounce()}
 * (ignoring the tracker's min interval) and {@link #connectTo(int)} (dial a peer directly, so a test need not wait
 * for tracker timing). Closing stdin (the JVM died) makes the driver exit.
 */
public final class LibtorrentPeer extends ExternalProcess {
    /** Seed existing data, or download into an (empty) save path. */
    public enum Mode { SEED, LEECH }

    /** One connected peer as libtorrent sees it. {@code client} is the name from its peer id or handshake. */
    public record PeerInfo(String address, String transport, String encryption, String client, long uploaded,
                           long downloaded, double progress) {
        /** The remote port of the connection ({@code address} is {@code IP:PORT}). */
        public int port() {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
    }

    /** A status snapshot; byte counters count payload only, for this session's lifetime. */
    public record Status(double seconds, String state, double progress, long wantedDone, long wanted,
                         long downloadRate, long uploadRate, long uploaded, long downloaded, int numPeers,
                         int numSeeds, List<PeerInfo> peers) {
        static final Status NONE = new Status(0, "starting", 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    private static final String DRIVER = "interop/lt_peer.py";
    private static final int MAX_EVENTS = 500;

    private final Mode mode;
    private final int port;
    private Status status = Status.NONE;
    private final List<PeerInfo> pendingPeers = new ArrayList<>();
    private boolean ready;
    private boolean finished;
    private int hashFailures;
    private int trackerReplies;
    private int trackerErrors;
    private int reannounceAcks;
    private int connectAcks;
    private final Deque<String> events = new ArrayDeque<>();

    private LibtorrentPeer(Mode mode, int port, String name, List<String> command, Path logDir) {
        super(name, command, logDir, logDir.resolve(name + ".log"), Map.of("PYTHONUNBUFFERED", "1"), true);
        this.mode = mode;
        this.port = port;
    }

    /** Seeds {@code torrentFile} from {@code saveDir} on 127.0.0.1:{@code port}; logs in {@code saveDir/../logs}. */
    public static LibtorrentPeer seed(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.SEED, torrentFile, saveDir, port).start();
    }

    /** Downloads {@code torrentFile} into {@code saveDir} on 127.0.0.1:{@code port}; logs in {@code saveDir/../logs}. */
    public static LibtorrentPeer leech(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.LEECH, torrentFile, saveDir, port).start();
    }

    public static Builder builder(Mode mode, Path torrentFile, Path saveDir, int port) {
        return new Builder(mode, torrentFile, saveDir, port);
    }

    /** Options for one libtorrent peer; {@link #start()} returns once it listens. */
    public static final class Builder {
        private final Mode mode;
        private final Path torrentFile;
        private final Path saveDir;
        private final int port;
        private Path logDir;
        private Transport transport = Transport.TCP;
        private Encryption encryption = Encryption.PLAIN;
        private boolean seedMode = true;
        private boolean magnet;
        private final List<Integer> connect = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration statusInterval = Duration.ofMillis(250);

        private Builder(Mode mode, Path torrentFile, Path saveDir, int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
            this.mode = mode;
            this.torrentFile = torrentFile.toAbsolutePath();
            this.saveDir = saveDir.toAbsolutePath();
            this.port = port;
        }

        /** Where the log and the driver copy go (default: {@code saveDir/../logs}). */
        public Builder logDir(Path dir) {
            this.logDir = dir.toAbsolutePath();
            return this;
        }

        public Builder transport(Transport t) {
            this.transport = t;
            return this;
        }

        public Builder encryption(Encryption e) {
            this.encryption = e;
            return this;
        }

        /** Seed only: false = hash-check the data before seeding (default true: libtorrent's seed_mode). */
        public Builder seedMode(boolean on) {
            this.seedMode = on;
            return this;
        }

        /**
         * Leech only: start from a magnet link carrying just the info-hash, so libtorrent has to fetch the metadata
         * from its peers (BEP 9 {@code ut_metadata}) before it can download.
         */
        public Builder magnet() {
            this.magnet = true;
            return this;
        }

        /** Dial 127.0.0.1:{@code peerPort} as soon as the session listens. */
        public Builder connectTo(int peerPort) {
            connect.add(peerPort);
            return this;
        }

        /** Any other libtorrent {@code settings_pack} entry, e.g. {@code ("connections_limit", "10")}. */
        public Builder setting(String name, String value) {
            if (!name.matches("[a-z0-9_]+") || value.contains(",") || value.contains("\n")) {
                throw new IllegalArgumentException("bad libtorrent setting " + name + "=" + value);
            }
            settings.put(name, value);
            return this;
        }

        public Builder statusInterval(Duration d) {
            this.statusInterval = d;
            return this;
        }

        public LibtorrentPeer start() {
            DebianPackage.PYTHON3_LIBTORRENT.require();
            if (!Files.isRegularFile(torrentFile)) {
                throw new IllegalArgumentException("no torrent file " + torrentFile);
            }
            Path logs = logDir != null ? logDir : saveDir.getParent().resolve("logs");
            String name = "libtorrent-" + mode.name().toLowerCase(Locale.ROOT) + "-" + port;
            List<String> cmd = new ArrayList<>(List.of(DebianPackage.PYTHON3_LIBTORRENT.executable(),
                    installDriver(logs).toString(), "--mode", mode == Mode.SEED ? "seed" : "leech",
                    "--torrent", torrentFile.toString(), "--save", saveDir.toString(),
                    "--port", Integer.toString(port), "--transport", transport.name().toLowerCase(Locale.ROOT),
                    "--encryption", encryption.name().toLowerCase(Locale.ROOT),
                    "--status-interval", Double.toString(statusInterval.toMillis() / 1000.0)));
            if (mode == Mode.SEED && !seedMode) {
                cmd.add("--no-seed-mode");
            }
            if (magnet) {
                cmd.add("--magnet");
            }
            for (int p : connect) {
                cmd.add("--connect");
                cmd.add(Integer.toString(p));
            }
            settings.forEach((k, v) -> {
                cmd.add("--setting");
                cmd.add(k + "=" + v);
            });
            try {
                Files.createDirectories(saveDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return readyOrStopped(new LibtorrentPeer(mode, port, name, cmd, logs),
                    p -> p.awaitCondition("READY (listening on 127.0.0.1:" + port + ")", Duration.ofSeconds(30),
                            p::isReady));
        }
    }

    private static Path installDriver(Path logDir) {
        try (InputStream in = LibtorrentPeer.class.getClassLoader().getResourceAsStream(DRIVER)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + DRIVER + " is missing from the classpath");
            }
            Files.createDirectories(logDir);
            Path target = logDir.resolve("lt_peer.py");
            Path tmp = Files.createTempFile(logDir, "lt_peer", ".py.tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the libtorrent driver into " + logDir, e);
        }
    }

    @Override
    protected void onOutputLine(String line) {
        int sp = line.indexOf(' ');
        String kind = sp < 0 ? line : line.substring(0, sp);
        Map<String, String> f = sp < 0 ? Map.of() : fields(line.substring(sp + 1));
        switch (kind) {
            case "READY" -> ready = true;
            case "PEER" -> pendingPeers.add(new PeerInfo(f.getOrDefault("addr", "?"), f.getOrDefault("transport", "?"),
                    f.getOrDefault("enc", "?"), f.getOrDefault("client", ""), num(f, "up"), num(f, "down"),
                    dbl(f, "progress")));
            case "STATUS" -> {
                status = new Status(dbl(f, "t"), f.getOrDefault("state", "?"), dbl(f, "progress"), num(f, "done"),
                        num(f, "wanted"), num(f, "down_rate"), num(f, "up_rate"), num(f, "uploaded"),
                        num(f, "downloaded"), (int) num(f, "peers"), (int) num(f, "seeds"), List.copyOf(pendingPeers));
                pendingPeers.clear();
            }
            case "FINISHED" -> {
                finished = true;
                event(line);
            }
            case "HASHFAIL" -> {
                hashFailures++;
                event(line);
            }
            case "TRACKER" -> {
                if ("reply".equals(f.get("event"))) {
                    trackerReplies++;
                } else if ("error".equals(f.get("event"))) {
                    trackerErrors++;
                }
                event(line);
            }
            case "CONNECT" -> {
                connectAcks++;
                event(line);
            }
            case "REANNOUNCE" -> {
                reannounceAcks++;
                event(line);
            }
            default -> event(line);
        }
    }

    /** Keeps the line with its values decoded, for humans and {@code contains} checks. */
    private void event(String line) {
        if (events.size() == MAX_EVENTS) {
            events.removeFirst();
        }
        StringBuilder sb = new StringBuilder();
        for (String token : line.split(" ")) {
            int eq = token.indexOf('=');
            sb.append(sb.length() == 0 ? "" : " ").append(eq < 0 ? token : token.substring(0, eq + 1)
                    + URLDecoder.decode(token.substring(eq + 1), StandardCharsets.UTF_8));
        }
        events.addLast(sb.toString());
    }

    private static Map<String, String> fields(String s) {
        Map<String, String> out = new HashMap<>();
        for (String token : s.split(" ")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                out.put(token.substring(0, eq), URLDecoder.decode(token.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static long num(Map<String, String> f, String key) {
        try {
            return Long.parseLong(f.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double dbl(Map<String, String> f, String key) {
        try {
            return Double.parseDouble(f.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Mode mode() {
        return mode;
    }

    public int port() {
        return port;
    }

    private synchronized boolean isReady() {
        return ready;
    }

    /** The latest status snapshot (at most ~250 ms old). */
    public synchronized Status status() {
        pollOutput();
        return status;
    }

    /** Fraction of the wanted bytes downloaded and checked, 0.0 to 1.0. */
    public double progress() {
        return status().progress();
    }

    /** Payload bytes uploaded by this session so far (as of the latest snapshot). */
    public long uploadedBytes() {
        return status().uploaded();
    }

    /** Payload bytes downloaded by this session so far (as of the latest snapshot). */
    public long downloadedBytes() {
        return status().downloaded();
    }

    /** Peers connected at the latest snapshot. */
    public List<PeerInfo> peers() {
        return status().peers();
    }

    /** True once libtorrent reported the torrent finished (every wanted piece downloaded and hash-checked). */
    public synchronized boolean isFinished() {
        pollOutput();
        return finished;
    }

    /** Pieces that failed their hash check so far (data from a peer that did not match the torrent). */
    public synchronized int hashFailures() {
        pollOutput();
        return hashFailures;
    }

    /** Successful tracker announces (replies) so far. */
    public synchronized int trackerReplies() {
        pollOutput();
        return trackerReplies;
    }

    /** Failed tracker announces so far. */
    public synchronized int trackerErrors() {
        pollOutput();
        return trackerErrors;
    }

    /**
     * The last 500 events (FINISHED, HASHFAIL, TRACKER, ALERT, CONNECT, REANNOUNCE, ERROR lines with their values
     * decoded, e.g. {@code TRACKER event=error url=http://... msg=... not authorized ...}), oldest first.
     */
    public synchronized List<String> events() {
        pollOutput();
        return List.copyOf(events);
    }

    /**
     * Waits for FINISHED and a status snapshot taken after it (so {@link #status()} and the byte counters show the
     * completed download); fails with the log tail and the last status otherwise.
     */
    public void awaitFinished(Duration timeout) {
        try {
            awaitCondition("the download to finish", timeout, () -> {
                synchronized (this) {
                    pollOutput();
                    return finished && status.progress() >= 1.0;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast status: " + status(), e);
        }
    }

    /** Waits until libtorrent is in state seeding (a seeder in seed_mode is there at once). */
    public Status awaitSeeding(Duration timeout) {
        return awaitStatus("state seeding", timeout, s -> s.state().equals("seeding"));
    }

    /** Waits until at least {@code n} tracker announces have been answered. */
    public void awaitTrackerReplies(int n, Duration timeout) {
        awaitCondition(n + " tracker replies", timeout, () -> trackerReplies() >= n);
    }

    /** Waits until a peer matching {@code filter} is connected; returns it. */
    public PeerInfo awaitPeer(String what, Duration timeout, Predicate<PeerInfo> filter) {
        Status s = awaitStatus("a peer: " + what, timeout, st -> st.peers().stream().anyMatch(filter));
        return s.peers().stream().filter(filter).findFirst().orElseThrow();
    }

    /** Waits until a status snapshot satisfies {@code condition}; returns that snapshot. */
    public Status awaitStatus(String what, Duration timeout, Predicate<Status> condition) {
        try {
            awaitCondition(what, timeout, () -> condition.test(status()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast status: " + status(), e);
        }
        return status();
    }

    /**
     * Announces to the tracker now, ignoring its min interval, so the peer learns of peers that joined since (needed
     * to reach peers that never dial loopback addresses, like Transmission). Returns when libtorrent acknowledged.
     */
    public void reannounce() {
        int before;
        synchronized (this) {
            pollOutput();
            before = reannounceAcks;
        }
        sendLine("reannounce");
        awaitCondition("the re-announce to be acknowledged", Duration.ofSeconds(10), () -> {
            synchronized (this) {
                return reannounceAcks > before;
            }
        });
    }

    /** Dials 127.0.0.1:{@code peerPort} (libtorrent's connect_peer); returns when the driver acknowledged. */
    public void connectTo(int peerPort) {
        if (peerPort < 1 || peerPort > 65535) {
            throw new IllegalArgumentException("bad port " + peerPort);
        }
        int before;
        synchronized (this) {
            pollOutput();
            before = connectAcks;
        }
        sendLine("connect " + peerPort);
        awaitCondition("connect to " + peerPort + " to be acknowledged", Duration.ofSeconds(10), () -> {
            synchronized (this) {
                return connectAcks > before;
            }
        });
    }

    @Override
    public String toString() {
        return super.toString() + " " + status;
    }
}
