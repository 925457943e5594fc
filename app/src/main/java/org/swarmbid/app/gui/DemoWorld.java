package org.swarmbid.app.gui;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.app.btt.StateDir;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.ui.bidding.BiddingSettings;
import org.swarmbid.ui.bidding.FileBiddingSettingsStore;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/**
 * Everything {@code swarmbid --demo} runs besides the window, in a fresh folder of its own (never the user's state
 * folder or wallet), all on 127.0.0.1:
 * <ol>
 *   <li>an in-process TRON devnet (a block a second, solid after 3 blocks);</li>
 *   <li>the demo user's state folder: a new wallet (password {@value #PASSWORD}) funded by the faucet with TRX and
 *       BTT, bidding settings with spending on, a download folder;</li>
 *   <li>a seeder: its own funded wallet, an engine with the bid extension selling paid slots, and a torrent of
 *       generated data, uploading at a limited rate so the paid download is watchable.</li>
 * </ol>
 * The caller opens the desktop client on {@link #userState()} with {@link #userWallets()}, starts payments with
 * {@link #unlockUser()} and adds {@link #torrent()}, connecting it to {@link #seederAddress()}. {@link #close()}
 * stops the seeder and the devnet and deletes the folder.
 *
 * <p>Threading: built and closed on one thread; blocking.
 */
public final class DemoWorld implements AutoCloseable {
    /** The demo wallet's password (shown in the window's banner). */
    public static final String PASSWORD = "demo";
    /** What the seeder asks per MiB: 0.01 BTT. */
    static final BigInteger RESERVE = BigInteger.TEN.pow(16);
    private static final BigInteger BTT = BigInteger.TEN.pow(18);
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

    /**
     * How big and how fast.
     *
     * @param payloadBytes   size of the generated torrent
     * @param seederUpload   the seeder's upload limit, bytes/s
     * @param seederChoke    the seeder's choke round (the length of a sold slot)
     */
    public record Options(long payloadBytes, long seederUpload, Duration seederChoke) {
        /** 64 MiB at 1 MiB/s: about a minute of paid download. */
        public static Options defaults() {
            return new Options(64L << 20, 1L << 20, Duration.ofSeconds(5));
        }
    }

    private final Path dir;
    private Devnet devnet;
    private GuiWallets userWallets;
    private Engine seeder;
    private PaymentsRun seederPayments;
    private Ledger seederLedger;
    private Metainfo torrent;
    private TronAddress userAddress;

    private DemoWorld(Path dir) {
        this.dir = dir;
    }

