package org.swarmbid.app.btt;

import java.nio.file.Path;

/**
 * Where Swarmbid keeps its state when {@code --state-dir} is not given: {@code $SWARMBID_HOME}, else
 * {@code $XDG_DATA_HOME/swarmbid}, else {@code %APPDATA%/Swarmbid}, else {@code ~/.local/share/swarmbid}. The payment
 * ledger is {@value #LEDGER_FILE} inside it.
 */
public final class StateDir {
    /** The ledger's file name inside the state folder. */
    public static final String LEDGER_FILE = "ledger.sqlite";

    private StateDir() {
    }

    /** The default state folder. */
    public static Path defaultDir() {
        String home = System.getenv("SWARMBID_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "swarmbid");
        }
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return Path.of(appData, "Swarmbid");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "swarmbid");
    }

    /** The ledger file of a state folder. */
    public static Path ledger(Path stateDir) {
        return stateDir.resolve(LEDGER_FILE);
    }
}
