package org.swarmbid.core.tracker;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** An in-JVM HTTP tracker on 127.0.0.1 whose answers a test scripts. Records every raw request path+query. */
final class FakeHttpTracker implements AutoCloseable {

    /** What to send: status, body, optional delay, and whether to stream it chunked (no Content-Length). */
    record Reply(int status, byte[] body, long delayMillis, boolean chunked) {
        static Reply ok(byte[] body) {
            return new Reply(200, body, 0, false);
        }

        static Reply ok(String latin1) {
            return ok(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    volatile Function<String, Reply> answer = q -> Reply.ok("d8:intervali60e5:peers0:e");

    FakeHttpTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            String raw = ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery();
            requests.add(raw);
            Reply r = answer.apply(raw);
            try {
                if (r.delayMillis() > 0) {
                    Thread.sleep(r.delayMillis());
                }
                ex.sendResponseHeaders(r.status(), r.chunked() ? 0 : r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int off = 0; off < r.body().length; off += 65536) {
                        out.write(r.body(), off, Math.min(65536, r.body().length - off));
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up (oversize, timeout): expected in some tests
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
