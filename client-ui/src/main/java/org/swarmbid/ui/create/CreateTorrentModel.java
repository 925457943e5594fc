package org.swarmbid.ui.create;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The create-torrent form and its progress. FX thread only. */
public final class CreateTorrentModel {
    public final StringProperty source = new SimpleStringProperty("");
    public final StringProperty trackers = new SimpleStringProperty("");
    public final StringProperty webSeeds = new SimpleStringProperty("");
    public final StringProperty comment = new SimpleStringProperty("");
    public final BooleanProperty privateFlag = new SimpleBooleanProperty();
    /** Piece length in bytes, 0 = automatic. */
    public final IntegerProperty pieceLength = new SimpleIntegerProperty(0);
    public final StringProperty output = new SimpleStringProperty("");
    public final BooleanProperty startSeeding = new SimpleBooleanProperty(true);
    /** -1 while idle, else 0..1. */
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final StringProperty message = new SimpleStringProperty("");
}
