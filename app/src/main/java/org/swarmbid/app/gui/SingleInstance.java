package org.swarmbid.app.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop client per state folder. The first launch holds an exclusive lock on {@code gui.lock} and listens on
 * a loopback port written, with a random token, to {@code gui.port} (owner-readable only). A later launch fails to
 * get the lock, reads the port file and sends its files:
 *
 * <pre>
 *   client → server:  SWARMBID1 &lt;token hex&gt;\n
 *                     OPEN &lt;absolute path&gt;\n     (0..64 times)
 *                     END\n
 *   server → client:  OK\n                         (or ERR &lt;reason&gt;\n)
 * </pre>
 * No file means "show the window". Lines are UTF-8, at most 4096 characters; the server gives each connection five
 * seconds, and only 127.0.0.1 is ever bound or dialled.
 */
public final class SingleInstance implements AutoCloseable {
    /** What the running client does with a request. Called on the server's thread; must not block. */
    public interface Handler {
        void open(Path torrentFile);

        void show();
    }

    static final String LOCK_FILE = "gui.lock";
    static final String PORT_FILE = "gui.port";
    private static final String HELLO = "SWARMBID1";
    private static final int MAX_LINE = 4096;
    private static final int MAX_FILES = 64;
    private static final int TIMEOUT_MS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);

    private final Path stateDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private ServerSocket server;
    private volatile boolean closed;

    private SingleInstance(Path stateDir, FileChannel lockChannel, FileLock lock) {
        this.stateDir = stateDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Tries to become the running instance for {@code stateDir}. */
    public static SingleInstance acquire(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        FileChannel ch = FileChannel.open(stateDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by this JVM (tests run two "launches" in one process)
        }
        if (l == null) {
            ch.close();
            return new SingleInstance(stateDir, null, null);
        }
        return new SingleInstance(stateDir, ch, l);
    }

    /** Whether this launch holds the lock (is the running client). */
    public boolean primary() {
        return lock != null;
    }

    /**
     * As the running client: listens for later launches on a loopback port and publishes it.
     *
     * @throws IllegalStateException if this is not the primary instance
     */
    public void listen(Handler handler) throws IOException {
        if (!primary()) {
            throw new IllegalStateException("only the running instance listens");
        }
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        Path portFile = stateDir.resolve(PORT_FILE);
        Path tmp = stateDir.resolve(PORT_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, server.getLocalPort() + " " + token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread th = new Thread(() -> serve(handler, token.getBytes(StandardCharsets.US_ASCII)),
                "swarmbid-single-instance");
        th.setDaemon(true);
        th.start();
    }

    /**
     * As a later launch: hands the files (or a "show the window" request when empty) to the running client.
     *
     * @throws IOException with a one-line message if the running client does not answer in time
     */
    public void handOff(List<Path> files, Duration wait) throws IOException {
        if (files.size() > MAX_FILES) {
            throw new IOException("at most " + MAX_FILES + " files can be handed to the running client");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                send(files);
                return;
            } catch (NoSuchFileException | java.net.ConnectException e) {
                last = e; // the running client is still starting: its port file is not there yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("another Swarmbid window is running for " + stateDir + " but does not answer"
                + (last == null ? "" : " (" + last.getClass().getSimpleName() + ")"));
    }

    private void send(List<Path> files) throws IOException {
        String[] parts = Files.readString(stateDir.resolve(PORT_FILE), StandardCharsets.UTF_8).strip().split(" ");
        if (parts.length != 2) {
            throw new IOException(stateDir.resolve(PORT_FILE) + " is damaged");
        }
        int port;
        try {
            port = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IOException(stateDir.resolve(PORT_FILE) + " is damaged");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            StringBuilder req = new StringBuilder(HELLO).append(' ').append(parts[1]).append('\n');
            for (Path f : files) {
                String p = f.toAbsolutePath().normalize().toString();
                if (p.length() > MAX_LINE - 5 || p.contains("\n")) {
                    throw new IOException("path too long or with a line break: " + p.substring(0, Math.min(80,
                            p.length())));
                }
                req.append("OPEN ").append(p).append('\n');
            }
            req.append("END\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String reply = in.readLine();
            if (!"OK".equals(reply)) {
                throw new IOException("the running client refused: " + (reply == null ? "no answer" : reply));
            }
        }
    }

    private void serve(Handler handler, byte[] token) {
        while (!closed) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(TIMEOUT_MS);
                handle(s, handler, token);
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("single-instance connection: {}", e.getMessage());
                }
            }
        }
    }

    private static void handle(Socket s, Handler handler, byte[] token) throws IOException {
        BoundedLines in = new BoundedLines(s.getInputStream());
        OutputStream out = s.getOutputStream();
        String hello = in.next();
        if (hello == null || !hello.startsWith(HELLO + " ") || !MessageDigest.isEqual(
                hello.substring(HELLO.length() + 1).getBytes(StandardCharsets.US_ASCII), token)) {
            out.write("ERR bad token\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        List<Path> files = new ArrayList<>();
        while (true) {
            String line = in.next();
            if (line == null) {
                return; // cut off: do nothing half-way
            }
            if (line.equals("END")) {
                break;
            }
            if (!line.startsWith("OPEN ") || files.size() >= MAX_FILES) {
                out.write("ERR bad request\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            try {
                files.add(Path.of(line.substring(5)));
            } catch (java.nio.file.InvalidPathException e) {
                out.write("ERR bad path\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        out.write("OK\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (files.isEmpty()) {
            handler.show();
        }
        files.forEach(handler::open);
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(stateDir.resolve(PORT_FILE));
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.debug("closing single-instance lock: {}", e.getMessage());
        }
    }

    /** Reads UTF-8 lines of at most {@link #MAX_LINE} bytes; a longer line ends the conversation. */
    private static final class BoundedLines {
        private final java.io.InputStream in;

        BoundedLines(java.io.InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                if (c == '\n') {
                    return b.toString(StandardCharsets.UTF_8);
                }
                if (b.size() >= MAX_LINE) {
                    return null;
                }
                b.write(c);
            }
        }
    }
}
