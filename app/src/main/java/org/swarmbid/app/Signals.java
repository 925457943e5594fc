package org.swarmbid.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP asks a running download or seed to announce to its trackers now (as the interop harness's
 * {@code reannounce} does for libtorrent with SIGUSR1; HotSpot reserves SIGUSR2). Where the JVM does not allow a
 * handler, nothing happens.
 */
final class Signals {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    @SuppressWarnings("restriction")
    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.debug("no SIGHUP handler: {}", e.toString());
        }
    }
}
