package org.swarmbid.ext.btt.plugin;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.ledger.Totals;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.TronAccount;

/** One Swarmbid engine with a real {@link BttPlugin} and a real SQLite ledger, on 127.0.0.1, for swarm tests. */
final class Node implements AutoCloseable {
    static final long CHAIN = 1_234_567_890L;
    static final AssetId ASSET = AssetId.BTT;
    static final BigInteger RESERVE = BigInteger.valueOf(1_000_003);
    static final long CREDIT = 1L << 20;
    static final int PIECE = 64 * 1024;

    final String key;
    final Path dir;
    final BiddingConfig config;
    final ChainDouble chain;
    final long upLimit;
    final Function<BttMessage, Optional<BttMessage>> tamper;
    Engine engine;
    /** The engine's regular (tit-for-tat) upload slots besides the optimistic one. */
    int regularSlots = 1;
    BttPlugin plugin;
    Tampering wire;
    Ledger ledger;

    private Node(String key, Path dir, BiddingConfig config, ChainDouble chain, long upLimit,
                 Function<BttMessage, Optional<BttMessage>> tamper) {
        this.key = key;
        this.dir = dir;
        this.config = config;
        this.chain = chain;
        this.upLimit = upLimit;
        this.tamper = tamper;
    }

    static SellerConfig seller(int paidSlots) {
        return seller(paidSlots, CREDIT);
    }

    static SellerConfig seller(int paidSlots, long chequeLagBytes) {
        return seller(paidSlots, chequeLagBytes, BigInteger.valueOf(2_000_000));
    }

    static SellerConfig seller(int paidSlots, long chequeLagBytes, BigInteger settlementThreshold) {
        return new SellerConfig(paidSlots, 1, RESERVE, CREDIT, CREDIT, 8 * CREDIT, settlementThreshold,
                60_000, 2, chequeLagBytes);
    }

    static BuyerConfig buyer() {
        return new BuyerConfig(BigInteger.TEN.pow(12), BigInteger.TEN.pow(13), BigInteger.valueOf(5_000_000), 50,
                10_000, ZoneOffset.UTC);
    }

    static Node seller(Path dir, ChainDouble chain, long upLimit) throws IOException {
        return seller(dir, chain, upLimit, CREDIT);
    }

    static Node seller(Path dir, ChainDouble chain, long upLimit, long chequeLagBytes) throws IOException {
        return start(Keys.SELLER, dir, new BiddingConfig(seller(1, chequeLagBytes), BuyerConfig.defaults()), chain,
                upLimit, Optional::of);
    }

    /**
     * A seller whose settlement threshold is {@code threshold} base units and whose only free slot is the
     * optimistic unchoke (no regular tit-for-tat slot), so a bidder gets most of its data in the paid slot.
     */
    static Node seller(Path dir, ChainDouble chain, long upLimit, BigInteger threshold) throws IOException {
        Node n = new Node(Keys.SELLER, dir, new BiddingConfig(seller(1, CREDIT, threshold), BuyerConfig.defaults()),
                chain, upLimit, Optional::of);
        n.regularSlots = 0;
        n.open();
        return n;
    }

    static Node bidder(Path dir, String key, ChainDouble chain, Function<BttMessage, Optional<BttMessage>> tamper)
            throws IOException {
        return start(key, dir, new BiddingConfig(seller(0), buyer()), chain, 0, tamper);
    }

    static Node plain(Path dir, String key, ChainDouble chain) throws IOException {
        return start(key, dir, new BiddingConfig(seller(0), BuyerConfig.defaults()), chain, 0, Optional::of);
    }

    static Node start(String key, Path dir, BiddingConfig config, ChainDouble chain, long upLimit,
                      Function<BttMessage, Optional<BttMessage>> tamper) throws IOException {
        Node n = new Node(key, dir, config, chain, upLimit, tamper);
        n.open();
        return n;
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        ledger = Ledger.open(dir.resolve("ledger.db"));
        BttSettings settings = BttSettings.of(CHAIN, ASSET, 18, Keys.account(key), config)
                .withRoundLength(Duration.ofSeconds(1)).withTimers(Duration.ofSeconds(2), Duration.ofMillis(200));
        plugin = new BttPlugin(settings, Keys.signer(key), Keys.VERIFIER, chain, ledger);
        wire = new Tampering(plugin, tamper);
        SessionConfig c = SessionConfig.defaults(dir.resolve("state"))
                .withBind(InetAddress.getLoopbackAddress(), 0)
                .withLimits(0, upLimit)
                .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withConnections(50, 50, regularSlots);
        engine = Engine.start(c, List.<EnginePlugin>of(wire));
    }

    /** Closes engine and ledger, then opens both again from the same files (a restart). */
    void restart() throws IOException {
        close();
        open();
    }

    TorrentHandle add(Metainfo m, Path saveDir) {
        return engine.add(m, AddOptions.in(saveDir));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), engine.listenPort());
    }

    TronAccount account() {
        return Keys.account(key);
    }

    /** Cheques from {@code payer} to {@code payee} as this node's ledger holds them in {@code d}. */
    Totals totals(Direction d, Node payer, Node payee) {
        return ledger.totals(d, Ids.account(payer.account(), payee.account(), ASSET, CHAIN));
    }

    Account accountTo(Node payee) {
        return Ids.account(account(), payee.account(), ASSET, CHAIN);
    }

    SellerDesk.Standing standing(Node payer) {
        return plugin.parts().seller().standing(Ids.address(payer.account()));
    }

    @Override
    public void close() {
        engine.close();
        ledger.close();
    }

    static Metainfo payload(Path dir, String name, int bytes, long seed) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root);
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        Files.write(root.resolve("data.bin"), b);
        return TorrentCreator.from(root).pieceLength(PIECE).creationDate(null).create();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
