package org.swarmbid.core.spi;

import java.nio.file.Path;

/** What a plugin may see of one torrent. */
public interface TorrentContext {

    /** Hex info-hash. */
    String infoHash();

    byte[] infoHashBytes();

    String name();

    int pieceCount();

    long pieceLength();

    long totalLength();

    /** Length of one piece (the last one is shorter). */
    int pieceSize(int piece);

    /** True once every wanted piece is verified. */
    boolean isComplete();

    /** Wanted bytes not yet verified (0 once complete; everything while the torrent is still being checked). */
    long bytesLeft();

    /** The save folder. */
    Path saveDir();

    /** Runs a task on the torrent's event loop (from any thread). */
    void execute(Runnable task);
}
