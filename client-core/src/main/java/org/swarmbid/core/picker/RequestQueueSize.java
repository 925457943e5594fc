package org.swarmbid.core.picker;

/**
 * How many block requests to keep outstanding with one peer, as a pure function of the download rate measured
 * from that peer.
 *
 * <p>The rule is libtorrent's {@code request_queue_time} setting (settings_pack, default 3 seconds; upper bound
 * {@code max_out_request_queue}, default 500): keep enough requests in flight to cover the bytes the peer will
 * deliver in {@code queueTimeSeconds}, so the pipe never runs dry while a request crosses the network:
 * <pre>
 *   depth = clamp( ceil(rate [B/s] * queueTimeSeconds / BLOCK_SIZE), min, max )
 * </pre>
 * A fast peer (10 MB/s, 3 s) gets {@code ceil(30 MB / 16 KiB) = 1832 -> 500}; an idle or new peer gets {@code min}.
 *
 * <p>Slow start ({@link #depthFor(long, long)}): until the first whole second of data has been measured the rate is
 * unknown, and {@code min} requests would cap a fast link for that second (16 blocks in flight on loopback carry
 * ~100-150 MB/s, a third of what the link does; a 1 GiB download is over in 3 s). Like libtorrent's slow start,
 * each block received then adds one request, so the queue doubles every round trip until the first measured
 * second replaces the guess:
 * <pre>
 *   depth = clamp( min + blocksReceived, min, max )     while rate = 0
 * </pre>
 * A slow peer receives few blocks in that second, so its queue stays near {@code min}.
 *
 * @param queueTimeSeconds seconds of download the queue should cover, &gt; 0
 * @param min              lower bound, &gt;= 1 (a new peer's rate is unknown; start here)
 * @param max              upper bound, &gt;= min (also bounds what a peer must hold for us)
 */
public record RequestQueueSize(double queueTimeSeconds, int min, int max) {
    /** 3 s of download, between 4 and 500 requests (libtorrent's defaults). */
    public static final RequestQueueSize DEFAULT = new RequestQueueSize(3.0, 4, 500);
    /**
     * What Swarmbid's engine keeps outstanding with each peer: 3 s of download between 16 and 1000 requests (a
     * loopback or LAN peer delivers 300+ MB/s, which 500 requests of 16 KiB no longer cover for a round trip of
     * the seeder's disk). Plugins that bound what a peer can still send read {@code ENGINE.max()}.
     */
    public static final RequestQueueSize ENGINE = new RequestQueueSize(3.0, 16, 1000);

    public RequestQueueSize {
        if (!(queueTimeSeconds > 0) || Double.isInfinite(queueTimeSeconds)) {
            throw new IllegalArgumentException("queue time " + queueTimeSeconds + " s is not a positive number");
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bad queue bounds [" + min + ", " + max + "]");
        }
    }

    /**
     * {@link #depthFor(long)}, and while no rate is measured yet ({@code bytesPerSecond <= 0}) the slow-start depth
     * {@code min + blocksReceived} (bounded by {@code max}).
     */
    public int depthFor(long bytesPerSecond, long blocksReceived) {
        if (bytesPerSecond > 0 || blocksReceived <= 0) {
            return depthFor(bytesPerSecond);
        }
        return (int) Math.min(max, min + blocksReceived);
    }

    /** Desired number of outstanding requests for a peer that sends {@code bytesPerSecond} (negative counts as 0). */
    public int depthFor(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return min;
        }
        double blocks = Math.ceil(bytesPerSecond * queueTimeSeconds / PieceGeometry.BLOCK_SIZE);
        if (blocks >= max) {
            return max;
        }
        return Math.max(min, (int) blocks);
    }
}
