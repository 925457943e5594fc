package org.swarmbid.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.swarmbid.app.btt.BiddingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code swarmbid download FILE.torrent [--dir D]}. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download a torrent; exits 0 when every piece is verified.",
            "Ctrl-C stops cleanly; running the same command again resumes without re-downloading verified pieces."})
final class DownloadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.torrent")
    Path torrent;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "save folder: the torrent's name lives directly inside it (default: current folder)")
    Path dir;

    @Option(names = "--seed", description = "keep seeding after the download completes, until Ctrl-C")
    boolean seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "give up after this long (exit code 4); 0 = never")
    long timeout;

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
        Path saveDir = dir.toAbsolutePath().normalize();
        return wallet.run(bidding, session, spec, m, saveDir, r -> r.run(seed, false, timeout));
    }
}
