package org.swarmbid.app;

import java.io.PrintWriter;
import java.util.Optional;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.Balances;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code swarmbid wallet balance [ADDRESS]}: TRX, BTT and legacy BTT with all their decimals. */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = "Show the TRX, BTT and legacy BTT (BTTOLD) balances of the wallet or of ADDRESS.")
final class WalletBalanceCommand extends WalletSubcommand {
    @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "another address (default: the wallet's)")
    String address;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        TronAddress holder = address != null ? WalletService.parseAddress(address) : wallet.address();
        Balances b = wallet.balances(holder);
        PrintWriter out = terminal.out();
        out.println("address  " + holder);
        out.println("network  " + wallet.network().name());
        line(out, "TRX", Optional.of(b.trx()));
        line(out, "BTT", b.btt());
        line(out, "BTTOLD", b.bttOld());
        return ExitCode.OK;
    }

    private static void line(PrintWriter out, String label, Optional<Amount> amount) {
        out.printf("%-8s %s%n", label, amount.map(WalletSubcommand::show).orElse("(not on this network)"));
    }
}
