package org.swarmbid.app;

import java.nio.file.Path;
import java.util.Arrays;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarmbid wallet passwd}: re-encrypts the keystore under a new password. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Change the wallet password (the keystore is replaced atomically; on failure it is untouched).")
final class WalletPasswordCommand extends WalletSubcommand {
    @Option(names = "--new-password-file", paramLabel = "FILE",
            description = "read the new password from FILE (automation only; or $SWARMBID_NEW_PASSWORD)")
    Path newPasswordFile;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        char[] old = common.passwords(terminal).read("Current password: ");
        char[] fresh = null;
        try {
            fresh = new Passwords(terminal, newPasswordFile, "SWARMBID_NEW_PASSWORD").readNew("New password: ");
            wallet.changePassword(old, fresh);
        } finally {
            Arrays.fill(old, '\0');
            if (fresh != null) {
                Arrays.fill(fresh, '\0');
            }
        }
        terminal.out().println("password changed for " + wallet.address());
        return ExitCode.OK;
    }
}
