package org.swarmbid.ui.wallet.send;

import java.time.Duration;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import org.swarmbid.ui.wallet.Background;
import org.swarmbid.ui.wallet.ErrorDialog;
import org.swarmbid.ui.wallet.Texts;
import org.swarmbid.ui.wallet.WalletContext;
import org.swarmbid.ui.wallet.send.SendModel.Step;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.AssetName;
import org.swarmbid.wallet.service.Balances;
import org.swarmbid.wallet.service.PreparedTransfer;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;

/**
 * Sending: the recipient and the amount are checked as they are typed (the address's Base58Check checksum, the
 * amount against the asset's decimals, exactly), "Review" builds, signs and prices the transfer offline
 * ({@link WalletService#prepare}), the confirmation page shows everything it will do, and "Send" broadcasts it and
 * follows it BROADCAST → IN_BLOCK → SOLID, refreshing the balances as it lands.
 *
 * <p>Threading: FX thread; prepare, send and the following run on the context's background.
 */
public final class SendController {

    /** How long to follow a transfer into a block. */
    public static final Duration IN_BLOCK_TIMEOUT = Duration.ofMinutes(2);
    /** How long to follow it from a block to solid (19 blocks of 3 s on TRON, with room). */
    public static final Duration SOLID_TIMEOUT = Duration.ofMinutes(5);

    private final WalletContext context;
    private final Texts texts;
    private final SendModel model = new SendModel();
    private final SendView view;
    private final Map<AssetName, Asset> assets = new EnumMap<>(AssetName.class);
    private PreparedTransfer prepared;
    private Background.Job<?> follow;

    public SendController(WalletContext context) {
        this.context = context;
        this.texts = context.texts();
        assets.put(AssetName.TRX, Asset.TRX);
        assets.put(AssetName.BTT, Asset.BTT);
        this.view = new SendView(model, texts, this);
        model.recipientProperty().addListener((o, a, b) -> validate());
        model.amountProperty().addListener((o, a, b) -> validate());
        model.assetProperty().addListener((o, a, b) -> validate());
        context.model().balancesProperty().addListener((o, a, b) -> balancesChanged(b));
        balancesChanged(context.model().balancesProperty().get());
    }

    public Node view() {
        return view.root();
    }

    public SendModel model() {
        return model;
    }

    private void balancesChanged(Balances b) {
        Optional<Asset> old = b == null ? Optional.empty() : b.bttOld().map(Amount::asset);
        if (old.isPresent()) {
            assets.put(AssetName.BTTOLD, old.get());
            if (!model.assets().contains(AssetName.BTTOLD)) {
                model.assets().add(AssetName.BTTOLD);
            }
        } else {
            assets.remove(AssetName.BTTOLD);
            model.assets().remove(AssetName.BTTOLD);
            if (model.assetProperty().get() == AssetName.BTTOLD || model.assetProperty().get() == null) {
                model.assetProperty().set(AssetName.TRX);
            }
        }
        validate();
    }

    private Optional<Amount> held(AssetName name) {
        Balances b = context.model().balancesProperty().get();
        if (b == null || name == null) {
            return Optional.empty();
        }
        switch (name) {
            case TRX:
                return Optional.of(b.trx());
            case BTT:
                return b.btt();
            default:
                return b.bttOld();
        }
    }

    /** Live validation of the form; sets the messages and {@code valid}. */
    void validate() {
        AssetName name = model.assetProperty().get();
        Optional<Amount> available = held(name);
        texts.show(model.availableProperty(), () -> available.map(a -> texts.get("send.available", a.toString()))
                .orElse(""));
        String to = model.recipientProperty().get();
        String amount = model.amountProperty().get();
        boolean toOk = false;
        boolean amountOk = false;
        if (to == null || to.isEmpty()) {
            model.recipientErrorProperty().set("");
        } else {
            try {
                TronAddress address = WalletService.parseAddress(to);
                toOk = !address.equals(context.model().addressProperty().get());
                boolean self = !toOk;
                texts.show(model.recipientErrorProperty(), () -> self ? texts.get("send.to.self") : "");
            } catch (WalletException e) {
                texts.show(model.recipientErrorProperty(), () -> texts.get("send.to.invalid", detail(e)));
            }
        }
        Asset asset = assets.get(name);
        if (amount == null || amount.isEmpty() || asset == null) {
            model.amountErrorProperty().set("");
        } else {
            try {
                Amount parsed = WalletService.parseAmount(amount, asset);
                Optional<Amount> held = held(name);
                if (held.isPresent() && parsed.compareTo(held.get()) > 0) {
                    Amount most = held.get();
                    texts.show(model.amountErrorProperty(), () -> texts.get("send.amount.tooMuch", most.toString()));
                } else {
                    amountOk = true;
                    model.amountErrorProperty().set("");
                }
            } catch (WalletException e) {
                texts.show(model.amountErrorProperty(), () -> texts.get("send.amount.invalid", detail(e)));
            }
        }
        model.validProperty().set(toOk && amountOk);
    }

