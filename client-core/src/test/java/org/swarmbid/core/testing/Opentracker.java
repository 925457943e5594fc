package org.swarmbid.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * opentracker (Debian package opentracker) on 127.0.0.1, HTTP and UDP on one free port.
 *
 * <p>Facts this fixture is built on (see the shared harness's RESULTS.md):
 * <ul>
 *   <li>Debian builds it in whitelist mode: an announce for an info-hash not in {@code access.whitelist} fails with
 *       "Requested download is not authorized". {@link #allow} rewrites the list, sends SIGHUP (the reload is
 *       asynchronous) and waits until an announce for the hash is accepted.</li>
 *   <li>As root it chroots to its {@code -d} directory and drops to user {@code nobody}, so the whitelist path in
 *       the config is relative ({@code access.whitelist whitelist.txt}) and the directory must be world-readable.</li>
 *   <li>{@code event=stopped} bypasses the whitelist (the readiness probe uses it only to withdraw its dummy peer);
 *       announce intervals are ~30 min (min ~15 min), so a peer learns of new peers only when it is told to
 *       re-announce.</li>
 * </ul>
 * Announce and scrape replies are bencoded (BEP 3; scrape per the BEP 48 layout
 * {@code d5:filesd20:<info-hash>d8:completei..e10:downloadedi..e10:incompletei..eeee}).
 */
public final class Opentracker extends ExternalProcess {
    /** Seeders, leechers and completed downloads the tracker reports for one info-hash (BEP 48). */
    public record ScrapeStats(long complete, long incomplete, long downloaded) {
    }

    private static final int MAX_REPLY = 1 << 20;
    private final int port;
    private final Path dir;
    private final Set<String> whitelist = new LinkedHashSet<>();

    private Opentracker(Path dir, int port, List<String> command) {
        super("opentracker-" + port, command, dir, dir.resolve("opentracker.log"), Map.of(), false);
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts opentracker with an empty whitelist; state, config and log go to {@code parentDir/opentracker-PORT/}.
     * Returns once its TCP port accepts connections.
     */
    public static Opentracker start(Path parentDir) {
        DebianPackage.OPENTRACKER.require();
        int port = FreePorts.next();
        Path dir = parentDir.toAbsolutePath().resolve("opentracker-" + port);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            writeReadable(dir.resolve("whitelist.txt"), "");
            writeReadable(dir.resolve("opentracker.conf"), "access.whitelist whitelist.txt\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        List<String> cmd = List.of(DebianPackage.OPENTRACKER.executable(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-P", Integer.toString(port),
                "-d", dir.toString(), "-f", dir.resolve("opentracker.conf").toString());
        return readyOrStopped(new Opentracker(dir, port, cmd),
                t -> t.awaitCondition("TCP port " + port + " to accept connections", Duration.ofSeconds(10),
                        t::accepts));
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/announce} */
    public String httpAnnounceUrl() {
        return "http://127.0.0.1:" + port + "/announce";
    }

    /** {@code udp://127.0.0.1:PORT/announce} (BEP 15) */
    public String udpAnnounceUrl() {
        return "udp://127.0.0.1:" + port + "/announce";
    }

    /** {@code http://127.0.0.1:PORT/scrape} */
    public String scrapeUrl() {
        return "http://127.0.0.1:" + port + "/scrape";
    }

    /** Whitelists the torrent's info-hash and waits until the tracker accepts announces for it. */
    public void allow(TestTorrent torrent) {
        allow(torrent.infoHash());
    }

    /**
     * Adds {@code infoHash} (20 bytes) to the whitelist, makes the tracker reload it (SIGHUP) and waits up to 10 s
     * until an announce for it is accepted.
     */
    public synchronized void allow(byte[] infoHash) {
        checkHash(infoHash);
        String hex = HexFormat.of().formatHex(infoHash);
        if (whitelist.add(hex)) {
            Path tmp = dir.resolve("whitelist.txt.tmp");
            try {
                writeReadable(tmp, String.join("\n", whitelist) + "\n");
                Files.move(tmp, dir.resolve("whitelist.txt"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the whitelist in " + dir, e);
            }
            signal("HUP");
        }
        String[] lastFailure = {"no reply yet"};
        try {
            awaitCondition("info-hash " + hex + " to be accepted after reloading the whitelist",
                    Duration.ofSeconds(10), () -> {
                        Optional<String> failure = probeAnnounce(infoHash);
                        failure.ifPresent(f -> lastFailure[0] = f);
                        return failure.isEmpty();
                    });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast announce reply: " + lastFailure[0], e);
        }
    }

    /** The tracker's counts for {@code infoHash} (all zero if it has no peers for it). */
    public ScrapeStats scrape(byte[] infoHash) {
        checkHash(infoHash);
        BValue reply = BencodeReader.decode(get(scrapeUrl() + "?info_hash=" + urlEncode(infoHash)),
                BencodeLimits.TRACKER_RESPONSE);
        if (!(reply instanceof BDict d)) {
            throw new AssertionError("scrape reply is not a dictionary: " + reply);
        }
        if (d.containsKey("failure reason")) {
            throw new AssertionError("scrape failed: " + d.utf8("failure reason").orElse(""));
        }
        BDict files = d.dict("files").orElseThrow(() -> new AssertionError("scrape reply without files: " + d));
        BValue entry = files.entries().get(new String(infoHash, StandardCharsets.ISO_8859_1));
        if (entry == null) {
            return new ScrapeStats(0, 0, 0);
        }
        if (!(entry instanceof BDict stats)) {
            throw new AssertionError("scrape entry is not a dictionary: " + entry);
        }
        return new ScrapeStats(stats.integer("complete").orElse(0L), stats.integer("incomplete").orElse(0L),
                stats.integer("downloaded").orElse(0L));
    }

    /** Waits until the tracker reports at least {@code seeders} complete peers for {@code infoHash}. */
    public ScrapeStats awaitSeeders(byte[] infoHash, int seeders, Duration timeout) {
        return awaitScrape(infoHash, "at least " + seeders + " seeder(s)", timeout, s -> s.complete() >= seeders);
    }

    /** Waits until the tracker reports at least {@code leechers} incomplete peers for {@code infoHash}. */
    public ScrapeStats awaitLeechers(byte[] infoHash, int leechers, Duration timeout) {
        return awaitScrape(infoHash, "at least " + leechers + " leecher(s)", timeout, s -> s.incomplete() >= leechers);
    }

    private ScrapeStats awaitScrape(byte[] infoHash, String what, Duration timeout,
                                    java.util.function.Predicate<ScrapeStats> ok) {
        ScrapeStats[] last = {null};
        try {
            awaitCondition(what + " of " + HexFormat.of().formatHex(infoHash), timeout, () -> {
                last[0] = scrape(infoHash);
                return ok.test(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast scrape: " + last[0], e);
        }
        return last[0];
    }

    /** Announces a dummy peer (port 1) and withdraws it; empty if accepted, else the failure reason. */
    private Optional<String> probeAnnounce(byte[] infoHash) {
        String url = httpAnnounceUrl() + "?info_hash=" + urlEncode(infoHash)
                + "&peer_id=-SB0000-fixtureprobe&port=1&uploaded=0&downloaded=0&left=1&compact=1";
        BValue reply;
        try {
            reply = BencodeReader.decode(get(url), BencodeLimits.TRACKER_RESPONSE);
        } catch (AssertionError | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        if (reply instanceof BDict d && d.containsKey("failure reason")) {
            return Optional.of(d.utf8("failure reason").orElse("?"));
        }
        get(url + "&event=stopped");
        return Optional.empty();
    }

    private byte[] get(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            c.setInstanceFollowRedirects(false);
            try (InputStream in = c.getInputStream()) {
                byte[] body = in.readNBytes(MAX_REPLY + 1);
                if (body.length > MAX_REPLY) {
                    throw new AssertionError("tracker reply over " + MAX_REPLY + " bytes from " + url);
                }
                return body;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new AssertionError("tracker request failed: " + url + ": " + e, e);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Percent-encodes every byte outside RFC 3986's unreserved set (as BEP 3 info_hash parameters need). */
    static String urlEncode(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length * 3);
        for (byte b : raw) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static void checkHash(byte[] infoHash) {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("an info-hash has 20 bytes, got " + infoHash.length);
        }
    }

    private static void writeReadable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
