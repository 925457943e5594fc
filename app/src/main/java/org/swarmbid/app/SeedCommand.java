package org.swarmbid.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmbid seed FILE.torrent --dir D}. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Check the data in DIR against the torrent and seed it until Ctrl-C.",
            "Exits 3 if the data is missing or incomplete."})
final class SeedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.torrent")
    Path torrent;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", required = true,
            description = "save folder holding the torrent's file or top folder")
    Path dir;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() throws IOException {
        session.validate(); // a bad option value is a usage error, reported before the files are looked at
        var m = TorrentFiles.read(torrent);
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such folder");
        }
        return new TransferRun(session, m, dir.toAbsolutePath().normalize(), System.out, List.of())
                .run(true, true, 0);
    }
}