    /** The wallet's message without its English "invalid address: " lead-in (the UI says that itself). */
    private static String detail(WalletException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return m.startsWith("invalid ") && colon > 0 ? m.substring(colon + 2) : m;
    }

    void review() {
        validate();
        Optional<UnlockedWallet> unlocked = context.unlocked();
        if (!model.validProperty().get() || unlocked.isEmpty() || model.busyProperty().get()) {
            return;
        }
        TronAddress to = WalletService.parseAddress(model.recipientProperty().get());
        Amount amount = WalletService.parseAmount(model.amountProperty().get(), assets.get(model.assetProperty().get()));
        WalletService service = context.service();
        UnlockedWallet from = unlocked.get();
        model.busyProperty().set(true);
        context.background().submit(() -> service.prepare(from, to, amount), p -> {
            model.busyProperty().set(false);
            showConfirmation(service, p);
        }, e -> {
            model.busyProperty().set(false);
            ErrorDialog.show(texts, view.root(), texts.get("send.prepareFailed"), e);
        });
    }

    private void showConfirmation(WalletService service, PreparedTransfer p) {
        prepared = p;
        Amount value = p.transfer().value();
        model.confirmNetworkProperty().set(service.network().name());
        model.confirmFromProperty().set(p.transfer().owner().toBase58());
        model.confirmToProperty().set(p.transfer().recipient().toBase58());
        model.confirmAmountProperty().set(value.toString());
        model.confirmFeeProperty().set(p.fee().toString());
        model.confirmFeeLimitProperty().set(p.feeLimitSun() > 0 ? p.feeLimit().toString() : "");
        model.confirmTotalProperty().set(value.asset().equals(Asset.TRX) ? value.add(p.fee()).toString()
                : value + " + " + p.fee());
        Instant expires = Instant.ofEpochMilli(p.expirationMillis());
        texts.show(model.confirmExpiresProperty(), () -> texts.time(FormatStyle.MEDIUM).format(expires));
        model.stepProperty().set(Step.CONFIRM);
    }

    void back() {
        prepared = null;
        model.stepProperty().set(Step.FORM);
    }

    void confirm() {
        PreparedTransfer p = prepared;
        if (p == null || model.busyProperty().get()) {
            return;
        }
        WalletService service = context.service();
        model.busyProperty().set(true);
        context.background().submit(() -> service.send(p), status -> {
            model.busyProperty().set(false);
            prepared = null;
            model.txidProperty().set(p.txid());
            showStatus(status);
            model.stepProperty().set(Step.STATUS);
            follow(service, p.txid());
        }, e -> {
            model.busyProperty().set(false);
            ErrorDialog.show(texts, view.root(), texts.get("send.sendFailed"), e);
            if (e instanceof WalletException && ((WalletException) e).reason() != WalletException.Reason.NETWORK) {
                back();
            }
        });
    }

    private void follow(WalletService service, String txid) {
        follow = context.background().submit(() -> service.await(txid, TxState.IN_BLOCK, IN_BLOCK_TIMEOUT),
                status -> {
                    showStatus(status);
                    context.refreshBalances();
                    if (!status.state().isFinal() && status.state() == TxState.IN_BLOCK) {
                        follow = context.background().submit(
                                () -> service.await(txid, TxState.SOLID, SOLID_TIMEOUT), s -> {
                                    showStatus(s);
                                    context.refreshBalances();
                                }, e -> texts.show(model.statusDetailProperty(), () -> ErrorDialog.message(texts, e)));
                    }
                }, e -> texts.show(model.statusDetailProperty(), () -> ErrorDialog.message(texts, e)));
    }

    private void showStatus(TxStatus s) {
        model.stateProperty().set(s.state());
        texts.show(model.statusDetailProperty(), () -> statusDetail(s));
    }

    private String statusDetail(TxStatus s) {
        StringBuilder d = new StringBuilder();
        if (s.blockNumber().isPresent()) {
            d.append(texts.get("send.status.block", Long.toString(s.blockNumber().getAsLong())));
        }
        if (s.state() == TxState.IN_BLOCK || s.state() == TxState.SOLID) {
            d.append(d.length() > 0 ? " · " : "").append(texts.get("send.status.fee",
                    Amount.ofUnits(s.feeSun(), Asset.TRX).toString()));
        }
        if (!s.detail().isEmpty()) {
            d.append(d.length() > 0 ? " · " : "").append(s.detail());
        }
        return d.toString();
    }

    void another() {
        cancelFollow();
        model.recipientProperty().set("");
        model.amountProperty().set("");
        model.stateProperty().set(null);
        model.txidProperty().set("");
        model.statusDetailProperty().set("");
        model.stepProperty().set(Step.FORM);
    }

    /** Back to an empty form (network switched, wallet locked). */
    public void reset() {
        prepared = null;
        another();
    }

    /** Stops following a sent transfer. */
    public void cancelFollow() {
        if (follow != null) {
            follow.cancel();
            follow = null;
        }
    }
}
