package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec against a real client: libtorrent 2.0 (Debian package python3-libtorrent) seeding on 127.0.0.1. We dial
 * it (outgoing handshake, extension handshake, interest, two block requests) and it dials us (the two-stage
 * incoming handshake). Fails, never skips, when the package is missing.
 */
@Tag("interop")
@ExtendWith(NoLeaks.class)
class LibtorrentWireInteropTest {
    private static final int PIECE_LENGTH = 16384;
    private static final int PIECES = 64;

    /** Seeds a generated 1 MiB file; prints READY; on "connect PORT" dials 127.0.0.1:PORT; exits at stdin EOF. */
    private static final String SEEDER = """
            import os, socket, sys, threading, time, warnings
            warnings.simplefilter('ignore', DeprecationWarning)
            try:
                import libtorrent as lt
            except ImportError as e:
                print('NO_LIBTORRENT ' + str(e), flush=True)
                sys.exit(3)
            d = sys.argv[1]
            size = %d * %d
            path = os.path.join(d, 'f.bin')
            with open(path, 'wb') as f:
                f.write(bytes((i * 31 + 7) & 0xff for i in range(size)))
            fs = lt.file_storage()
            lt.add_files(fs, path)
            ct = lt.create_torrent(fs, %d, flags=lt.create_torrent.v1_only)
            lt.set_piece_hashes(ct, d)
            with open(os.path.join(d, 't.torrent'), 'wb') as f:
                f.write(lt.bencode(ct.generate()))
            ti = lt.torrent_info(os.path.join(d, 't.torrent'))
            ses = lt.session({'listen_interfaces': '127.0.0.1:0', 'enable_dht': False, 'enable_lsd': False,
                              'enable_upnp': False, 'enable_natpmp': False, 'enable_incoming_utp': False,
                              'enable_outgoing_utp': False, 'allow_multiple_connections_per_ip': True,
                              'out_enc_policy': int(lt.enc_policy.disabled),
                              'in_enc_policy': int(lt.enc_policy.disabled),
                              'alert_mask': lt.alert.category_t.all_categories})
            atp = lt.add_torrent_params()
            atp.ti = ti
            atp.save_path = d
            atp.flags |= lt.torrent_flags.seed_mode
            h = ses.add_torrent(atp)
            # the listen socket opens asynchronously: take the port from the alert, not from listen_port()
            port = None
            deadline = time.time() + 20
            while (port is None or not h.status().is_seeding) and time.time() < deadline:
                for a in ses.pop_alerts():
                    if isinstance(a, lt.listen_succeeded_alert) and a.socket_type == lt.socket_type_t.tcp:
                        port = a.port
                time.sleep(0.05)
            # libtorrent may reopen its listen socket just after start, resetting early connections: wait until a
            # plain handshake gets an answer before telling the test to dial
            def answers():
                try:
                    with socket.create_connection(('127.0.0.1', port), timeout=2) as s:
                        s.sendall(b'\\x13BitTorrent protocol' + bytes(8) + bytes.fromhex(str(ti.info_hashes().v1))
                                  + b'-XX0000-readiness...')
                        return len(s.recv(68)) > 0
                except OSError:
                    return False
            while port is not None and not answers() and time.time() < deadline:
                time.sleep(0.2)
            print('READY %%s %%s %%d' %% (port, str(ti.info_hashes().v1), ti.metadata_size()), flush=True)
            def commands():
                for line in sys.stdin:
                    parts = line.split()
                    if parts and parts[0] == 'connect':
                        h.connect_peer(('127.0.0.1', int(parts[1])))
                os._exit(0)
            threading.Thread(target=commands, daemon=True).start()
            while True:
                for a in ses.pop_alerts():
                    if isinstance(a, (lt.peer_alert, lt.incoming_connection_alert, lt.listen_succeeded_alert)) and \
                            not isinstance(a, (lt.block_uploaded_alert, lt.performance_alert)):
                        print(a.message(), file=sys.stderr, flush=True)
                time.sleep(0.1)
            """.formatted(PIECES, PIECE_LENGTH, PIECE_LENGTH);

    private static Process seeder;
    private static Writer seederInput;
    private static int seederPort;
    private static byte[] infoHash;
    private static long metadataSize;
    private static EventLoopGroup group;
    private static Path seederErr;

