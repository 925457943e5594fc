package org.swarmbid.app;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.swarmbid.app.btt.StateDir;
import org.swarmbid.core.api.SessionConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that run an engine session. */
final class SessionOptions {
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "6881",
            description = "TCP port to listen on for peers (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "local address to listen on and connect from (default: all interfaces)")
    String bind;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where resume data is kept (default: $SWARMBID_HOME, else ~/.local/share/swarmbid)")
    Path stateDir;

    @Option(names = "--max-down", paramLabel = "RATE", description = "download limit per second, e.g. 2M (default: none)")
    String maxDown;

    @Option(names = "--max-up", paramLabel = "RATE", description = "upload limit per second, e.g. 512K (default: none)")
    String maxUp;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "4",
            description = "upload slots besides the optimistic unchoke (default: ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--max-peers", paramLabel = "N", defaultValue = "80",
            description = "connections per torrent (default: ${DEFAULT-VALUE})")
    int maxPeers;

    @Option(names = "--choke-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "seconds between choke rounds, which is also how long a paid slot is sold for"
                    + " (default: ${DEFAULT-VALUE}, as BEP 3 suggests)")
    int chokeInterval;

    @Option(names = "--peer", paramLabel = "HOST:PORT", description = "also connect to this peer; repeatable")
    List<String> peers = new ArrayList<>();

    @Option(names = "--done-file", paramLabel = "FILE", hidden = true,
            description = "write the completion time (epoch seconds) here, for the interop harness")
    Path doneFile;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Option(names = "--recheck", description = "verify every piece on disk again instead of trusting resume data")
    boolean recheck;

    SessionConfig config() {
        InetAddress address = null;
        if (bind != null) {
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new UsageException("--bind: unknown address '" + bind + "'");
            }
        }
        long down = maxDown == null ? 0 : Sizes.parse(maxDown, "--max-down");
        long up = maxUp == null ? 0 : Sizes.parse(maxUp, "--max-up");
        if (port < 0 || port > 65535) {
            throw new UsageException("--port: " + port + " is not between 0 and 65535");
        }
        if (slots < 0 || maxPeers < 1) {
            throw new UsageException("--slots must be >= 0 and --max-peers >= 1");
        }
        if (chokeInterval < 1 || chokeInterval > 3600) {
            throw new UsageException("--choke-interval: " + chokeInterval + " is not between 1 and 3600 seconds");
        }
        SessionConfig c = SessionConfig.defaults(stateDir())
                .withBind(address, port)
                .withLimits(down, up)
                .withConnections(Math.max(maxPeers * 2, 200), maxPeers, slots);
        return c.withTimers(java.time.Duration.ofSeconds(chokeInterval), c.trackerMinInterval());
    }

    /** Checks every option value; throws {@link UsageException} for the first bad one. */
    void validate() {
        config();
        peerAddresses();
    }

    Path stateDir() {
        return stateDir != null ? stateDir : StateDir.defaultDir();
    }

    List<InetSocketAddress> peerAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String p : peers) {
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new UsageException("--peer: '" + p + "' is not HOST:PORT");
            }
            String host = p.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(p.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--peer: '" + p + "' has no valid port");
            }
            if (port < 1 || port > 65535) {
                throw new UsageException("--peer: '" + p + "' has no valid port");
            }
            out.add(new InetSocketAddress(host, port));
        }
        return out;
    }
}
