package org.swarmbid.app;

import java.nio.file.Path;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarmbid wallet export --out FILE}: a backup copy of the encrypted keystore. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a backup of the keystore (still encrypted with the wallet password).",
            "FILE must not exist; it is written owner-only."})
final class WalletExportCommand extends WalletSubcommand {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the backup")
    Path out;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        wallet.exportBackup(out);
        terminal.out().println("backup written to " + out.toAbsolutePath()
                + " (encrypted with the wallet password; keep both safe, apart)");
        return ExitCode.OK;
    }
}
