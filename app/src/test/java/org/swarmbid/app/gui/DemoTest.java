package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.details.DetailsController;

/**
 * {@code swarmbid --demo} end to end, as the launcher builds it (without the display check): a private devnet, the
 * funded demo wallet paying with its own key, a seeder selling paid slots; within a minute the torrent list shows
 * what the download spent, the details show the seeder as a slot we bought, and the seeder earned what we spent.
 * Also writes {@code demo.png} (the main window with the paid download) for docs/screenshots.
 */
@Tag("slow")
class DemoTest {
    @Test
    void theDemoReachesAPaidDownloadWithinAMinute() throws Exception {
        long started = System.nanoTime();
        try (DemoWorld world = DemoWorld.start(new DemoWorld.Options(24L << 20, 1L << 20, Duration.ofSeconds(2)))) {
            GuiApp app = GuiLauncher.openDemo(world);
            try {
                assertThat(app.payments().plugin()).as("payments on from the start").isPresent();
                assertThat(app.payments().address()).contains(world.userAddress().toBase58());
                Desktop d = app.show();
                d.banner(GuiLauncher.DEMO_BANNER);
                String hash = world.torrent().infoHash().hex();
                Fx.until("spent > 0 in the torrent list", Duration.ofSeconds(60), () -> d.window().torrents().model()
                        .row(hash).flatMap(r -> r.spentProperty().get())
                        .map(a -> a.value().signum() > 0).orElse(false));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("from the first start")
                        .isLessThan(Duration.ofSeconds(90));
                Fx.run(() -> {
                    d.window().show("torrents");
                    d.window().torrents().select(hash);
                    ((DetailsController) d.window().torrents().details()).showTab("tab-peers");
                });
                Fx.until("the seeder as a slot we bought in the details", Duration.ofSeconds(30), () ->
                        ((DetailsController) d.window().torrents().details()).model().peers().stream()
                                .anyMatch(p -> p.attributes().containsKey("btt.bought")));
                Fx.waitFor("the seeder's earnings", Duration.ofSeconds(30),
                        () -> world.seederPlugin().stats().snapshot().total().earned().signum() > 0);
                assertThat(app.payments().plugin().orElseThrow().stats().snapshot().total().spent())
                        .as("never more than the seeder accepted, give or take the cheque in flight").isPositive();
                Thread.sleep(1500); // rates and the speed line settle for the picture
                assertThat(Fx.shoot("demo", d.window().scene().getRoot())).isGreaterThan(20);
                d.quit();
                assertThat(d.awaitExit(Duration.ofSeconds(10))).isTrue();
            } finally {
                app.close();
            }
        }
    }
}
