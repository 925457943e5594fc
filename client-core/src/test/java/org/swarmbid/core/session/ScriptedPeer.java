package org.swarmbid.core.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.swarmbid.core.wire.Handshake;
import org.swarmbid.core.wire.PeerId;
import org.swarmbid.core.wire.PeerMessage;
import org.swarmbid.core.wire.ReservedBits;
import org.swarmbid.core.wire.WireEncoder;

/**
 * A fake peer for misbehaviour tests: one blocking TCP connection on loopback that speaks the real BitTorrent wire
 * protocol (BEP 3; well-formed messages are encoded with our {@link WireEncoder}) and can also send raw bytes that
 * no honest client would. The test thread (or a script run with {@link #runAsync}) drives it step by step.
 *
 * <p>Incoming frames are read by hand ({@code length | id | payload}) so that the fake does not depend on the
 * decoder under test. End of stream and a connection reset both count as "the engine disconnected us".
 */
final class ScriptedPeer implements AutoCloseable {

    /** One frame read from the engine; {@code id} is -1 for a keep-alive. */
    record Frame(int id, byte[] payload) {
        static final int KEEP_ALIVE = -1;

        int intAt(int offset) {
            return ByteBuffer.wrap(payload, offset, 4).getInt();
        }

        boolean isRequest() {
            return id == 6 && payload.length == 12;
        }

        @Override
        public String toString() {
            return "Frame[id=" + id + ", " + payload.length + " bytes]";
        }
    }

    /** A script run on its own thread; may throw. */
    @FunctionalInterface
    interface Script {
        void run(ScriptedPeer peer) throws Exception;
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] infoHash;
    private final PeerId peerId;
    private final ReservedBits reserved;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private volatile Handshake theirHandshake;
    private volatile boolean disconnected;

