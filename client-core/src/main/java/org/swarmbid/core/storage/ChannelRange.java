package org.swarmbid.core.storage;

import java.nio.channels.FileChannel;

/**
 * A byte range of an open file, for zero-copy transfer ({@code FileChannel.transferTo}, sendfile).
 *
 * @param channel  the pinned channel; do not close it, close the owning {@link PinnedBlock}
 * @param position start inside the file
 * @param length   bytes to send
 */
public record ChannelRange(FileChannel channel, long position, int length) {
}