    /** Builds the world in a new temporary folder. On failure everything started is stopped again. */
    public static DemoWorld start(Options options) throws IOException {
        DemoWorld w = new DemoWorld(Files.createTempDirectory("swarmbid-demo-"));
        try {
            w.build(options);
            return w;
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private void build(Options options) throws IOException {
        devnet = Devnet.start(DevnetConfig.forTests().withBlockInterval(Duration.ofSeconds(1)).withSolidLag(3));
        Map<String, GuiWallets.Nodes> nodes = Map.of("devnet", new GuiWallets.Nodes(
                "127.0.0.1:" + devnet.fullNodePort(), "127.0.0.1:" + devnet.solidityPort()));
        WalletOptions base = WalletOptions.defaults().withNetwork("devnet");
        userWallets = new GuiWallets(userState().resolve("wallet"), base, nodes);
        GuiWallets seederWallets = new GuiWallets(dir.resolve("seeder/wallet"), base, nodes);
        userAddress = createFunded(userWallets);
        createFunded(seederWallets);

        Path data = dir.resolve("seeder/data");
        torrent = generate(data.resolve("Swarmbid demo"), options.payloadBytes());
        Files.write(dir.resolve("swarmbid-demo.torrent"), torrent.toTorrentBytes());

        Path userState = userState();
        new SettingsStore(userState).save(Settings.defaults().withDownloadDir(downloads()));
        new FileBiddingSettingsStore(userState.resolve(GuiApp.BIDDING_FILE)).save(userBidding());

        Files.createDirectories(dir.resolve("seeder/state"));
        seederLedger = Ledger.open(StateDir.ledger(dir.resolve("seeder/state")));
        WalletService seederService = seederWallets.open("devnet");
        UnlockedWallet seederKey = seederService.unlock(PASSWORD.toCharArray());
        seederPayments = PaymentsRun.open(seederBidding(), Map.of(), seederService, seederKey, true, seederLedger,
                dir.resolve("seeder/state"), options.seederChoke());
        SessionConfig sc = SessionConfig.defaults(dir.resolve("seeder/state"))
                .withBind(InetAddress.getLoopbackAddress(), 0)
                .withLimits(0, options.seederUpload())
                .withTimers(options.seederChoke(), Duration.ofSeconds(30));
        seeder = Engine.start(sc, List.<EnginePlugin>of(seederPayments.plugin()));
        seeder.add(torrent, new AddOptions(data, false, true));
        LOG.info("demo: devnet on 127.0.0.1:{}, seeder on {}, user {}", devnet.fullNodePort(), seederAddress(),
                userAddress);
    }

    private TronAddress createFunded(GuiWallets wallets) {
        try (WalletService s = wallets.open("devnet"); Mnemonic m = WalletService.newMnemonic(12)) {
            TronAddress a = s.create(m, new char[0], WalletService.DEFAULT_ADDRESS_INDEX, PASSWORD.toCharArray(),
                    false);
            devnet.faucet(a, Amount.parse("1000", Asset.TRX));
            devnet.faucet(a, Amount.parse("100", Asset.BTT));
            return a;
        }
    }

    private static Metainfo generate(Path root, long bytes) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("README.txt"), "Generated by 'swarmbid --demo': random bytes, seeded by a"
                + " local peer that sells paid upload slots for BTT on a private devnet.\n");
        Random r = new Random(20_240_601L);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(root.resolve("demo-video.bin"))) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                r.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return TorrentCreator.from(root).pieceLength(256 << 10).creationDate(null).create();
    }

    /** Spending on: 20 BTT per torrent, 50 a day, at most 0.05 BTT per MiB; nothing sold. */
    static BiddingSettings userBidding() {
        BuyerConfig buyer = BuyerConfig.defaults().withBudget(BTT.multiply(BigInteger.valueOf(20)),
                BTT.multiply(BigInteger.valueOf(50)), BTT.divide(BigInteger.valueOf(20)));
        return new BiddingSettings(true, new BiddingConfig(SellerConfig.defaults().withPaidSlots(0), buyer),
                List.of());
    }

    /** Two paid slots at 0.01 BTT per MiB; settlement asked for at 0.2 BTT so one happens during the demo. */
    static BiddingConfig seederBidding() {
        SellerConfig seller = SellerConfig.defaults().withPaidSlots(2).withReserve(RESERVE)
                .withSettlementThreshold(BTT.divide(BigInteger.valueOf(5)));
        return new BiddingConfig(seller, BuyerConfig.defaults());
    }

    /** The demo user's state folder (the desktop client's {@code --state-dir} in the demo). */
    public Path userState() {
        return dir.resolve("user");
    }

    /** Where the demo download goes. */
    public Path downloads() {
        return dir.resolve("user/Downloads");
    }

    public GuiWallets userWallets() {
        return userWallets;
    }

    public TronAddress userAddress() {
        return userAddress;
    }

    /** The demo user's wallet on the devnet, unlocked with {@link #PASSWORD}; the caller owns both. */
    public Unlocked unlockUser() {
        WalletService s = userWallets.open("devnet");
        try {
            return new Unlocked(s, s.unlock(PASSWORD.toCharArray()));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A wallet service and its unlocked key. */
    public record Unlocked(WalletService service, UnlockedWallet key) {
    }

    public Metainfo torrent() {
        return torrent;
    }

    public InetSocketAddress seederAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), seeder.listenPort());
    }

    /** The seeder's bid extension (tests: what it earned). */
    public org.swarmbid.ext.btt.plugin.BttPlugin seederPlugin() {
        return seederPayments.plugin();
    }

    public Devnet devnet() {
        return devnet;
    }

    /** Stops the seeder and the devnet and deletes the demo folder. */
    @Override
    public void close() {
        if (seeder != null) {
            seeder.close();
        }
        if (seederPayments != null) {
            seederPayments.close();
        }
        if (seederLedger != null) {
            seederLedger.close();
        }
        if (devnet != null) {
            devnet.close();
        }
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("cannot delete the demo folder {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
