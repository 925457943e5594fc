package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Transmission 3.00 peer: {@code transmission-daemon -f} (Debian package transmission-daemon) with a generated
 * {@code settings.json} in its own config dir, driven by {@code transmission-remote} (package transmission-cli) over
 * RPC on a free loopback port.
 *
 * <p>Facts this fixture is built on (see the shared harness's RESULTS.md):
 * <ul>
 *   <li><b>Transmission never dials peers in 127.0.0.0/8</b> ({@code is_martian_addr} in libtransmission's net.c);
 *       it only accepts connections from them. As a leecher it needs a seeder that dials it (call the seeder's
 *       {@code connectTo(port)}, or its re-announce after this peer announced). Two Transmissions cannot connect on
 *       loopback at all.</li>
 *   <li>It hash-checks seed data when the torrent is added (no way to skip in 3.00):
 *       {@link #awaitSeeding} waits for that.</li>
 *   <li>Chokes/unchokes on a 10 s timer: 8-15 s pass between connect and the first data, both ways.</li>
 *   <li>Settings made explicit: bind 127.0.0.1, DHT/LPD/PEX/port forwarding off, uTP from {@link Transport},
 *       {@code encryption} 0/1/2 from {@link Encryption}, speed limits, queues and ratio limits off,
 *       {@code rename-partial-files=false} (else incomplete files end in {@code .part}), done marker via
 *       {@code script-torrent-done-filename}.</li>
 *   <li>{@code --reannounce} is rate-limited by the tracker's min interval, so it only helps right after start.</li>
 * </ul>
 */
public final class TransmissionPeer extends ExternalProcess {
    /** Seed existing data (after Transmission's hash check), or download into the save path. */
    public enum Mode { SEED, LEECH }

    /**
     * The torrent as {@code transmission-remote -t HASH -i} shows it. Byte counts are parsed from its rounded
     * human-readable sizes (kB = 1000 bytes), so they are approximate (3 significant digits).
     */
    public record Status(String state, double progress, long haveBytes, long downloadedBytes, long uploadedBytes,
                         int peersConnected, String error) {
    }

    private static final Pattern PERCENT = Pattern.compile("(?m)^\\s*Percent Done:\\s*([0-9.]+)%");
    private static final Pattern STATE = Pattern.compile("(?m)^\\s*State:\\s*(.+?)\\s*$");
    private static final Pattern HAVE = Pattern.compile("(?m)^\\s*Have:\\s*(\\S+(?: \\S+)?)");
    private static final Pattern DOWNLOADED = Pattern.compile("(?m)^\\s*Downloaded:\\s*(\\S+(?: [kMGT]B)?)");
    private static final Pattern UPLOADED = Pattern.compile("(?m)^\\s*Uploaded:\\s*(\\S+(?: [kMGT]B)?)");
    private static final Pattern PEERS = Pattern.compile("(?m)^\\s*Peers:\\s*connected to (\\d+)");
    private static final Pattern ERROR = Pattern.compile("(?m)^\\s*Error:\\s*(.+?)\\s*$");
    private static final Pattern SIZE = Pattern.compile("([0-9.]+) (bytes|B|kB|MB|GB|TB)");

    private final Mode mode;
    private final int port;
    private final int rpcPort;
    private final String infoHashHex;
    private final Path doneMarker;

    private TransmissionPeer(Mode mode, int port, int rpcPort, String infoHashHex, Path confDir, Path doneMarker,
                             String name, List<String> command, Path logDir) {
        super(name, command, confDir, logDir.resolve(name + ".log"), Map.of(), false);
        this.mode = mode;
        this.port = port;
        this.rpcPort = rpcPort;
        this.infoHashHex = infoHashHex;
        this.doneMarker = doneMarker;
    }

    /** Seeds {@code torrentFile} from {@code saveDir} (Transmission hash-checks it first; see {@link #awaitSeeding}). */
    public static TransmissionPeer seed(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.SEED, torrentFile, saveDir, port).start();
    }

    /** Downloads {@code torrentFile} into {@code saveDir}; remember it only accepts, never dials, loopback peers. */
    public static TransmissionPeer leech(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.LEECH, torrentFile, saveDir, port).start();
    }

    public static Builder builder(Mode mode, Path torrentFile, Path saveDir, int port) {
        return new Builder(mode, torrentFile, saveDir, port);
    }

    /** Options for one Transmission peer; {@link #start()} returns once the torrent is added. */
    public static final class Builder {
        private final Mode mode;
        private final Path torrentFile;
        private final Path saveDir;
        private final int port;
        private Path logDir;
        private Transport transport = Transport.TCP;
        private Encryption encryption = Encryption.PLAIN;

        private Builder(Mode mode, Path torrentFile, Path saveDir, int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
            this.mode = mode;
            this.torrentFile = torrentFile.toAbsolutePath();
            this.saveDir = saveDir.toAbsolutePath();
            this.port = port;
        }

        /** Where the log and the config dir go (default: {@code saveDir/../logs}). */
        public Builder logDir(Path dir) {
            this.logDir = dir.toAbsolutePath();
            return this;
        }

        /** TCP (default; uTP off), UTP or BOTH (Transmission always keeps TCP; this switches uTP on). */
        public Builder transport(Transport t) {
            this.transport = t;
            return this;
        }

        public Builder encryption(Encryption e) {
            this.encryption = e;
            return this;
        }

        public TransmissionPeer start() {
            DebianPackage.requireAll(DebianPackage.TRANSMISSION_DAEMON, DebianPackage.TRANSMISSION_CLI);
            TestTorrent torrent = TestTorrent.read(torrentFile);
            Path logs = logDir != null ? logDir : saveDir.getParent().resolve("logs");
            String name = "transmission-" + mode.name().toLowerCase(Locale.ROOT) + "-" + port;
            Path conf = logs.resolve(name);
            Path marker = conf.resolve("done");
            int rpc = FreePorts.next();
            try {
                Files.createDirectories(conf);
                Files.createDirectories(saveDir);
                Path script = conf.resolve("done.sh");
                // called by Transmission when the torrent completes; the rename makes the marker appear atomically
                Files.writeString(script, "#!/bin/sh\ndate +%s.%N > " + shellQuote(marker + ".tmp") + " && mv "
                        + shellQuote(marker + ".tmp") + " " + shellQuote(marker.toString()) + "\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.writeString(conf.resolve("settings.json"), settings(port, rpc, script));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + conf, e);
            }
            List<String> cmd = List.of(DebianPackage.TRANSMISSION_DAEMON.executable(), "-f", "-g", conf.toString(),
                    "--log-info");
            return readyOrStopped(
                    new TransmissionPeer(mode, port, rpc, torrent.infoHashHex(), conf, marker, name, cmd, logs),
                    t -> t.addTorrent(torrentFile, saveDir));
        }

        private String settings(int peerPort, int rpcPort, Path doneScript) {
            int enc = switch (encryption) {
                case PLAIN -> 0;
                case DEFAULT -> 1;
                case REQUIRE -> 2;
            };
            return "{\n"
                    + "    \"alt-speed-enabled\": false,\n"
                    + "    \"bind-address-ipv4\": \"127.0.0.1\",\n"
                    + "    \"bind-address-ipv6\": \"::1\",\n"
                    + "    \"blocklist-enabled\": false,\n"
                    + "    \"cache-size-mb\": 4,\n"
                    + "    \"dht-enabled\": false,\n"
                    + "    \"download-dir\": " + json(saveDir.toString()) + ",\n"
                    + "    \"download-queue-enabled\": false,\n"
                    + "    \"encryption\": " + enc + ",\n"
                    + "    \"idle-seeding-limit-enabled\": false,\n"
                    + "    \"incomplete-dir-enabled\": false,\n"
                    + "    \"lpd-enabled\": false,\n"
                    + "    \"message-level\": 2,\n"
                    + "    \"peer-limit-global\": 200,\n"
                    + "    \"peer-limit-per-torrent\": 50,\n"
                    + "    \"peer-port\": " + peerPort + ",\n"
                    + "    \"peer-port-random-on-start\": false,\n"
                    + "    \"pex-enabled\": false,\n"
                    + "    \"port-forwarding-enabled\": false,\n"
                    + "    \"preallocation\": 1,\n"
                    + "    \"queue-stalled-enabled\": false,\n"
                    + "    \"ratio-limit-enabled\": false,\n"
                    + "    \"rename-partial-files\": false,\n"
                    + "    \"rpc-authentication-required\": false,\n"
                    + "    \"rpc-bind-address\": \"127.0.0.1\",\n"
                    + "    \"rpc-enabled\": true,\n"
                    + "    \"rpc-port\": " + rpcPort + ",\n"
                    + "    \"rpc-whitelist\": \"127.0.0.1\",\n"
                    + "    \"rpc-whitelist-enabled\": true,\n"
                    + "    \"script-torrent-done-enabled\": true,\n"
                    + "    \"script-torrent-done-filename\": " + json(doneScript.toString()) + ",\n"
                    + "    \"seed-queue-enabled\": false,\n"
                    + "    \"speed-limit-down-enabled\": false,\n"
                    + "    \"speed-limit-up-enabled\": false,\n"
                    + "    \"start-added-torrents\": true,\n"
                    + "    \"umask\": 18,\n"
                    + "    \"utp-enabled\": " + transport.utp() + "\n"
                    + "}\n";
        }
    }

    private void addTorrent(Path torrentFile, Path saveDir) {
        awaitCondition("RPC on 127.0.0.1:" + rpcPort, Duration.ofSeconds(20),
                () -> remoteResult("-l").exitCode() == 0);
        remote("-a", torrentFile.toString(), "-w", saveDir.toString());
        awaitCondition("the torrent to be listed", Duration.ofSeconds(10),
                () -> remoteResult("-t", infoHashHex, "-i").output().contains(infoHashHex));
    }

    public Mode mode() {
        return mode;
    }

    /** The peer port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The RPC port on 127.0.0.1 ({@code transmission-remote 127.0.0.1:RPC}). */
    public int rpcPort() {
        return rpcPort;
    }

    /** Runs {@code transmission-remote 127.0.0.1:RPC ARGS...}; fails the test unless it succeeds. */
    public String remote(String... args) {
        return remoteResult(args).requireSuccess().output();
    }

    private Command.Result remoteResult(String... args) {
        List<String> cmd = new ArrayList<>(List.of(DebianPackage.TRANSMISSION_CLI.executable(),
                "127.0.0.1:" + rpcPort));
        cmd.addAll(List.of(args));
        return Command.run(cmd, Duration.ofSeconds(15));
    }

    /** The torrent's status from {@code transmission-remote -t HASH -i}. */
    public Status status() {
        return parseInfo(remote("-t", infoHashHex, "-i"));
    }

    /** Percent done as a fraction, 0.0 to 1.0. */
    public double progress() {
        return status().progress();
    }

    /** True once Transmission ran its torrent-done script (every piece downloaded and checked). */
    public boolean isFinished() {
        return Files.exists(doneMarker);
    }

    /** Waits for the torrent-done script; fails with the log tail and the last status otherwise. */
    public void awaitFinished(Duration timeout) {
        try {
            awaitCondition("the download to finish (torrent-done script)", timeout, this::isFinished);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast status: " + safeStatus(), e);
        }
    }

    /** Waits until the hash check of the seed data is done and the torrent is 100 % and seeding. */
    public Status awaitSeeding(Duration timeout) {
        Status[] last = {null};
        try {
            awaitCondition("the seed data to be checked and seeding", timeout, () -> {
                last[0] = status();
                return last[0].progress() >= 1.0 && (last[0].state().equals("Seeding")
                        || last[0].state().equals("Idle"));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast status: " + last[0], e);
        }
        return last[0];
    }

    /** Asks Transmission to announce now (it still honours the tracker's min interval). */
    public void reannounce() {
        remote("-t", infoHashHex, "--reannounce");
    }

    private String safeStatus() {
        try {
            return status().toString();
        } catch (AssertionError | RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    static Status parseInfo(String info) {
        Matcher state = STATE.matcher(info);
        Matcher percent = PERCENT.matcher(info);
        Matcher peers = PEERS.matcher(info);
        Matcher error = ERROR.matcher(info);
        return new Status(state.find() ? state.group(1) : "?",
                percent.find() ? Double.parseDouble(percent.group(1)) / 100.0 : 0.0,
                size(HAVE, info), size(DOWNLOADED, info), size(UPLOADED, info),
                peers.find() ? Integer.parseInt(peers.group(1)) : 0,
                error.find() ? error.group(1) : "");
    }

    /** "None" is 0; "4.23 MB" is 4 230 000 (Transmission formats disk sizes with kB = 1000). */
    private static long size(Pattern field, String info) {
        Matcher m = field.matcher(info);
        if (!m.find()) {
            return 0;
        }
        Matcher s = SIZE.matcher(m.group(1));
        if (!s.find()) {
            return 0;
        }
        double v = Double.parseDouble(s.group(1));
        long unit = switch (s.group(2)) {
            case "kB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return Math.round(v * unit);
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
