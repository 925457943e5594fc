package org.swarmbid.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoException;
import org.swarmbid.core.metainfo.MetainfoParser;

/** Reads .torrent files named on the command line, turning every failure into a one-line {@link InputException}. */
final class TorrentFiles {
    private TorrentFiles() {
    }

    static Metainfo read(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, not a .torrent file");
        }
        try {
            return MetainfoParser.read(file);
        } catch (MetainfoException e) {
            throw new InputException(file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }
}
