package org.swarmbid.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code swarmbid wallet ...}: the TRON wallet (keys, balances, transfers). Without a subcommand, prints help. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = {"The TRON wallet: TRX, BTT (TRC-20) and legacy BTT (TRC-10 1002000).",
            "Non-custodial: the key is kept encrypted in the wallet folder and unlocked only to sign."},
        subcommands = {WalletCreateCommand.class, WalletImportCommand.class, WalletAddressCommand.class,
            WalletBalanceCommand.class, WalletSendCommand.class, WalletHistoryCommand.class,
            WalletExportCommand.class, WalletPasswordCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failure (network, node refused, insufficient funds, file exists)",
            "2:bad command line", "3:bad input (bad address or amount, wrong password, corrupt keystore, no wallet)",
            "4:timed out waiting (--wait)"})
final class WalletCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
