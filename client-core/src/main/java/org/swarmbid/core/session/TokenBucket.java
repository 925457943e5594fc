package org.swarmbid.core.session;

/**
 * A token bucket for a byte rate limit: {@code rate} bytes per second, bursts up to one second's worth (at least
 * 64 KiB so a limit below one block still moves). Time is passed in. A rate of 0 means unlimited. Not thread-safe:
 * owned by the engine's loop.
 */
public final class TokenBucket {
    private long rate;
    private double tokens;
    private long lastMillis = Long.MIN_VALUE;

    public TokenBucket(long bytesPerSecond) {
        setRate(bytesPerSecond);
    }

    public void setRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("negative rate");
        }
        this.rate = bytesPerSecond;
        this.tokens = Math.min(tokens, capacity());
    }

    /** Bytes per second; 0 = unlimited. */
    public long rate() {
        return rate;
    }

    public boolean unlimited() {
        return rate == 0;
    }

    private double capacity() {
        return Math.max(rate, 64 * 1024);
    }

    /** Takes {@code bytes} if available now; returns false (taking nothing) otherwise. */
    public boolean tryTake(long bytes, long nowMillis) {
        if (rate == 0) {
            return true;
        }
        refill(nowMillis);
        if (tokens >= bytes || tokens >= capacity()) {
            tokens -= bytes;
            return true;
        }
        return false;
    }

    /** Takes bytes already spent (e.g. received before we could stop reading); may go negative. */
    public void consume(long bytes, long nowMillis) {
        if (rate == 0) {
            return;
        }
        refill(nowMillis);
        tokens -= bytes;
    }

    /** True if there is any budget left now. */
    public boolean available(long nowMillis) {
        if (rate == 0) {
            return true;
        }
        refill(nowMillis);
        return tokens > 0;
    }

    /** Milliseconds until {@code bytes} will be available (0 if now). */
    public long delayFor(long bytes, long nowMillis) {
        if (rate == 0) {
            return 0;
        }
        refill(nowMillis);
        double missing = Math.min(bytes, capacity()) - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * 1000.0 / rate);
    }

    private void refill(long nowMillis) {
        if (lastMillis == Long.MIN_VALUE) {
            lastMillis = nowMillis;
            tokens = capacity();
            return;
        }
        long elapsed = nowMillis - lastMillis;
        if (elapsed > 0) {
            tokens = Math.min(capacity(), tokens + elapsed * rate / 1000.0);
            lastMillis = nowMillis;
        }
    }
}
