package org.swarmbid.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoException;
import org.swarmbid.core.metainfo.TorrentCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code swarmbid create PATH}: makes a .torrent from a file or a folder. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a .torrent file from a file or a folder.")
final class CreateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "file or folder to share")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: NAME.torrent)")
    Path output;

    @Option(names = {"-t", "--tracker"}, paramLabel = "URL",
            description = "announce URL; repeat for backups (each in its own tier)")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--piece-size", paramLabel = "SIZE",
            description = "piece size, a power of two such as 256K or 1M (default: chosen from the total size)")
    String pieceSize;

    @Option(names = "--private", description = "set the private flag (BEP 27): trackers only, no DHT or PEX")
    boolean privateFlag;

    @Option(names = {"-c", "--comment"}, paramLabel = "TEXT")
    String comment;

    @Option(names = "--no-date", description = "leave out the creation date (reproducible info-hash)")
    boolean noDate;

    @Option(names = "--force", description = "overwrite an existing output file")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(source)) {
            throw new InputException(source + ": no such file or folder");
        }
        Path src = source.toAbsolutePath().normalize();
        Path out = output != null ? output : Path.of(src.getFileName() + ".torrent");
        if (Files.exists(out) && !force) {
            throw new InputException(out + " already exists (use --force to overwrite)");
        }
        TorrentCreator c = TorrentCreator.from(src);
        for (String t : trackers) {
            c.announceTier(List.of(t));
        }
        if (pieceSize != null) {
            try {
                c.pieceLength(Sizes.parseInt(pieceSize, "--piece-size"));
            } catch (UsageException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UsageException("--piece-size: " + e.getMessage());
            }
        }
        if (comment != null) {
            c.comment(comment);
        }
        c.privateFlag(privateFlag);
        c.creationDate(noDate ? null : Instant.now());
        boolean terminal = System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread hook = new Thread(() -> cancelled.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        c.cancelWhen(cancelled::get);
        if (terminal) {
            c.progress((done, total) -> {
                err.printf(Locale.ROOT, "\rhashing %5.1f%%  %s of %s", total == 0 ? 100.0 : done * 100.0 / total,
                        Progress.bytes(done), Progress.bytes(total));
                err.flush();
            });
        }
        Metainfo m;
        try {
            m = c.create();
        } catch (MetainfoException e) {
            throw new InputException(e.getMessage());
        } finally {
            if (terminal) {
                err.println();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down
            }
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        Files.write(tmp, m.toTorrentBytes());
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s%n  info-hash %s, %d pieces of %s, %s%n", out, m.infoHash().hex(), m.info().pieceCount(),
                Progress.bytes(m.info().pieceLength()), Progress.bytes(m.info().totalLength()));
        o.flush();
        return ExitCode.OK;
    }
}
