package org.swarmbid.wallet.devnet;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.Addresses;
import org.tron.trident.proto.Contract;

/**
 * A local TRON-compatible node for development and tests: the {@code protocol.Wallet} and
 * {@code protocol.WalletSolidity} gRPC services on 127.0.0.1 (grpc-netty-shaded server), spoken to by the real
 * Trident client. State is in SQLite; blocks come every {@link DevnetConfig#blockInterval()} or on demand.
 *
 * <p>Genesis: the account of {@link #GENESIS_PRIVATE_KEY_HEX} (a fixed, public, development-only key) holds
 * {@link #GENESIS_TRX_SUN} sun, the whole supply of TRC-10 {@value #BTT_TRC10_ID} (precision 6) and of the TRC-20 BTT
 * at {@code TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4} (18 decimals). The faucet methods move funds out of it.
 *
 * <p>Threading: all methods are thread-safe; {@link #close()} stops the servers and the block timer.
 */
public final class Devnet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

    /** The genesis account's private key: SHA-256 of a fixed label. Public knowledge — development only. */
    public static final String GENESIS_PRIVATE_KEY_HEX = Hex.encode(Hashes.sha256(
            "swarmbid devnet genesis key - development only".getBytes(StandardCharsets.US_ASCII)));
    /** The genesis account's address. */
    public static final TronAddress GENESIS_ADDRESS;
    /** 100 million TRX. */
    public static final long GENESIS_TRX_SUN = 100_000_000L * 1_000_000L;
    /** The original 2019 BTT, a TRC-10 token. */
    public static final String BTT_TRC10_ID = "1002000";
    /** Its precision on mainnet. */
    public static final int BTT_TRC10_PRECISION = 6;
    /** The TRC-20 BTT contract (mainnet's address, {@link Asset#BTT}). */
    public static final TronAddress BTT_TRC20_CONTRACT = Asset.BTT.contract();
    /** Its decimals. */
    public static final int BTT_TRC20_DECIMALS = BttLedger.DECIMALS;
    private static final int MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;

    static {
        try (PrivateKey genesis = genesisKey()) {
            GENESIS_ADDRESS = genesis.address();
        }
    }

    private final DevnetConfig config;
    private final DevnetNode node;
    private final Server fullNode;
    private final Server solidityNode;
    private final ScheduledExecutorService blockTimer;

    private Devnet(DevnetConfig config, DevnetNode node, Server fullNode, Server solidityNode,
            ScheduledExecutorService blockTimer) {
        this.config = config;
        this.node = node;
        this.fullNode = fullNode;
        this.solidityNode = solidityNode;
        this.blockTimer = blockTimer;
    }

    /** Opens the state, creates genesis if the state is new, and starts both gRPC services and the block timer. */
    public static Devnet start(DevnetConfig config) throws IOException {
        String url = config.database().map(p -> "jdbc:sqlite:" + p.toAbsolutePath()).orElse("jdbc:sqlite::memory:");
        DevnetNode node;
        try {
            node = new DevnetNode(new DevnetStore(url), config.fees(), config.clock(), config.solidLag(),
                    Addresses.toProto(GENESIS_ADDRESS), List.of(bttTrc10()));
        } catch (SQLException e) {
            throw new IOException("cannot open devnet state " + config.database().map(Object::toString)
                    .orElse("(in memory)") + ": " + e.getMessage(), e);
        }
        Server full = null;
        try {
            full = server(config.fullNodePort(), new FullNodeService(node)).start();
            Server solidity = server(config.solidityPort(), new SolidityService(node)).start();
            ScheduledExecutorService timer = null;
            if (!config.blockInterval().isZero()) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "devnet-blocks");
                    t.setDaemon(true);
                    return t;
                });
                long ms = config.blockInterval().toMillis();
                timer.scheduleAtFixedRate(() -> {
                    try {
                        node.produceBlock();
                    } catch (RuntimeException e) {
                        LOG.error("devnet block production failed", e);
                    }
                }, ms, ms, TimeUnit.MILLISECONDS);
            }
            Devnet devnet = new Devnet(config, node, full, solidity, timer);
            LOG.info("devnet up: full node 127.0.0.1:{}, solidity 127.0.0.1:{}, head {}", full.getPort(),
                    solidity.getPort(), node.headNumber());
            return devnet;
        } catch (IOException | RuntimeException e) {
            if (full != null) {
                full.shutdownNow();
            }
            try {
                node.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private static Server server(int port, io.grpc.BindableService service) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(service)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .build();
    }

    private static Contract.AssetIssueContract bttTrc10() {
        return Contract.AssetIssueContract.newBuilder()
                .setId(BTT_TRC10_ID)
                .setName(ByteString.copyFromUtf8("BitTorrent"))
                .setAbbr(ByteString.copyFromUtf8("BTT"))
                .setTotalSupply(990_000_000_000_000_000L)
                .setPrecision(BTT_TRC10_PRECISION)
                .setDescription(ByteString.copyFromUtf8("devnet copy of the 2019 TRC-10 BTT"))
                .build();
    }

    /** The endpoints of this devnet. */
    public Network network() {
        return Network.devnet(fullNodePort(), solidityPort());
    }

    public int fullNodePort() {
        return fullNode.getPort();
    }

    public int solidityPort() {
        return solidityNode.getPort();
    }

    public DevnetConfig config() {
        return config;
    }

    /** Packs the pending transactions into a new block; returns its number. */
    public long produceBlock() {
        return node.produceBlock().getBlockHeader().getRawData().getNumber();
    }

    /** Produces {@code count} blocks; returns the new head number. */
    public long produceBlocks(int count) {
        long head = headNumber();
        for (int i = 0; i < count; i++) {
            head = produceBlock();
        }
        return head;
    }

    public long headNumber() {
        return node.headNumber();
    }

    public long solidNumber() {
        return node.solidNumber();
    }

    /** The genesis account's key (a new object each call; the caller destroys it). Development only. */
    public static PrivateKey genesisKey() {
        return PrivateKey.fromHex(GENESIS_PRIVATE_KEY_HEX);
    }

    /** The legacy BTT TRC-10 token as this devnet issues it (precision {@value #BTT_TRC10_PRECISION}). */
    public static Asset.Trc10 bttOld() {
        return Asset.bttOld(BTT_TRC10_PRECISION);
    }

    /** Faucet: moves {@code sun} TRX from genesis to {@code address}, creating the account. */
    public void faucet(TronAddress address, long sun) {
        node.faucetTrx(Addresses.toProto(address), sun);
    }

    /** Faucet: moves TRC-10 base units from genesis to {@code address}, creating the account. */
    public void faucetTrc10(TronAddress address, String tokenId, long amount) {
        node.faucetTrc10(Addresses.toProto(address), tokenId, amount);
    }

    /** Faucet: moves TRC-20 BTT base units (10^-18 BTT) from genesis to {@code address}. */
    public void faucetBtt(TronAddress address, BigInteger amount) {
        node.faucetBtt(Addresses.toProto(address), amount);
    }

    /**
     * Faucet for any of the three assets the devnet knows (TRX, TRC-20 BTT, TRC-10 BTT 1002000).
     *
     * @throws IllegalArgumentException for another asset, or more than genesis holds
     */
    public void faucet(TronAddress address, Amount amount) {
        Asset asset = amount.asset();
        if (asset instanceof Asset.Trx) {
            faucet(address, amount.unitsAsLongExact());
        } else if (asset instanceof Asset.Trc10 trc10 && trc10.tokenId().equals(BTT_TRC10_ID)) {
            faucetTrc10(address, BTT_TRC10_ID, amount.unitsAsLongExact());
        } else if (asset.equals(Asset.BTT)) {
            faucetBtt(address, amount.units());
        } else {
            throw new IllegalArgumentException("the devnet has no " + asset.symbol());
        }
    }

    @Override
    public void close() {
        if (blockTimer != null) {
            blockTimer.shutdownNow();
        }
        fullNode.shutdown();
        solidityNode.shutdown();
        try {
            if (!fullNode.awaitTermination(5, TimeUnit.SECONDS)) {
                fullNode.shutdownNow();
            }
            if (!solidityNode.awaitTermination(5, TimeUnit.SECONDS)) {
                solidityNode.shutdownNow();
            }
            if (blockTimer != null) {
                blockTimer.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            fullNode.shutdownNow();
            solidityNode.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            node.close();
        } catch (SQLException e) {
            LOG.warn("closing devnet state failed: {}", e.getMessage());
        }
        LOG.info("devnet stopped");
    }
}