    @BeforeAll
    static void startLibtorrent(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertThat(python).as("Debian's /usr/bin/python3 with python3-libtorrent is required").exists();
        Path script = dir.resolve("seeder.py");
        seederErr = dir.resolve("seeder.err");
        Files.writeString(script, SEEDER);
        seeder = new ProcessBuilder(python.toString(), script.toString(), dir.toString())
                .redirectError(dir.resolve("seeder.err").toFile())
                .start();
        seederInput = new java.io.OutputStreamWriter(seeder.getOutputStream(), StandardCharsets.US_ASCII);
        BufferedReader out = new BufferedReader(new InputStreamReader(seeder.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        assertThat(line).as("libtorrent seeder did not start; stderr: %s", readQuietly(dir.resolve("seeder.err")))
                .isNotNull()
                .doesNotStartWith("NO_LIBTORRENT")
                .startsWith("READY ");
        String[] f = line.split(" ");
        seederPort = Integer.parseInt(f[1]);
        infoHash = HexFormat.of().parseHex(f[2]);
        metadataSize = Long.parseLong(f[3]);
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stopLibtorrent() throws Exception {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (seeder != null) {
            seederInput.close();
            if (!seeder.waitFor(5, TimeUnit.SECONDS)) {
                seeder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /** Hands everything the pipeline produces (messages and exceptions) to the test thread. */
    private static final class Collector extends SimpleChannelInboundHandler<Object> {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

        Collector() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            received.add(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            received.add(cause);
            ctx.close();
        }

        /** Takes messages until one matches; keeps the others in {@code seen}. */
        Object await(Predicate<Object> match, List<Object> seen) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Object o = received.poll(100, TimeUnit.MILLISECONDS);
                if (o instanceof Throwable t) {
                    throw new AssertionError("pipeline failed", t);
                }
                if (o != null) {
                    if (match.test(o)) {
                        return o;
                    }
                    seen.add(o);
                }
            }
            throw new AssertionError("timed out; received so far: " + seen + "; libtorrent said: "
                    + readQuietly(seederErr));
        }
    }

    private static Handshake ours() {
        return new Handshake(ReservedBits.NONE.withExtensionProtocol().withFastExtension(), infoHash,
                PeerId.generate());
    }

    private static byte expectedByte(long offset) {
        return (byte) ((offset * 31 + 7) & 0xff);
    }

    @Test
    void weDialLibtorrentAndDownloadTwoBlocks() throws Exception {
        Collector collector = new Collector();
        Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        WirePipeline.addLast(c.pipeline(), false, WirePipeline.DEFAULT_MAX_FRAME_LENGTH);
                        c.pipeline().addLast(collector);
                    }
                })
                .connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), seederPort)).sync().channel();
        List<Object> seen = new ArrayList<>();
        try {
            ch.write(ours());
            ch.write(ExtensionHandshake.builder().message("ut_metadata", 3).client("Swarmbid wire test").build()
                    .toMessage());
            ch.write(PeerMessage.HaveNone.INSTANCE);
            ch.writeAndFlush(PeerMessage.Interested.INSTANCE);

            Handshake theirs;
            try {
                theirs = (Handshake) collector.await(o -> o instanceof Handshake, seen);
            } catch (AssertionError e) {
                throw new AssertionError("no handshake from libtorrent (seeder alive=" + seeder.isAlive()
                        + ", channel active=" + ch.isActive() + "): " + e.getMessage());
            }
            assertThat(theirs.infoHash()).isEqualTo(infoHash);
            assertThat(theirs.peerId().describe()).isEqualTo("libtorrent 2.0.8");
            assertThat(theirs.supportsExtensionProtocol()).isTrue();
            assertThat(theirs.supportsFastExtension()).isTrue();

            PeerMessage.Extended ext = (PeerMessage.Extended) collector.await(
                    o -> o instanceof PeerMessage.Extended e && e.extendedId() == 0, seen);
            ExtensionHandshake lt = ExtensionHandshake.decode(ext.payload());
            ext.release();
            assertThat(lt.idOf("ut_metadata")).isPresent();
            assertThat(lt.metadataSize()).hasValue(metadataSize);
            assertThat(lt.yourIp()).contains(InetAddress.getByName("127.0.0.1"));

            collector.await(o -> o instanceof PeerMessage.Unchoke, seen);
            assertThat(seen).as("a seed announces all pieces").anyMatch(
                    o -> o instanceof PeerMessage.HaveAll || o instanceof PeerMessage.Bitfield);

            ch.writeAndFlush(new PeerMessage.Request(0, 0, PIECE_LENGTH));
            ch.writeAndFlush(new PeerMessage.Request(5, 8192, 8192));
            for (int i = 0; i < 2; i++) {
                PeerMessage.Piece piece = (PeerMessage.Piece) collector.await(o -> o instanceof PeerMessage.Piece,
                        seen);
                try {
                    long base = (long) piece.index() * PIECE_LENGTH + piece.begin();
                    byte[] got = ByteBufUtil.getBytes(piece.data());
                    byte[] want = new byte[got.length];
                    for (int k = 0; k < want.length; k++) {
                        want[k] = expectedByte(base + k);
                    }
                    assertThat(got).as("block %d/%d", piece.index(), piece.begin()).isEqualTo(want);
                    assertThat(got.length).isEqualTo(piece.index() == 0 ? PIECE_LENGTH : 8192);
                } finally {
                    piece.release();
                }
            }
            // libtorrent grants a choked peer its BEP 6 allowed-fast set (allowed_fast_set_size, default 5)
            int[] granted = seen.stream().filter(o -> o instanceof PeerMessage.AllowedFast)
                    .mapToInt(o -> ((PeerMessage.AllowedFast) o).index()).toArray();
            assertThat(granted).as("allowed-fast messages from libtorrent").isNotEmpty();
            // libtorrent 2.0.8 does not apply BEP 6's /24 mask to a peer at 127.0.0.1: its set is the BEP 6 loop
            // over the full address. Same SHA-1 chain and modulo as ours, different address prefix.
            assertThat(granted).as("libtorrent's set is the BEP 6 loop over the unmasked 127.0.0.1")
                    .containsExactlyInAnyOrder(AllowedFastSet.fromPrefix(new byte[] {127, 0, 0, 1}, infoHash, PIECES,
                            granted.length));
            assertThat(seen).noneMatch(o -> o instanceof PeerMessage.Unknown);
        } finally {
            ch.close().sync();
            seen.forEach(ReferenceCountUtil::release);
            collector.received.forEach(ReferenceCountUtil::release);
        }
    }

    @Test
    void libtorrentDialsUsAndWeAnswerAfterTheFirst48Bytes() throws Exception {
        Collector collector = new Collector();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        WirePipeline.addLast(c.pipeline(), true, WirePipeline.DEFAULT_MAX_FRAME_LENGTH);
                        c.pipeline().addLast(new SimpleChannelInboundHandler<HandshakeHeader>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, HandshakeHeader header) {
                                collector.received.add(header);
                                // the acceptor's move: torrent found by info-hash, answer before the peer id
                                ctx.writeAndFlush(ours());
                                ctx.writeAndFlush(ExtensionHandshake.builder().client("Swarmbid wire test").build()
                                        .toMessage());
                            }
                        });
                        c.pipeline().addLast(collector);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        List<Object> seen = new ArrayList<>();
        try {
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            seederInput.write("connect " + port + "\n");
            seederInput.flush();

            HandshakeHeader header = (HandshakeHeader) collector.await(o -> o instanceof HandshakeHeader, seen);
            assertThat(header.infoHash()).isEqualTo(infoHash);
            assertThat(seen).as("nothing before the header").isEmpty();
            Handshake theirs = (Handshake) collector.await(o -> o instanceof Handshake, seen);
            assertThat(theirs.header()).isEqualTo(header);
            assertThat(theirs.peerId().describe()).isEqualTo("libtorrent 2.0.8");
            PeerMessage.Extended ext = (PeerMessage.Extended) collector.await(
                    o -> o instanceof PeerMessage.Extended e && e.extendedId() == 0, seen);
            assertThat(ExtensionHandshake.decode(ext.payload()).client()).hasValueSatisfying(
                    v -> assertThat(v).startsWith("libtorrent"));
            ext.release();
        } finally {
            server.close().sync();
            seen.forEach(ReferenceCountUtil::release);
            collector.received.forEach(ReferenceCountUtil::release);
        }
    }
}
