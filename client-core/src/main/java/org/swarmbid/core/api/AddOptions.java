package org.swarmbid.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to add a torrent.
 *
 * @param saveDir the folder the torrent's name (file or top directory) lives in
 * @param paused  add without starting
 * @param trustExistingData skip the initial check and treat the data as complete (BEP-less "seed mode"; each piece
 *                is then verified when first read for upload). Only for data we just created ourselves.
 */
public record AddOptions(Path saveDir, boolean paused, boolean trustExistingData) {

    public AddOptions {
        Objects.requireNonNull(saveDir, "saveDir");
    }

    public static AddOptions in(Path saveDir) {
        return new AddOptions(saveDir, false, false);
    }
}
