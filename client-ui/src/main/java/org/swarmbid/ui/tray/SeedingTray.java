package org.swarmbid.ui.tray;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code java.awt.SystemTray} adapter of a {@link TrayController}: draws the icon, builds the popup menu from
 * the controller's entries and hops to the FX thread for their actions. Everything else lives in the controller.
 */
public final class SeedingTray implements TrayHost.TrayIcon {
    /** Installs the AWT icon where the desktop has a tray. */
    public static final TrayHost HOST = SeedingTray::install;

    private static final Logger LOG = LoggerFactory.getLogger(SeedingTray.class);
    private final TrayIcon icon;

    private SeedingTray(TrayIcon icon) {
        this.icon = icon;
    }

    /** Whether this desktop has a system tray (false when headless or without a tray host). */
    public static boolean supported() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no system tray: {}", e.toString());
            return false;
        }
    }

    /** Adds the icon, or returns empty when the desktop has no tray. Blocks briefly for the AWT thread. */
    public static Optional<TrayHost.TrayIcon> install(TrayController controller) {
        if (!supported()) {
            return Optional.empty();
        }
        SeedingTray[] out = new SeedingTray[1];
        try {
            EventQueue.invokeAndWait(() -> {
                PopupMenu menu = new PopupMenu();
                for (TrayController.MenuEntry e : controller.menu()) {
                    if (TrayController.QUIT.equals(e.id())) {
                        menu.addSeparator();
                    }
                    menu.add(item(e.label(), e.action()));
                }
                TrayIcon icon = new TrayIcon(image(), controller.title(), menu);
                icon.setImageAutoSize(true);
                icon.addActionListener(e -> Platform.runLater(controller::activated));
                try {
                    SystemTray.getSystemTray().add(icon);
                    out[0] = new SeedingTray(icon);
                } catch (AWTException e) {
                    LOG.info("cannot add the tray icon: {}", e.getMessage());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.info("cannot add the tray icon: {}", e.getCause().toString());
        }
        return Optional.ofNullable(out[0]);
    }

    @Override
    public void tooltip(String text) {
        EventQueue.invokeLater(() -> icon.setToolTip(text));
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    private static MenuItem item(String label, Runnable fxAction) {
        MenuItem m = new MenuItem(label);
        m.addActionListener(e -> Platform.runLater(fxAction));
        return m;
    }

    /** A small blue disc with two arrows' worth of white: drawn, so no image file is needed. */
    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x3b82f6));
        g.fillOval(1, 1, 30, 30);
        g.setColor(java.awt.Color.WHITE);
        g.fillPolygon(new int[] {9, 15, 3}, new int[] {8, 22, 22}, 3);
        g.fillPolygon(new int[] {23, 29, 17}, new int[] {24, 10, 10}, 3);
        g.dispose();
        return img;
    }
}
