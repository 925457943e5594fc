package org.swarmbid.ui.wallet;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.Balances;

/**
 * What the wallet screen shows, as JavaFX properties the views bind to. Never holds a secret: the unlocked key
 * stays in the controller, the model knows only whether there is one.
 *
 * <p>Threading: FX thread only.
 */
public final class WalletModel {

    /** Which part of the screen is showing. */
    public enum Phase {
        /** Opening the service, reading the keystore. */
        LOADING,
        /** No wallet yet: create or import. */
        SETUP,
        /** A wallet exists: balances, receive, send, history. */
        READY
    }

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.LOADING);
    private final StringProperty network = new SimpleStringProperty("");
    private final ObjectProperty<TronAddress> address = new SimpleObjectProperty<>();
    private final ObjectProperty<Balances> balances = new SimpleObjectProperty<>();
    private final BooleanProperty balancesLoading = new SimpleBooleanProperty();
    private final StringProperty balancesStatus = new SimpleStringProperty("");
    private final BooleanProperty unlocked = new SimpleBooleanProperty();
    private final BooleanProperty unlocking = new SimpleBooleanProperty();
    private final StringProperty unlockMessage = new SimpleStringProperty("");

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** The network preset name the service talks to. */
    public StringProperty networkProperty() {
        return network;
    }

    /** The wallet's address (known without the password), null before a wallet exists. */
    public ObjectProperty<TronAddress> addressProperty() {
        return address;
    }

    /** The last balances read, null before the first read. */
    public ObjectProperty<Balances> balancesProperty() {
        return balances;
    }

    public BooleanProperty balancesLoadingProperty() {
        return balancesLoading;
    }

    /** "Updated 12:03:04" or why the read failed. */
    public StringProperty balancesStatusProperty() {
        return balancesStatus;
    }

    /** True while the controller holds an unlocked key. */
    public BooleanProperty unlockedProperty() {
        return unlocked;
    }

    /** True while scrypt runs. */
    public BooleanProperty unlockingProperty() {
        return unlocking;
    }

    /** Why the last unlock failed ("Wrong password."), or empty. */
    public StringProperty unlockMessageProperty() {
        return unlockMessage;
    }
}
