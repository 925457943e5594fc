package org.swarmbid.ui;

import java.nio.file.Path;
import java.util.Objects;
import org.swarmbid.core.api.Session;
import org.swarmbid.ui.common.BalanceSource;
import org.swarmbid.ui.common.EarningsSource;
import org.swarmbid.ui.settings.SettingsStore;

/**
 * What {@code app} hands the desktop client: the running engine and the sources of facts the engine does not know.
 *
 * @param session  the running engine session (the UI never closes it; {@code app} does after {@link
 *                 Desktop#awaitExit})
 * @param stateDir the state folder the CLI uses too (settings and the list of added torrents live here)
 * @param settings where settings are loaded from and saved to
 * @param earnings per-torrent earned/spent amounts, or {@link EarningsSource#NONE}
 * @param balance  the wallet balance, or {@link BalanceSource#NONE}
 */
public record DesktopServices(Session session, Path stateDir, SettingsStore settings, EarningsSource earnings,
        BalanceSource balance) {
    public DesktopServices {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(earnings, "earnings");
        Objects.requireNonNull(balance, "balance");
    }

    /** Services with no wallet and no bidding, settings in {@code stateDir}. */
    public static DesktopServices of(Session session, Path stateDir) {
        return new DesktopServices(session, stateDir, new SettingsStore(stateDir), EarningsSource.NONE,
                BalanceSource.NONE);
    }
}
