package org.swarmbid.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.swarmbid.app.btt.BiddingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Mixin
    BiddingOptions bidding;

    @Mixin
    PaymentWalletOptions wallet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        session.validate(); // a bad option value is a usage error, reported before the files are looked at
        var m = TorrentFiles.read(torrent);
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such folder");
        }
        Path saveDir = dir.toAbsolutePath().normalize();
        return wallet.run(bidding, session, spec, m, saveDir, r -> r.run(true, true, 0));
    }
}
