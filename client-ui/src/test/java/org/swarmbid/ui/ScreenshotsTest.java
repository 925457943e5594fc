package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.api.TrackerStatus;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ui.common.Background;
import org.swarmbid.ui.common.BalanceSource;
import org.swarmbid.ui.common.EarningsSource;
import org.swarmbid.ui.common.Formats;
import org.swarmbid.ui.common.TokenAmount;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.create.CreateTorrentController;
import org.swarmbid.ui.details.DetailsController;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.settings.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every screen of the shell with realistic data (a fixed swarm on a {@link FakeSession}) and writes PNGs to
 * {@code target/screenshots}, or to {@code -Dscreenshots.dir=../docs/screenshots} to refresh the committed ones.
 * Each picture must be the window's size and show more than a handful of colours (a blank render fails).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private static final BigDecimal BTT = BigDecimal.ONE;
    @TempDir
    Path tmp;
    private Path out;
    private FakeSession session;
    private MainWindow window;
    private Background background;
    private String albumHash;
    private String ubuntuHash;

    @Start
    void start(Stage stage) throws Exception {
        out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        Path state = tmp.resolve("state");
        new SettingsStore(state).save(Settings.defaults().withDownloadDir(Path.of("/home/alice/Downloads"))
                .withLanguage(Locale.ENGLISH));
        Metainfo album = TorrentCreator.from(TestPayload.multiFile(tmp.resolve("src"), "Field Recordings 2024",
                4 << 20, 11).root()).pieceLength(32 << 10).announce("udp://tracker.example.org:6969/announce")
                .create();
        albumHash = album.infoHash().hex();
        session = new FakeSession();
        fillSwarm(album);
        new org.swarmbid.ui.torrents.TorrentLibrary(state).remember(album, Path.of("/home/alice/Downloads"), false);
        Map<String, TokenAmount[]> money = Map.of(albumHash, new TokenAmount[] {amount("12.48"), null},
                ubuntuHash, new TokenAmount[] {amount("0.75"), amount("3.2")});
        EarningsSource earnings = new EarningsSource() {
            @Override
            public Optional<TokenAmount> earned(String h) {
                return Optional.ofNullable(money.getOrDefault(h, new TokenAmount[2])[0]);
            }

            @Override
            public Optional<TokenAmount> spent(String h) {
                return Optional.ofNullable(money.getOrDefault(h, new TokenAmount[2])[1]);
            }
        };
        BalanceSource balance = () -> Optional.of(amount("1234.56"));
        background = new Background(2);
        window = new MainWindow(new DesktopServices(session, state, new SettingsStore(state), earnings, balance),
                List.of(), background, () -> stage);
        window.library().load();
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        FxWait.onFx(window::close);
        background.close();
    }

    @Test
    void rendersEveryScreenInBothThemes() throws Exception {
        FxWait.onFx(() -> {
            session.publish();
            window.showBalance(amount("1234.56"));
        });
        FxWait.until("earnings shown", java.time.Duration.ofSeconds(10), () -> window.torrents().model()
                .row(albumHash).map(r -> r.earnedProperty().get().isPresent()).orElse(false));
        FxWait.onFx(() -> {
            fakeHistory();
            window.torrents().select(ubuntuHash);
        });
        shoot("torrents", window.scene().getRoot());

        details("tab-overview", ubuntuHash);
        FxWait.until("the pieces bar drawn", java.time.Duration.ofSeconds(10), () -> !((DetailsController) window
                .torrents().details()).model().pieces().isEmpty());
        shoot("details-overview", window.scene().getRoot());
        details("tab-peers", ubuntuHash);
        shoot("details-peers", window.scene().getRoot());
        details("tab-files", albumHash);
        FxWait.onFx(() -> {
            var files = ((DetailsController) window.torrents().details()).model().files();
            files.get(0).priorityProperty().set(org.swarmbid.ui.details.FilePriority.SKIP);
            files.get(2).priorityProperty().set(org.swarmbid.ui.details.FilePriority.HIGH);
            files.get(3).priorityProperty().set(org.swarmbid.ui.details.FilePriority.LOW);
        });
        shoot("details-files", window.scene().getRoot());
        details("tab-trackers", ubuntuHash);
        shoot("details-trackers", window.scene().getRoot());
        details("tab-speed", ubuntuHash);
        shoot("details-speed", window.scene().getRoot());

        FxWait.onFx(() -> window.show("settings"));
        shoot("settings", window.scene().getRoot());

        FxWait.onFx(() -> {
            window.settingsScreen().model().themeProperty().set(Theme.DARK);
            window.settingsScreen().save();
        });
        FxWait.until("dark theme applied", java.time.Duration.ofSeconds(10),
                () -> window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        shoot("settings-dark", window.scene().getRoot());
        FxWait.onFx(() -> {
            window.show("torrents");
            window.torrents().select(ubuntuHash);
            ((DetailsController) window.torrents().details()).showTab("tab-speed");
        });
        shoot("torrents-dark", window.scene().getRoot());

        FxWait.onFx(() -> window.apply(window.settings(), window.settings().withTheme(Theme.LIGHT)
                .withLanguage(Locale.GERMAN)));
        FxWait.onFx(() -> {
            session.publish();
            window.torrents().select(ubuntuHash);
            window.showBalance(amount("1234.56"));
        });
        shoot("torrents-de", window.scene().getRoot());
        FxWait.onFx(() -> window.apply(window.settings(), window.settings().withLanguage(Locale.ENGLISH)));

        Parent create = FxWait.onFx(() -> {
            UiContext ctx = new UiContext(window.i18n(), new Formats(Locale.ENGLISH), background, () -> null);
            CreateTorrentController c = new CreateTorrentController(ctx, Path.of("/home/alice/Torrents"),
                    (m, d) -> { });
            c.model().source.set("/home/alice/Music/Field Recordings 2024");
            c.model().trackers.set("udp://tracker.example.org:6969/announce\nhttps://tracker.example.net/announce"
                    + "\n\nudp://backup.example.org:1337/announce");
            c.model().comment.set("Ambient recordings, CC BY 4.0");
            c.model().pieceLength.set(0);
            c.model().progress.set(0.42);
            c.model().running.set(true);
            c.model().message.set(window.i18n().t("create.hashing"));
            Parent root = c.view();
            Scene scene = new Scene(root);
            scene.getStylesheets().setAll(window.scene().getStylesheets());
            return root;
        });
        shoot("create", create);
    }

    private void details(String tab, String hash) {
        FxWait.onFx(() -> {
            window.show("torrents");
            window.torrents().select(hash);
            DetailsController d = (DetailsController) window.torrents().details();
            d.showTab(tab);
        });
    }

    private void shoot(String name, Parent root) throws IOException {
        BufferedImage img = FxWait.onFx(() -> {
            root.applyCss();
            root.layout();
            WritableImage w = root.snapshot(null, null);
            return SwingFXUtils.fromFXImage(w, null);
        });
        Path file = out.resolve(name + ".png");
        ImageIO.write(img, "png", file.toFile());
        assertThat(img.getWidth()).isGreaterThan(500);
        assertThat(img.getHeight()).isGreaterThan(300);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours).as(name + " has content").hasSizeGreaterThan(20);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    private void fakeHistory() {
        var model = window.torrents().model();
        long t0 = Instant.now().getEpochSecond() - 300;
        var row = model.row(ubuntuHash).orElseThrow();
        TorrentStatus base = row.status();
        for (int i = 0; i < 300; i++) {
            double wave = 1 + 0.35 * Math.sin(i / 17.0) + 0.15 * Math.sin(i / 5.0);
            long down = (long) (Math.min(1, i / 40.0) * 7.5 * 1024 * 1024 * wave);
            long up = (long) (Math.min(1, i / 60.0) * 600 * 1024 * (1.2 - 0.3 * Math.cos(i / 23.0)));
            model.put(withRates(base, down, up));
            model.sample(t0 + i);
        }
        model.put(base);
    }

    private void fillSwarm(Metainfo album) {
        long now = System.currentTimeMillis();
        List<TrackerStatus> trackers = List.of(
                new TrackerStatus("https://torrent.ubuntu.com/announce", 0, true, "", 3121, 418, now + 1_430_000),
                new TrackerStatus("https://ipv6.torrent.ubuntu.com/announce", 1, false,
                        "connection refused", -1, -1, now + 290_000),
                new TrackerStatus("udp://tracker.example.org:6969/announce", 2, true, "", 87, 12, now + 840_000));
        ubuntuHash = "3e8ba2c7f06d0f2bd2e8d5d1cfb1f1a1b2a3c4d5";
        long ubuntu = 6_114_656_256L;
        session.put(status(ubuntuHash, "ubuntu-24.04.1-desktop-amd64.iso", TorrentState.DOWNLOADING, ubuntu,
                (long) (ubuntu * 0.634), 8_598_323, 655_360, 42, 31, 263, trackers), peers());
        session.put(status("a1f3c9e0b7d64e2f9a8b7c6d5e4f3a2b1c0d9e8f", "debian-12.8.0-amd64-netinst.iso",
                TorrentState.SEEDING, 661_651_456, 661_651_456, 0, 421_888, 7, 0, -1, trackers.subList(2, 3)),
                List.of());
        // a download picks rarest pieces first: the verified ones lie scattered, in runs of a few pieces
        int ubuntuPieces = (int) ((ubuntu + (1 << 20) - 1) >> 20);
        java.util.BitSet have = new java.util.BitSet(ubuntuPieces);
        java.util.Random rnd = new java.util.Random(7);
        int target = (int) ((long) (ubuntu * 0.634) >> 20); // as many as the status says
        while (have.cardinality() < target) {
            int at = rnd.nextInt(ubuntuPieces);
            have.set(at, Math.min(ubuntuPieces, at + 1 + rnd.nextInt(6)));
        }
        while (have.cardinality() > target) {
            have.clear(have.previousSetBit(ubuntuPieces));
        }
        session.pieces(ubuntuHash, have, new long[] {(long) have.cardinality() << 20});
        long album1 = album.info().totalLength();
        session.put(status(albumHash, album.info().name(), TorrentState.SEEDING, album1, album1, 0, 1_153_433, 5,
                0, -1, List.of(new TrackerStatus("udp://tracker.example.org:6969/announce", 0, true, "", 9, 4,
                        now + 600_000))), List.of());
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, album.info().pieceCount());
        long[] albumFiles = album.info().files().stream().mapToLong(f -> f.length()).toArray();
        albumFiles[0] = albumFiles[0] * 3 / 10; // skipped after 30 %
        session.pieces(albumHash, all, albumFiles);
        session.put(status("5b2d8e1f0a9c7b6e4d3c2b1a0f9e8d7c6b5a4f3e", "Big Buck Bunny (1080p).mp4",
                TorrentState.DOWNLOADING, 928_670_754, 116_083_844, 1_572_864, 98_304, 12, 9, 520,
                trackers.subList(2, 3)), List.of());
        session.put(status("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00", "archlinux-2024.12.01-x86_64.iso",
                TorrentState.PAUSED, 1_205_862_400, 482_344_960, 0, 0, 0, 0, -1, List.of()), List.of());
        TorrentStatus sintel = status("d00dfeedd00dfeedd00dfeedd00dfeedd00dfeed", "Sintel.2010.720p.mkv",
                TorrentState.CHECKING, 681_574_400, 0, 0, 0, 0, 0, -1, List.of());
        session.put(new TorrentStatus(sintel.infoHash(), sintel.name(), sintel.state(), sintel.totalBytes(),
                sintel.wantedBytes(), 0, 0, sintel.pieceCount(), 0, 0, 0, 0, 0, 0, -1, null, List.of(),
                sintel.pieceCount() * 37 / 100, sintel.pieceCount()), List.of());
        session.put(new TorrentStatus("beefbeefbeefbeefbeefbeefbeefbeefbeefbeef", "camera-backup-2023",
                TorrentState.ERROR, 48_318_382_080L, 48_318_382_080L, 20_401_094_656L, 4864, 11520, 0, 0, 0, 0, 0,
                0, -1, "disk full: no space left on /media/usb", List.of()), List.of());
    }

    private static TorrentStatus status(String hash, String name, TorrentState state, long total, long done,
            long down, long up, int peers, int seeds, long eta, List<TrackerStatus> trackers) {
        int pieceLength = 1 << 20;
        int pieces = (int) ((total + pieceLength - 1) / pieceLength);
        int piecesDone = (int) (done / pieceLength);
        return new TorrentStatus(hash, name, state, total, total, done, piecesDone, pieces, down, up, done,
                up * 3600, peers, seeds, eta, null, trackers);
    }

    private static TorrentStatus withRates(TorrentStatus s, long down, long up) {
        return new TorrentStatus(s.infoHash(), s.name(), s.state(), s.totalBytes(), s.wantedBytes(), s.doneBytes(),
                s.piecesDone(), s.pieceCount(), down, up, s.downloaded(), s.uploaded(), s.peers(), s.seeds(),
                s.etaSeconds(), s.error(), s.trackers());
    }

    private static List<PeerStatus> peers() {
        List<PeerStatus> p = new ArrayList<>();
        p.add(new PeerStatus("198.51.100.23:51413", "Transmission 4.0.5", "D U", 2_411_724, 131_072, 1.0,
                Map.of("btt.slot", "paid", "btt.price", "0.25 BTT/MiB")));
        p.add(new PeerStatus("203.0.113.7:6881", "libtorrent 2.0.10", "D U", 1_887_436, 98_304, 1.0,
                Map.of("btt.slot", "paid", "btt.price", "0.20 BTT/MiB")));
        p.add(new PeerStatus("[2001:db8::1f]:6881", "qBittorrent 4.6.2", "D u I", 1_310_720, 0, 1.0, Map.of()));
        p.add(new PeerStatus("192.0.2.144:49160", "Swarmbid 0.1.0", "D U X", 943_718, 262_144, 0.87,
                Map.of("btt.slot", "paid", "btt.price", "0.18 BTT/MiB")));
        p.add(new PeerStatus("198.51.100.90:6889", "Deluge 2.1.1", "d U", 0, 163_840, 0.21, Map.of()));
        p.add(new PeerStatus("203.0.113.201:51000", "aria2 1.37.0", "D", 655_360, 0, 1.0, Map.of()));
        p.add(new PeerStatus("192.0.2.55:6881", "µTorrent 3.6", "D U", 1_048_576, 0, 1.0, Map.of()));
        return p;
    }

    private static TokenAmount amount(String v) {
        return new TokenAmount(new BigDecimal(v).multiply(BTT), "BTT");
    }
}
