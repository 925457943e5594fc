package org.swarmbid.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Test helpers for the desktop client: run on the FX thread, wait for a condition, take a screenshot. */
final class Fx {
    private Fx() {
    }

    static <T> T on(Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX task failed: " + e, e);
        }
    }

    static void run(Runnable r) {
        on(() -> {
            r.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread. */
    static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        waitFor(what, timeout, () -> on(condition::get));
    }

    /** Polls {@code condition} on this thread. */
    static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /**
     * Writes {@code root} as {@code <name>.png} to {@code -Dscreenshots.dir} (default {@code target/screenshots})
     * and returns how many colours a sample of it has (a blank render has one or two).
     */
    static int shoot(String name, Parent root) throws IOException {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        BufferedImage img = on(() -> {
            root.applyCss();
            root.layout();
            WritableImage w = root.snapshot(null, null);
            return SwingFXUtils.fromFXImage(w, null);
        });
        ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
