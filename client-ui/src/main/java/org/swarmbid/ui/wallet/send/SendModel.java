package org.swarmbid.ui.wallet.send;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.service.AssetName;

/**
 * The send tab's state: the form as typed with its live validation, the summary of a prepared transfer, and the
 * status of the sent one.
 *
 * <p>Threading: FX thread only.
 */
public final class SendModel {

    /** The page showing. */
    public enum Step {
        /** Asset, recipient, amount. */
        FORM,
        /** Everything the transfer will do, to confirm. */
        CONFIRM,
        /** Where the sent transfer stands. */
        STATUS
    }

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FORM);
    private final ObservableList<AssetName> assets = FXCollections.observableArrayList(AssetName.TRX, AssetName.BTT);
    private final ObjectProperty<AssetName> asset = new SimpleObjectProperty<>(AssetName.TRX);
    private final StringProperty recipient = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty recipientError = new SimpleStringProperty("");
    private final StringProperty amountError = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final StringProperty available = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty confirmNetwork = new SimpleStringProperty("");
    private final StringProperty confirmFrom = new SimpleStringProperty("");
    private final StringProperty confirmTo = new SimpleStringProperty("");
    private final StringProperty confirmAmount = new SimpleStringProperty("");
    private final StringProperty confirmFee = new SimpleStringProperty("");
    private final StringProperty confirmFeeLimit = new SimpleStringProperty("");
    private final StringProperty confirmTotal = new SimpleStringProperty("");
    private final StringProperty confirmExpires = new SimpleStringProperty("");
    private final ObjectProperty<TxState> state = new SimpleObjectProperty<>();
    private final StringProperty txid = new SimpleStringProperty("");
    private final StringProperty statusDetail = new SimpleStringProperty("");

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The assets this network has (legacy BTT only where it exists). */
    public ObservableList<AssetName> assets() {
        return assets;
    }

    public ObjectProperty<AssetName> assetProperty() {
        return asset;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /** Why the recipient is not an address, or empty. */
    public StringProperty recipientErrorProperty() {
        return recipientError;
    }

    /** Why the amount is not one, or empty. */
    public StringProperty amountErrorProperty() {
        return amountError;
    }

    /** Recipient and amount both parse. */
    public BooleanProperty validProperty() {
        return valid;
    }

    /** "Available: 12.5 TRX". */
    public StringProperty availableProperty() {
        return available;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty confirmNetworkProperty() {
        return confirmNetwork;
    }

    public StringProperty confirmFromProperty() {
        return confirmFrom;
    }

    public StringProperty confirmToProperty() {
        return confirmTo;
    }

    public StringProperty confirmAmountProperty() {
        return confirmAmount;
    }

    /** The node's fee estimate in TRX. */
    public StringProperty confirmFeeProperty() {
        return confirmFee;
    }

    /** The most a TRC-20 call may burn, or empty. */
    public StringProperty confirmFeeLimitProperty() {
        return confirmFeeLimit;
    }

    /** What leaves the wallet in total. */
    public StringProperty confirmTotalProperty() {
        return confirmTotal;
    }

    public StringProperty confirmExpiresProperty() {
        return confirmExpires;
    }

    /** Where the sent transfer stands, null before sending. */
    public ObjectProperty<TxState> stateProperty() {
        return state;
    }

    public StringProperty txidProperty() {
        return txid;
    }

    /** Block, fee paid, or why it failed. */
    public StringProperty statusDetailProperty() {
        return statusDetail;
    }
}
