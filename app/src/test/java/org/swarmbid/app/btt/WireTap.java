package org.swarmbid.app.btt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeLimits;
import org.swarmbid.core.bencode.BencodeReader;

/**
 * A TCP relay on 127.0.0.1 that forwards every connection made to it to one target port and reads the BitTorrent
 * stream in both directions as it passes (BEP 3 framing: a 68-byte handshake, then {@code <len:4><id:1><payload>}
 * messages; BEP 10: message id 20, whose first payload byte is the extended message id, 0 being the extended
 * handshake). It counts what each side sent, so a test can tell, independently of either client, whether any
 * BEP 10 extension message (anything but the extended handshake) ever reached a peer.
 *
 * <p>Only plaintext BitTorrent is understood; a stream that does not start with the BitTorrent handshake (e.g. MSE
 * encryption) is marked {@linkplain Side#unparsable() unparsable} and still forwarded. Threads: one acceptor and two
 * pumps per connection, all daemons; {@link #close()} closes every socket.
 */
final class WireTap implements AutoCloseable {
    /** What one side of all tapped connections sent. Thread-safe. */
    static final class Side {
        private final Map<Integer, Long> messagesById = new TreeMap<>();
        private final Map<Integer, Long> extendedById = new TreeMap<>();
        private final Set<String> announced = new TreeSet<>();
        private long handshakes;
        private long extendedHandshakes;
        private boolean unparsable;

        synchronized long handshakes() {
            return handshakes;
        }

        synchronized long extendedHandshakes() {
            return extendedHandshakes;
        }

        /** BEP 10 messages other than the extended handshake, by extended message id. */
        synchronized Map<Integer, Long> extensionMessages() {
            return Map.copyOf(extendedById);
        }

        synchronized long extensionMessageCount() {
            return extendedById.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every BEP 3/10 message by message id (id 20 counts the extended handshake too). */
        synchronized Map<Integer, Long> messages() {
            return Map.copyOf(messagesById);
        }

        /** Extension names this side announced in the {@code m} dictionary of its extended handshakes. */
        synchronized Set<String> announcedExtensions() {
            return Set.copyOf(announced);
        }

        synchronized boolean unparsable() {
            return unparsable;
        }

        synchronized void message(byte[] payload) {
            int id = payload[0] & 0xff;
            messagesById.merge(id, 1L, Long::sum);
            if (id != 20 || payload.length < 2) {
                return;
            }
            int ext = payload[1] & 0xff;
            if (ext != 0) {
                extendedById.merge(ext, 1L, Long::sum);
                return;
            }
            extendedHandshakes++;
            byte[] body = java.util.Arrays.copyOfRange(payload, 2, payload.length);
            try {
                BValue v = BencodeReader.decode(body, BencodeLimits.PEER_MESSAGE);
                if (v instanceof BDict d) {
                    d.dict("m").ifPresent(m -> announced.addAll(m.entries().keySet()));
                }
            } catch (RuntimeException e) {
                unparsable = true;
            }
        }

        synchronized void handshake() {
            handshakes++;
        }

        synchronized void garbage() {
            unparsable = true;
        }

        @Override
        public synchronized String toString() {
            return "handshakes " + handshakes + ", messages " + messagesById + ", extended handshakes "
                    + extendedHandshakes + " announcing " + announced + ", extension messages " + extendedById
                    + (unparsable ? ", UNPARSABLE" : "");
        }
    }

    /** Incremental parser of one direction of one connection. */
    private static final class Reader {
        private static final int MAX_MESSAGE = 1 << 20;
        private final Side side;
        private ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private boolean handshakeDone;
        private boolean broken;

        Reader(Side side) {
            this.side = side;
        }

        void feed(byte[] data, int n) {
            if (broken) {
                return;
            }
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            buf.put(data, 0, n);
            buf.flip();
            try {
                parse();
            } finally {
                buf.compact();
            }
        }

        private void parse() {
            while (!broken) {
                if (!handshakeDone) {
                    if (buf.remaining() < 68) {
                        return;
                    }
                    byte[] h = new byte[68];
                    buf.get(h);
                    if (h[0] != 19 || !new String(h, 1, 19, java.nio.charset.StandardCharsets.US_ASCII)
                            .equals("BitTorrent protocol")) {
                        broken = true;
                        side.garbage();
                        return;
                    }
                    handshakeDone = true;
                    side.handshake();
                    continue;
                }
                if (buf.remaining() < 4) {
                    return;
                }
                int len = buf.getInt(buf.position());
                if (len < 0 || len > MAX_MESSAGE) {
                    broken = true;
                    side.garbage();
                    return;
                }
                if (buf.remaining() < 4 + len) {
                    return;
                }
                buf.getInt();
                if (len == 0) {
                    continue; // keep-alive
                }
                byte[] payload = new byte[len];
                buf.get(payload);
                side.message(payload);
            }
        }
    }

    private final String name;
    private final int target;
    private final ServerSocket server;
    private final Side dialer = new Side();
    private final Side answers = new Side();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean closed;
    private int connections;

    /** Listens on a free loopback port and relays to 127.0.0.1:{@code targetPort}. */
    WireTap(String name, int targetPort) throws IOException {
        this.name = name;
        this.target = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "tap-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port to dial instead of the target. */
    int port() {
        return server.getLocalPort();
    }

    /** What the side that dialed the tap sent. */
    Side fromDialer() {
        return dialer;
    }

    /** What the target sent back to the dialer. */
    Side toDialer() {
        return answers;
    }

    synchronized int connections() {
        return connections;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                synchronized (this) {
                    sockets.add(in);
                    sockets.add(out);
                    connections++;
                }
                pump(in, out, new Reader(dialer), name + "-up");
                pump(out, in, new Reader(answers), name + "-down");
            } catch (IOException e) {
                closeQuietly(in);
            }
        }
    }

    private static void pump(Socket from, Socket to, Reader reader, String threadName) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(b)) > 0) {
                    reader.feed(b, n);
                    out.write(b, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: close the other one too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "tap " + name + " (" + connections() + " connections): dialer sent [" + dialer + "]; target sent ["
                + answers + "]";
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (this) {
            sockets.forEach(WireTap::closeQuietly);
        }
    }
}
