package org.swarmbid.core.tracker;

import java.util.Optional;

/**
 * The {@code event} of an announce (BEP 3), with its HTTP parameter value and its BEP 15 UDP code.
 *
 * <pre>
 *   event       HTTP "event="   UDP code
 *   NONE        (omitted)       0
 *   COMPLETED   completed       1
 *   STARTED     started         2
 *   STOPPED     stopped         3
 * </pre>
 */
public enum AnnounceEvent {
    NONE(null, 0),
    COMPLETED("completed", 1),
    STARTED("started", 2),
    STOPPED("stopped", 3);

    private final String httpValue;
    private final int udpCode;

    AnnounceEvent(String httpValue, int udpCode) {
        this.httpValue = httpValue;
        this.udpCode = udpCode;
    }

    /** Value of the HTTP {@code event} parameter; empty for {@link #NONE}, which omits the parameter. */
    public Optional<String> httpValue() {
        return Optional.ofNullable(httpValue);
    }

    /** The 32-bit event code of a BEP 15 announce request. */
    public int udpCode() {
        return udpCode;
    }
}
