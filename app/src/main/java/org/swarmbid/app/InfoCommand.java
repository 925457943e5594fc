package org.swarmbid.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.swarmbid.core.metainfo.FileEntry;
import org.swarmbid.core.metainfo.InfoDictionary;
import org.swarmbid.core.metainfo.Metainfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code swarmbid info FILE.torrent}: what a torrent holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show what a .torrent file holds.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.torrent", description = "the torrent file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Metainfo m = TorrentFiles.read(file);
        InfoDictionary info = m.info();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("name:         %s%n", info.name());
        out.printf("info-hash:    %s%n", m.infoHash().hex());
        out.printf("size:         %s (%d bytes)%n", Progress.bytes(info.totalLength()), info.totalLength());
        out.printf("pieces:       %d x %s%n", info.pieceCount(), Progress.bytes(info.pieceLength()));
        out.printf("private:      %s%n", info.isPrivate() ? "yes" : "no");
        m.comment().ifPresent(c -> out.printf("comment:      %s%n", c));
        m.createdBy().ifPresent(c -> out.printf("created by:   %s%n", c));
        m.creationDate().ifPresent(d -> out.printf("created:      %s%n", d));
        List<List<String>> tiers = m.trackerTiers();
        for (int t = 0; t < tiers.size(); t++) {
            for (String url : tiers.get(t)) {
                out.printf("tracker:      %s (tier %d)%n", url, t);
            }
        }
        for (String ws : m.urlList()) {
            out.printf("web seed:     %s%n", ws);
        }
        out.printf("files:        %d%n", info.files().size());
        for (FileEntry f : info.files()) {
            out.printf("  %12d  %s%n", f.length(), f.displayPath());
        }
        out.flush();
        return ExitCode.OK;
    }
}
