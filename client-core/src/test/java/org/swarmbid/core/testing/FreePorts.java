package org.swarmbid.core.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out loopback ports that are free for both TCP and UDP (a BitTorrent peer listens on both for uTP, and
 * opentracker serves HTTP and UDP announces on one number).
 *
 * <p>Ports are drawn at random from 20000-31999, below Linux's ephemeral range (32768-60999), so an outgoing
 * connection of some other program cannot grab the number between the check and the fixture's bind; random rather
 * than sequential because several test JVMs share the machine. Each candidate is bound on 127.0.0.1 for TCP and UDP
 * and released at once; a port is never handed out twice in one JVM.
 */
public final class FreePorts {
    static final int LOW = 20_000;
    static final int HIGH = 32_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port free for TCP and UDP on 127.0.0.1 that this JVM has not handed out before. */
    public static int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(LOW, HIGH);
            if (!GIVEN.contains(port) && isFree(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback TCP+UDP port in " + LOW + "-" + (HIGH - 1));
    }

    /** {@code n} distinct ports from {@link #next()}. */
    public static int[] next(int n) {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            ports[i] = next();
        }
        return ports;
    }

    /** True if both a TCP listener and a UDP socket can bind 127.0.0.1:{@code port} right now. */
    public static boolean isFree(int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(lo, port), 1);
            try (DatagramSocket udp = new DatagramSocket(null)) {
                udp.setReuseAddress(false);
                udp.bind(new InetSocketAddress(lo, port));
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
