package org.swarmbid.ui.wallet;

import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.swarmbid.ui.Screen;
import org.swarmbid.ui.common.UiContext;
import org.swarmbid.ui.wallet.WalletModel.Phase;
import org.swarmbid.ui.wallet.history.HistoryController;
import org.swarmbid.ui.wallet.receive.ReceiveController;
import org.swarmbid.ui.wallet.send.SendController;
import org.swarmbid.ui.wallet.setup.SetupController;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.Balances;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;

/**
 * The wallet screen (controller): first-run setup, unlock, balances, receive, send and history over one
 * {@link WalletService} per selected network, opened through the {@link WalletServiceFactory} {@code app} hands in.
 * Switching the network locks the wallet, closes the old service and opens the new one.
 *
 * <p>The screen lives across language switches (so that the key stays unlocked and payments keep running): the
 * shell hands it the new language through {@link #relabel}, and every label, message and time format follows.
 *
 * <p>The unlocked key ({@link UnlockedWallet}) is held here only, from a successful unlock until the user locks,
 * switches network or the window closes; an unlock the user cancelled is wiped the moment scrypt finishes.
 *
 * <p>Threading: FX thread (as {@link Screen} requires); every wallet call runs on {@link Background}.
 */
public final class WalletScreen implements Screen, WalletContext {

    /** Sets (or with null clears) the one {@link KeyListener}. FX thread. */
    public void setKeyListener(KeyListener listener) {
        this.keyListener = listener;
    }

    /** The networks the selector offers. */
    public static final List<String> NETWORKS = List.of("devnet", "nile", "mainnet");
    /** How often the balances are read while the screen shows. */
    public static final Duration AUTO_REFRESH = Duration.seconds(30);

    private final WalletServiceFactory factory;
    private final Background background = new Background("wallet");
    private final WalletModel model = new WalletModel();
    private final Texts texts;
    private volatile WalletService service;
    private UnlockedWallet unlocked;
    private Background.Job<UnlockedWallet> unlockJob;
    private Background.Job<?> openJob;
    private WalletView view;
    private SetupController setup;
    private SendController send;
    private HistoryController history;
    private Timeline autoRefresh;
    private boolean closed;
    private KeyListener keyListener;

    /**
     * Hears the unlocked key come and go, so that {@code app} can start payments with it and stop them when the
     * user locks, switches the network or the screen closes. Called on the FX thread; must not block. The key stays
     * owned by this screen: the listener may use it until {@link #locked()}, and must not lock it itself.
     */
    public interface KeyListener {
        /** The user unlocked the wallet of {@code network} (its service: the one {@link #service()} returned). */
        void unlocked(String network, WalletService service, UnlockedWallet key);

        /** The key was wiped. */
        void locked();
    }

