package org.swarmbid.app.gui;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.app.btt.StateDir;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.session.Engine;
import org.swarmbid.ui.Desktop;
import org.swarmbid.ui.DesktopServices;
import org.swarmbid.ui.DisplayUnavailableException;
import org.swarmbid.ui.ScreenFactory;
import org.swarmbid.ui.bidding.BiddingScreen;
import org.swarmbid.ui.bidding.FileBiddingSettingsStore;
import org.swarmbid.ui.bidding.SqliteLedgerActivity;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.wallet.WalletScreen;
import org.swarmbid.wallet.asset.Asset;

/**
 * The desktop client's services, built with plain {@code new} and closed in reverse: the {@link SwitchableSession}
 * from the saved settings, the payment ledger, the bid extension's controller ({@link GuiPayments}), the status
 * bar's {@link WalletBalance}, the torrent list's {@link PluginEarnings}, and the wallet and bidding screens wired to
 * them. {@link #show} opens the window.
 *
 * <p>Threading: built and closed on the launcher's thread; the screens live on the FX thread.
 */
public final class GuiApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuiApp.class);
    /** The bidding screen's settings file in the state folder. */
    public static final String BIDDING_FILE = "bidding.properties";

    private final Path stateDir;
    private final SwitchableSession session;
    private final Ledger ledger;
    private final GuiPayments payments;
    private final WalletBalance balance;
    private final FileBiddingSettingsStore biddingStore;
    private final DesktopServices services;
    private final List<ScreenFactory> screens;
    private Desktop desktop;
    /** The wallet screen (FX thread), kept across language switches. */
    private WalletScreen walletScreen;
    private boolean closed;

    private GuiApp(Path stateDir, SwitchableSession session, Ledger ledger, GuiWallets wallets,
            SettingsStore settings, SessionConfig config) {
        this.stateDir = stateDir;
        this.session = session;
        this.ledger = ledger;
        this.biddingStore = new FileBiddingSettingsStore(stateDir.resolve(BIDDING_FILE));
        this.payments = new GuiPayments(session, ledger, biddingStore, wallets, stateDir, config.chokeInterval());
        this.balance = new WalletBalance(wallets::openOwnNetwork);
        PluginEarnings earnings = new PluginEarnings(payments::plugin, ledger);
        String network = ownNetwork(wallets);
        this.screens = List.of(
                ctx -> {
                    // one wallet screen for the window's life: a language switch rebuilds the other screens, but
                    // a new wallet screen would start locked, and locking stops the payments; the shell
                    // relabels the screen it gets back (Screen.relabel)
                    if (walletScreen == null) {
                        walletScreen = new WalletScreen(wallets, network, ctx.locale());
                        walletScreen.setKeyListener(payments);
                    }
                    return walletScreen;
                },
                ctx -> new BiddingScreen(biddingStore, payments, new SessionTorrentNames(session),
                        new SqliteLedgerActivity(ledger), Asset.BTT, ctx.locale()));
        this.services = new DesktopServices(session, stateDir, settings, earnings, balance);
    }

    private static String ownNetwork(GuiWallets wallets) {
        try {
            return wallets.ownNetwork();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the wallet's network: {}", e.getMessage());
            return "devnet";
        }
    }

    /**
     * Starts the session from the saved settings and opens the ledger.
     *
     * @param bind local address to listen on (null = all interfaces)
     * @throws IOException if the port cannot be bound (one line)
     */
    public static GuiApp open(Path stateDir, InetAddress bind, GuiWallets wallets) throws IOException {
        SettingsStore store = new SettingsStore(stateDir);
        Settings settings = store.load();
        SessionConfig config = settings.applyTo(SessionConfig.defaults(stateDir).withBind(bind, settings.port()));
        return open(stateDir, wallets, store, config);
    }

    /** As above with an explicit engine configuration (the demo, tests). */
    static GuiApp open(Path stateDir, GuiWallets wallets, SettingsStore store, SessionConfig config)
            throws IOException {
        java.nio.file.Files.createDirectories(stateDir);
        SwitchableSession session;
        try {
            session = SwitchableSession.start(plugins -> Engine.start(config, plugins), stateDir, List.of());
        } catch (IOException e) {
            throw new IOException("cannot listen on port " + config.port() + ": " + e.getMessage()
                    + " (change the port in " + store.file() + ")", e);
        }
        Ledger ledger;
        try {
            ledger = Ledger.open(StateDir.ledger(stateDir));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new GuiApp(stateDir, session, ledger, wallets, store, config);
    }

    /**
     * Opens the window (the toolkit starts if needed).
     *
     * @throws DisplayUnavailableException if JavaFX cannot open a display
     */
    public Desktop show() throws DisplayUnavailableException {
        return show(org.swarmbid.ui.tray.SeedingTray.HOST);
    }

    /** As {@link #show()} with another tray (tests: one without AWT). */
    Desktop show(org.swarmbid.ui.tray.TrayHost tray) throws DisplayUnavailableException {
        desktop = Desktop.start(services, screens, tray);
        return desktop;
    }

    public SwitchableSession session() {
        return session;
    }

    public GuiPayments payments() {
        return payments;
    }

    public FileBiddingSettingsStore biddingStore() {
        return biddingStore;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Stops the payments controller, closes the session (resume data saved), the payments, the ledger. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        payments.shuttingDown();
        session.close();
        payments.close();
        balance.close();
        ledger.close();
    }
}