    private ScriptedPeer(Socket socket, byte[] infoHash, PeerId peerId, ReservedBits reserved) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.infoHash = infoHash.clone();
        this.peerId = peerId;
        this.reserved = reserved;
        socket.setTcpNoDelay(true);
    }

    /** Dials {@code to} and exchanges handshakes (ours first, as an initiator does). */
    static ScriptedPeer dial(InetSocketAddress to, byte[] infoHash, PeerId peerId, ReservedBits reserved)
            throws IOException {
        Socket s = new Socket();
        s.connect(to, 5000);
        ScriptedPeer p = new ScriptedPeer(s, infoHash, peerId, reserved);
        p.sendHandshake();
        p.readHandshake(Duration.ofSeconds(10));
        return p;
    }

    /** A listening socket the engine can be told to dial; each accepted connection becomes a ScriptedPeer. */
    static final class Listener implements AutoCloseable {
        private final ServerSocket server;
        private final List<ScriptedPeer> accepted = new CopyOnWriteArrayList<>();

        Listener() throws IOException {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        /**
         * Waits for the engine to dial in, reads its handshake and answers with ours (the acceptor side).
         *
         * @throws SocketTimeoutException if nobody dials in time
         */
        ScriptedPeer accept(byte[] infoHash, PeerId peerId, ReservedBits reserved, Duration timeout)
                throws IOException {
            server.setSoTimeout((int) timeout.toMillis());
            Socket s = server.accept();
            ScriptedPeer p = new ScriptedPeer(s, infoHash, peerId, reserved);
            accepted.add(p);
            p.readHandshake(timeout);
            p.sendHandshake();
            return p;
        }

        @Override
        public void close() throws IOException {
            for (ScriptedPeer p : accepted) {
                p.close();
            }
            server.close();
        }
    }

    private void sendHandshake() throws IOException {
        ByteBuf b = UnpooledByteBufAllocator.DEFAULT.heapBuffer(Handshake.LENGTH);
        try {
            new Handshake(reserved, infoHash, peerId).writeTo(b);
            writeBuf(b);
        } finally {
            b.release();
        }
    }

    private void readHandshake(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] h = new byte[Handshake.LENGTH];
        in.readFully(h);
        if (h[0] != 19) {
            throw new IOException("not a BitTorrent handshake");
        }
        byte[] res = Arrays.copyOfRange(h, 20, 28);
        byte[] ih = Arrays.copyOfRange(h, 28, 48);
        if (!Arrays.equals(ih, infoHash)) {
            throw new IOException("handshake for another info-hash");
        }
        theirHandshake = new Handshake(ReservedBits.fromBytes(res), ih, PeerId.of(Arrays.copyOfRange(h, 48, 68)));
    }

    Handshake theirHandshake() {
        return theirHandshake;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Encodes a well-formed message with the project's codec and writes it. Releases {@code m}'s payload. Throws
     * {@link EOFException} if the engine has closed the connection.
     */
    void send(PeerMessage m) throws IOException {
        List<Object> parts = new ArrayList<>();
        try {
            WireEncoder.encode(UnpooledByteBufAllocator.DEFAULT, m, parts);
            for (Object o : parts) {
                writeBuf((ByteBuf) o);
            }
            out.flush();
        } catch (SocketException e) {
            disconnected = true;
            throw new EOFException("closed by the engine: " + e.getMessage());
        } finally {
            parts.forEach(ReferenceCountUtil::release);
            ReferenceCountUtil.release(m);
        }
    }

    /** A block of data for {@code (index, begin)}: {@code data} as the block body. */
    void sendPiece(int index, int begin, byte[] data) throws IOException {
        send(new PeerMessage.Piece(index, begin, UnpooledByteBufAllocator.DEFAULT.heapBuffer().writeBytes(data)));
    }

    /** Bytes exactly as given: for frames the codec would refuse to produce. */
    void sendRaw(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (SocketException e) {
            disconnected = true;
            throw new EOFException("closed by the engine: " + e.getMessage());
        }
    }

    /** A frame header claiming {@code length} bytes follow, and nothing else. */
    void sendLengthPrefix(long length) throws IOException {
        sendRaw(ByteBuffer.allocate(4).putInt((int) length).array());
    }

    private void writeBuf(ByteBuf b) throws IOException {
        byte[] bytes = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), bytes);
        out.write(bytes);
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Reads the next frame. Returns null on timeout; throws {@link EOFException} if the engine closed the
     * connection (also for a reset).
     */
    Frame read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int length = in.readInt();
            if (length < 0 || length > (2 << 20)) {
                throw new IOException("engine sent a frame of " + length + " bytes");
            }
            if (length == 0) {
                Frame f = new Frame(Frame.KEEP_ALIVE, new byte[0]);
                received.add(f);
                return f;
            }
            socket.setSoTimeout(10_000);
            int id = in.readUnsignedByte();
            byte[] payload = new byte[length - 1];
            in.readFully(payload);
            Frame f = new Frame(id, payload);
            received.add(f);
            return f;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (EOFException e) {
            disconnected = true;
            throw e;
        } catch (SocketException e) {
            disconnected = true;
            throw new EOFException("connection reset: " + e.getMessage());
        }
    }

    /** Reads (and keeps) frames until one with {@code id} arrives; throws if none comes in time. */
    Frame awaitFrame(int id, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no frame with id " + id + " within " + timeout);
            }
            Frame f = read(Duration.ofNanos(left));
            if (f != null && f.id() == id) {
                return f;
            }
        }
    }

    /**
     * Reads and discards frames until the engine closes the connection. Returns how long that took, or null if the
     * connection was still open after {@code timeout}.
     */
    Duration awaitDisconnect(Duration timeout) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                read(Duration.ofNanos(left));
            } catch (EOFException e) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
    }

    /** Every frame read so far. */
    List<Frame> received() {
        return List.copyOf(received);
    }

    boolean disconnected() {
        return disconnected;
    }

    /** Runs {@code script} on a daemon thread; the future fails with whatever it throws. */
    CompletableFuture<Void> runAsync(String name, Script script) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                script.run(this);
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    static PeerId fakeId(String tag) {
        byte[] b = new byte[PeerId.LENGTH];
        byte[] t = ("-FK0001-" + tag + "____________").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, b.length);
        return PeerId.of(b);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
