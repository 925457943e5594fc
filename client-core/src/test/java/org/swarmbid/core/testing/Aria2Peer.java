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
 * An aria2 1.36 peer ({@code aria2c}, Debian package aria2). TCP only: aria2 has no uTP.
 *
 * <p>Flags (facts from the shared harness): {@code --listen-port=PORT --interface=127.0.0.1}, DHT/LPD/PEX off, no
 * upload or download limits, no RPC. A seeder runs with {@code --seed-ratio=0.0} (forever),
 * {@code --bt-seed-unverified=true} (no hash check of existing data) and {@code --bt-tracker-interval=2} (announces
 * every 2 s instead of opentracker's ~30 min, so it learns of leechers that never dial loopback, like Transmission).
 * A leecher runs with {@code --seed-time=0} (exits right after completing) and {@code --file-allocation=falloc}
 * (the default {@code prealloc} writes the whole file with zeros first); a done marker is written by
 * {@code --on-bt-download-complete}. {@code --stop-with-process=<JVM pid>} makes aria2 quit if the test JVM dies.
 *
 * <p>Give aria2 torrents with an HTTP announce URL: it speaks UDP tracker (BEP 15) only through its DHT socket
 * ({@code --enable-dht} "also enables UDP tracker support", aria2c(1)), and DHT stays off here.
 */
public final class Aria2Peer extends ExternalProcess {
    /** Seed existing data, or download into the save path (and exit when complete). */
    public enum Mode { SEED, LEECH }

    // readout lines like "[#2a7895 5.1MiB/8.0MiB(63%) CN:1 SD:1 DL:12MiB]" or "[#2a7895 SEED(0.0) CN:1 SD:0]"
    private static final Pattern READOUT = Pattern.compile("^\\[#\\p{XDigit}+ .*?\\((\\d+)%\\)");

    private final Mode mode;
    private final int port;
    private final Path doneMarker;
    private double progress;
    private boolean seeding;

    private Aria2Peer(Mode mode, int port, Path doneMarker, String name, List<String> command, Path logDir) {
        super(name, command, logDir, logDir.resolve(name + ".log"), Map.of(), false);
        this.mode = mode;
        this.port = port;
        this.doneMarker = doneMarker;
    }

    /** Seeds {@code torrentFile} from {@code saveDir} without checking the data; logs in {@code saveDir/../logs}. */
    public static Aria2Peer seed(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.SEED, torrentFile, saveDir, port).start();
    }

    /** Downloads {@code torrentFile} into {@code saveDir} and exits when done; logs in {@code saveDir/../logs}. */
    public static Aria2Peer leech(Path torrentFile, Path saveDir, int port) {
        return builder(Mode.LEECH, torrentFile, saveDir, port).start();
    }

    public static Builder builder(Mode mode, Path torrentFile, Path saveDir, int port) {
        return new Builder(mode, torrentFile, saveDir, port);
    }

    /** Options for one aria2 peer. */
    public static final class Builder {
        private final Mode mode;
        private final Path torrentFile;
        private final Path saveDir;
        private final int port;
        private Path logDir;
        private Encryption encryption = Encryption.PLAIN;
        private int trackerIntervalSeconds = 2;
        private boolean verifySeedData;

        private Builder(Mode mode, Path torrentFile, Path saveDir, int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
            this.mode = mode;
            this.torrentFile = torrentFile.toAbsolutePath();
            this.saveDir = saveDir.toAbsolutePath();
            this.port = port;
        }

        /** Where the log and the done hook go (default: {@code saveDir/../logs}). */
        public Builder logDir(Path dir) {
            this.logDir = dir.toAbsolutePath();
            return this;
        }

        /** PLAIN and DEFAULT both leave aria2 at its default; REQUIRE forces RC4 MSE. */
        public Builder encryption(Encryption e) {
            this.encryption = e;
            return this;
        }

        /** Seeder's announce interval (default 2 s); 0 = honour the tracker's interval. */
        public Builder trackerIntervalSeconds(int seconds) {
            this.trackerIntervalSeconds = seconds;
            return this;
        }

        /** Seed: hash-check the data first ({@code --check-integrity}) instead of trusting it. */
        public Builder verifySeedData(boolean on) {
            this.verifySeedData = on;
            return this;
        }

        /** No uTP in aria2: only {@link Transport#TCP} is accepted. */
        public Builder transport(Transport t) {
            if (t != Transport.TCP) {
                throw new IllegalArgumentException("aria2 has no uTP support; only TCP");
            }
            return this;
        }

        public Aria2Peer start() {
            DebianPackage.ARIA2.require();
            if (!Files.isRegularFile(torrentFile)) {
                throw new IllegalArgumentException("no torrent file " + torrentFile);
            }
            Path logs = logDir != null ? logDir : saveDir.getParent().resolve("logs");
            String name = "aria2-" + mode.name().toLowerCase(Locale.ROOT) + "-" + port;
            Path marker = logs.resolve(name + ".done");
            List<String> cmd = new ArrayList<>(List.of(DebianPackage.ARIA2.executable(),
                    "--dir=" + saveDir, "--listen-port=" + port, "--dht-listen-port=" + port,
                    "--interface=127.0.0.1", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                    "--enable-peer-exchange=false", "--disable-ipv6=true", "--summary-interval=1",
                    "--console-log-level=notice", "--enable-color=false", "--log=" + logs.resolve(name + ".aria2.log"),
                    "--log-level=notice", "--auto-save-interval=0", "--max-overall-upload-limit=0",
                    "--max-upload-limit=0", "--max-overall-download-limit=0", "--max-download-limit=0",
                    "--bt-max-peers=55", "--enable-rpc=false",
                    "--stop-with-process=" + ProcessHandle.current().pid()));
            if (encryption == Encryption.REQUIRE) {
                cmd.add("--bt-require-crypto=true");
                cmd.add("--bt-min-crypto-level=arc4");
            }
            try {
                Files.createDirectories(logs);
                Files.createDirectories(saveDir);
                if (mode == Mode.SEED) {
                    cmd.add("--seed-ratio=0.0");
                    if (trackerIntervalSeconds > 0) {
                        cmd.add("--bt-tracker-interval=" + trackerIntervalSeconds);
                    }
                    cmd.add(verifySeedData ? "--check-integrity=true" : "--bt-seed-unverified=true");
                } else {
                    Path hook = logs.resolve(name + "-done.sh");
                    Files.writeString(hook, "#!/bin/sh\ndate +%s.%N > " + TransmissionPeer.shellQuote(marker + ".tmp")
                            + " && mv " + TransmissionPeer.shellQuote(marker + ".tmp") + " "
                            + TransmissionPeer.shellQuote(marker.toString()) + "\n");
                    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
                    cmd.addAll(List.of("--seed-time=0", "--file-allocation=falloc", "--allow-overwrite=true",
                            "--on-bt-download-complete=" + hook));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare aria2 in " + logs, e);
            }
            cmd.add(torrentFile.toString());
            return readyOrStopped(new Aria2Peer(mode, port, marker, name, cmd, logs),
                    a -> a.awaitOutputLine("listening on TCP port " + port, Duration.ofSeconds(20),
                            line -> line.contains("listening on TCP port " + port)));
        }
    }

    @Override
    protected void onOutputLine(String line) {
        Matcher m = READOUT.matcher(line);
        if (m.find()) {
            progress = Integer.parseInt(m.group(1)) / 100.0;
        } else if (line.startsWith("[#") && line.contains(" SEED(")) {
            seeding = true;
            progress = 1.0;
        }
    }

    public Mode mode() {
        return mode;
    }

    public int port() {
        return port;
    }

    /** Progress from aria2's once-a-second readout, in whole percent (1.0 when seeding or done). */
    public synchronized double progress() {
        pollOutput();
        return isFinished() ? 1.0 : progress;
    }

    /** True while aria2's readout shows the torrent seeding. */
    public synchronized boolean isSeeding() {
        pollOutput();
        return seeding;
    }

    /** True once aria2 ran its download-complete hook (every piece verified). Leech mode only. */
    public boolean isFinished() {
        return Files.exists(doneMarker);
    }

    /** Waits for the download-complete hook; fails with the log tail otherwise. */
    public void awaitFinished(Duration timeout) {
        if (mode != Mode.LEECH) {
            throw new IllegalStateException("a seeding aria2 never finishes");
        }
        try {
            awaitCondition("the download to finish (on-bt-download-complete hook)", timeout, this::isFinished);
        } catch (AssertionError e) {
            if (isAlive()) {
                throw e;
            }
            // with --seed-time=0 aria2 exits right after completing; its hook may still be writing the marker
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() - end < 0) {
                if (isFinished()) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
            throw e;
        }
    }
}
