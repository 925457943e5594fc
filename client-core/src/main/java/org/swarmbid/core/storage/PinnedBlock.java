package org.swarmbid.core.storage;

import java.util.List;

/**
 * One block of a piece as file ranges whose channels stay open until {@link #close()}, so that a sendfile in
 * progress is never cut short by the file pool evicting or a torrent closing the channel.
 *
 * <p>For Netty: wrap each range in a {@code FileRegion} that does <em>not</em> close the channel when released
 * (Netty's {@code DefaultFileRegion} closes its channel on deallocation, which would break the shared pool), and
 * close this block when the last region is released. Close it exactly once; further closes are ignored.
 */
public final class PinnedBlock implements AutoCloseable {
    private final List<ChannelRange> ranges;
    private final List<FilePool.Lease> leases;
    private final int length;

    PinnedBlock(List<ChannelRange> ranges, List<FilePool.Lease> leases) {
        this.ranges = List.copyOf(ranges);
        this.leases = List.copyOf(leases);
        int n = 0;
        for (ChannelRange r : ranges) {
            n += r.length();
        }
        this.length = n;
    }

    /** The ranges, in order; their lengths add up to {@link #length()}. */
    public List<ChannelRange> ranges() {
        return ranges;
    }

    public int length() {
        return length;
    }

    @Override
    public void close() {
        for (FilePool.Lease l : leases) {
            l.close();
        }
    }
}