    /**
     * @param factory        opens the service of a network
     * @param initialNetwork the network to open first (one of {@link #NETWORKS}, usually the wallet's setting)
     * @param language       the language chosen in the settings ({@link UiContext#locale()})
     */
    public WalletScreen(WalletServiceFactory factory, String initialNetwork, Locale language) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.texts = new Texts(Objects.requireNonNull(language, "language"));
        model.networkProperty().set(Objects.requireNonNull(initialNetwork, "initialNetwork"));
    }

    @Override
    public String id() {
        return "wallet";
    }

    @Override
    public String title() {
        return texts.get("wallet.title");
    }

    /** The user switched the language: relabels the screen in place, keeping the key, the forms and the tabs. */
    @Override
    public void relabel(UiContext context) {
        setLanguage(context.locale());
    }

    /** As {@link #relabel} with just the language. */
    public void setLanguage(Locale language) {
        texts.setLocale(language);
    }

    /** The language the screen shows. */
    public Locale language() {
        return texts.locale();
    }

    @Override
    public Node view() {
        if (view == null) {
            setup = new SetupController(this);
            send = new SendController(this);
            history = new HistoryController(this);
            ReceiveController receive = new ReceiveController(texts, model.addressProperty());
            List<String> networks = NETWORKS.contains(model.networkProperty().get()) ? NETWORKS
                    : concat(NETWORKS, model.networkProperty().get());
            view = new WalletView(model, texts, this, networks, setup.view(), receive.view(), send.view(),
                    history.view());
            view.tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
                if (b == view.historyTab) {
                    history.refresh();
                }
            });
        }
        return view.root();
    }

    private static List<String> concat(List<String> list, String extra) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(list);
        all.add(extra);
        return List.copyOf(all);
    }

    @Override
    public void onShow() {
        view();
        if (service == null && openJob == null) {
            switchNetwork(model.networkProperty().get());
        } else {
            refreshBalances();
        }
        if (autoRefresh == null) {
            autoRefresh = new Timeline(new KeyFrame(AUTO_REFRESH, e -> refreshBalances()));
            autoRefresh.setCycleCount(Animation.INDEFINITE);
        }
        autoRefresh.play();
    }

    @Override
    public void onHide() {
        if (autoRefresh != null) {
            autoRefresh.stop();
        }
    }

    // ------------------------------------------------------------------ WalletContext

    @Override
    public WalletService service() {
        return service;
    }

    @Override
    public Background background() {
        return background;
    }

    @Override
    public Texts texts() {
        return texts;
    }

    @Override
    public WalletModel model() {
        return model;
    }

    @Override
    public Optional<UnlockedWallet> unlocked() {
        return Optional.ofNullable(unlocked).filter(u -> !u.isLocked());
    }

    @Override
    public void walletCreated(TronAddress address) {
        model.addressProperty().set(address);
        model.phaseProperty().set(Phase.READY);
        if (view != null) {
            view.tabs.getSelectionModel().select(view.balancesTab);
        }
        refreshBalances();
    }

    @Override
    public void refreshBalances() {
        loadBalances(false);
    }

    void refreshBalancesByUser() {
        loadBalances(true);
    }

    private void loadBalances(boolean byUser) {
        TronAddress address = model.addressProperty().get();
        WalletService s = service;
        if (address == null || s == null || model.balancesLoadingProperty().get() || closed) {
            return;
        }
        model.balancesLoadingProperty().set(true);
        background.submit(() -> s.balances(address), b -> {
            model.balancesLoadingProperty().set(false);
            if (s != service) {
                return;
            }
            model.balancesProperty().set(b);
            Instant at = Instant.now();
            texts.show(model.balancesStatusProperty(),
                    () -> texts.get("balances.updated", texts.time(FormatStyle.MEDIUM).format(at)));
        }, e -> {
            model.balancesLoadingProperty().set(false);
            texts.show(model.balancesStatusProperty(), () -> ErrorDialog.message(texts, e));
            if (byUser) {
                ErrorDialog.show(texts, view.root(), texts.get("balances.failed"), e);
            }
        });
    }

    // ------------------------------------------------------------------ network

    /** Locks, closes the current service and opens {@code network}'s. */
    public void switchNetwork(String network) {
        lock();
        if (openJob != null) {
            openJob.cancel();
        }
        WalletService old = service;
        service = null;
        model.networkProperty().set(network);
        model.phaseProperty().set(Phase.LOADING);
        model.balancesProperty().set(null);
        model.balancesStatusProperty().set("");
        model.addressProperty().set(null);
        if (history != null) {
            history.clear();
        }
        if (setup != null) {
            setup.forgetMnemonic();
        }
        openJob = background.submit(() -> {
            if (old != null) {
                old.close();
            }
            WalletService s = factory.open(network);
            try {
                return new Opened(s, s.exists() ? s.address() : null);
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, opened -> {
            openJob = null;
            service = opened.service();
            if (opened.address() == null) {
                model.phaseProperty().set(Phase.SETUP);
            } else {
                walletCreated(opened.address());
            }
        }, e -> {
            openJob = null;
            ErrorDialog.show(texts, view == null ? null : view.root(), texts.get("wallet.openFailed", network), e);
        }, opened -> opened.service().close());
    }

    private record Opened(WalletService service, TronAddress address) {
    }

    // ------------------------------------------------------------------ unlock

    /** Decrypts the key with the password typed in the unlock form (scrypt on the background). */
    public void unlock() {
        WalletService s = service;
        if (s == null || model.unlockingProperty().get() || view == null) {
            return;
        }
        char[] password = Secrets.take(view.unlockPassword);
        if (password.length == 0) {
            texts.show(model.unlockMessageProperty(), () -> texts.get("unlock.empty"));
            return;
        }
        model.unlockMessageProperty().set("");
        model.unlockingProperty().set(true);
        unlockJob = background.submit(() -> {
            try {
                return s.unlock(password);
            } finally {
                Secrets.wipe(password);
            }
        }, w -> {
            unlockJob = null;
            model.unlockingProperty().set(false);
            if (s != service) {
                w.lock();
                return;
            }
            unlocked = w;
            model.unlockedProperty().set(true);
            if (keyListener != null) {
                keyListener.unlocked(model.networkProperty().get(), s, w);
            }
        }, e -> {
            unlockJob = null;
            model.unlockingProperty().set(false);
            if (e instanceof WalletException
                    && ((WalletException) e).reason() == WalletException.Reason.WRONG_PASSWORD) {
                texts.show(model.unlockMessageProperty(), () -> texts.get("unlock.wrong"));
            } else {
                ErrorDialog.show(texts, view.root(), texts.get("unlock.failed"), e);
            }
        }, UnlockedWallet::lock);
    }

    /** Abandons a running unlock; its key is wiped as soon as scrypt finishes. */
    public void cancelUnlock() {
        if (unlockJob != null) {
            unlockJob.cancel();
            unlockJob = null;
        }
        model.unlockingProperty().set(false);
        texts.show(model.unlockMessageProperty(), () -> texts.get("unlock.cancelled"));
    }

    /** Wipes the unlocked key. */
    public void lock() {
        if (unlockJob != null) {
            cancelUnlock();
            model.unlockMessageProperty().set("");
        }
        if (unlocked != null) {
            unlocked.lock();
            unlocked = null;
            if (keyListener != null) {
                keyListener.locked();
            }
        }
        model.unlockedProperty().set(false);
        if (send != null) {
            send.reset();
        }
    }

    /** The model (tests, screenshots). */
    public WalletModel walletModel() {
        return model;
    }

    /** The setup part (tests, screenshots). */
    public SetupController setup() {
        view();
        return setup;
    }

    /** The send part (tests, screenshots). */
    public SendController send() {
        view();
        return send;
    }

    /** The history part (tests, screenshots). */
    public HistoryController history() {
        view();
        return history;
    }

    /** Selects a tab by id ({@code tab-balances}, {@code tab-receive}, {@code tab-send}, {@code tab-history}). */
    public void selectTab(String id) {
        view();
        view.tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> view.tabs.getSelectionModel().select(t));
    }

    @Override
    public void close() {
        closed = true;
        lock();
        onHide();
        if (send != null) {
            send.cancelFollow();
        }
        if (setup != null) {
            setup.forgetMnemonic();
        }
        if (openJob != null) {
            openJob.cancel();
        }
        WalletService s = service;
        service = null;
        if (s != null) {
            s.close();
        }
        background.close();
    }
}
