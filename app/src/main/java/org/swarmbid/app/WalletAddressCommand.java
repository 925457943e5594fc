package org.swarmbid.app;

import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;

/** {@code swarmbid wallet address}: the wallet's address (no password needed). */
@Command(name = "address", mixinStandardHelpOptions = true, description = "Print the wallet's address.")
final class WalletAddressCommand extends WalletSubcommand {
    @Override
    int run(WalletService wallet, Terminal terminal) {
        terminal.out().println(wallet.address().toBase58());
        return ExitCode.OK;
    }
}
