package org.swarmbid.ui.bidding;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bidding screen's state: the settings form as typed (human amounts), the overrides, and what the ledger shows.
 *
 * <p>Threading: FX thread only.
 */
public final class BiddingModel {

    /** Chart range. */
    public enum Range {
        /** The last 48 hours by hour. */
        HOURS,
        /** The last 30 days by day. */
        DAYS
    }

    /** An override as the table shows it. */
    public record OverrideRow(String infoHash, String name, String maxPrice, String budget) {
    }

    private final BooleanProperty spendingEnabled = new SimpleBooleanProperty();
    private final StringProperty perTorrentBudget = new SimpleStringProperty("");
    private final StringProperty perDayBudget = new SimpleStringProperty("");
    private final StringProperty maxPrice = new SimpleStringProperty("");
    private final IntegerProperty paidSlots = new SimpleIntegerProperty();
    private final StringProperty reservePrice = new SimpleStringProperty("");
    private final ObservableList<OverrideRow> overrides = FXCollections.observableArrayList();
    private final ObservableList<TorrentNames.TorrentName> torrents = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<LedgerEntry> ledgerRows = FXCollections.observableArrayList();
    private final ObservableList<ActivitySeries.Point> chart = FXCollections.observableArrayList();
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.HOURS);
    private final StringProperty earned = new SimpleStringProperty("");
    private final StringProperty spent = new SimpleStringProperty("");
    private final StringProperty blocklisted = new SimpleStringProperty("");

    public BooleanProperty spendingEnabledProperty() {
        return spendingEnabled;
    }

    public StringProperty perTorrentBudgetProperty() {
        return perTorrentBudget;
    }

    public StringProperty perDayBudgetProperty() {
        return perDayBudget;
    }

    public StringProperty maxPriceProperty() {
        return maxPrice;
    }

    public IntegerProperty paidSlotsProperty() {
        return paidSlots;
    }

    public StringProperty reservePriceProperty() {
        return reservePrice;
    }

    public ObservableList<OverrideRow> overrides() {
        return overrides;
    }

    /** Torrents an override can name. */
    public ObservableList<TorrentNames.TorrentName> torrents() {
        return torrents;
    }

    /** Why the form was refused, or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    /** "Saved and applied 12:00:01". */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<LedgerEntry> ledgerRows() {
        return ledgerRows;
    }

    public ObservableList<ActivitySeries.Point> chart() {
        return chart;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public StringProperty earnedProperty() {
        return earned;
    }

    public StringProperty spentProperty() {
        return spent;
    }

    public StringProperty blocklistedProperty() {
        return blocklisted;
    }
}
