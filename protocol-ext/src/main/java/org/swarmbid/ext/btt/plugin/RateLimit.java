package org.swarmbid.ext.btt.plugin;

/**
 * At most {@code perSecond} extension messages per connection in any one-second window (docs/btt-extension.md
 * section 10, error 17). Confined to the connection's loop.
 */
final class RateLimit {
    private final int perSecond;
    private long windowStart;
    private int count;
    private boolean warned;

    RateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Counts one message at {@code nowMillis}; false if it is over the limit. */
    boolean allow(long nowMillis) {
        if (nowMillis - windowStart >= 1000 || nowMillis < windowStart) {
            windowStart = nowMillis;
            count = 0;
            warned = false;
        }
        return ++count <= perSecond;
    }

    /** True the first time in a window that a message was refused (send error 17 once per window). */
    boolean firstRefusal() {
        if (warned) {
            return false;
        }
        warned = true;
        return true;
    }
}
