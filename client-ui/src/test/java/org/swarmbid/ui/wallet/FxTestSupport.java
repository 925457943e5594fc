package org.swarmbid.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: evaluate on the FX thread, wait for a condition, save a node as a PNG screenshot. */
public final class FxTestSupport {

    /**
     * Where screenshots go: {@code -Dswarmbid.screenshots=<dir>} (the committed ones were made with
     * {@code ../docs/screenshots}), else {@code target/screenshots}.
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("swarmbid.screenshots", "target/screenshots"));

    private FxTestSupport() {
    }

    /** {@code c} evaluated on the FX thread. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("FX call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("FX call did not finish", e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until {@code condition} (evaluated on the FX thread) holds. */
    public static void until(long seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
        }
    }

    /** A snapshot of {@code node} (taken on the FX thread). */
    public static WritableImage snapshot(Node node) {
        return fx(() -> node.snapshot(null, null));
    }

    /** Saves a snapshot of {@code node} as {@code <name>.png} and checks it is not blank. */
    public static Path screenshot(Node node, String name) throws IOException {
        WritableImage image = snapshot(node);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < buffered.getHeight(); y += 3) {
            for (int x = 0; x < buffered.getWidth(); x += 3) {
                colours.add(buffered.getRGB(x, y));
            }
        }
        assertThat(colours).as("screenshot %s shows something", name).hasSizeGreaterThan(8);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        ImageIO.write(buffered, "png", file.toFile());
        return file;
    }
}
