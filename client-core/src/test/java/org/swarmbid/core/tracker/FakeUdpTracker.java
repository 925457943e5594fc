package org.swarmbid.core.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A UDP tracker on 127.0.0.1, run by one thread with a blocking DatagramSocket. The script gets each request
 * (and the number of requests with the same action seen so far, from 1) and returns the replies to send.
 */
final class FakeUdpTracker implements AutoCloseable {
    static final long CONNECTION_ID = 0x1122334455667788L;

    /** A received request: its action, transaction id and raw bytes. */
    record Request(int action, int transactionId, byte[] bytes) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final DatagramSocket socket;
    private final Thread thread;
    volatile BiFunction<Request, Integer, List<byte[]>> script = FakeUdpTracker::standard;

    FakeUdpTracker() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::run, "fake-udp-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "udp://127.0.0.1:" + socket.getLocalPort() + "/announce";
    }

    long count(int action) {
        return requests.stream().filter(r -> r.action() == action).count();
    }

    /** Connects, and answers announces with one peer (127.0.0.1:6881) and scrapes with 5/50/10. */
    static List<byte[]> standard(Request r, Integer n) {
        if (r.action() == UdpTrackerCodec.CONNECT) {
            return List.of(connectReply(r.transactionId()));
        }
        if (r.action() == UdpTrackerCodec.ANNOUNCE) {
            return List.of(ByteBuffer.allocate(26).putInt(1).putInt(r.transactionId()).putInt(1800).putInt(2).putInt(3)
                    .put(new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1}).array());
        }
        if (r.action() == UdpTrackerCodec.SCRAPE) {
            return List.of(ByteBuffer.allocate(20).putInt(2).putInt(r.transactionId()).putInt(5).putInt(50).putInt(10)
                    .array());
        }
        return List.of();
    }

    static byte[] connectReply(int tx) {
        return ByteBuffer.allocate(16).putInt(0).putInt(tx).putLong(CONNECTION_ID).array();
    }

    static byte[] error(int tx, String text) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + t.length).putInt(3).putInt(tx).put(t).array();
    }

    private void run() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            byte[] data = Arrays.copyOf(p.getData(), p.getLength());
            if (data.length < 16) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            Request r = new Request(b.getInt(8), b.getInt(12), data);
            if (r.action() == UdpTrackerCodec.CONNECT && b.getLong(0) != UdpTrackerCodec.PROTOCOL_ID) {
                continue;
            }
            requests.add(r);
            int n = (int) count(r.action());
            for (byte[] reply : script.apply(r, n)) {
                try {
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
