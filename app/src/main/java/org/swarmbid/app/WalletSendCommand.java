package org.swarmbid.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.FeeEstimate;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.PreparedTransfer;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarmbid wallet send --to ADDR --amount 1.5 --asset trx}: checks the address and the amount, unlocks, signs,
 * shows the fee estimate, asks, records, broadcasts, prints the txid and (with {@code --wait}) follows it to SOLID.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send TRX, BTT or legacy BTT. Shows the fee estimate and asks before sending.")
final class WalletSendCommand extends WalletSubcommand {
    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "recipient (T... address)")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT",
            description = "decimal amount, e.g. 1.5 (at most the asset's decimals; no rounding)")
    String amount;

    @Option(names = "--asset", paramLabel = "ASSET", defaultValue = "trx",
            description = "trx, btt (TRC-20) or bttold (TRC-10 1002000); default: trx")
    String asset;

    @Option(names = "--yes", description = "send without asking (automation only)")
    boolean yes;

    @Option(names = "--wait", description = "wait until the transaction is in a solidified block")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "how long --wait waits (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        TronAddress recipient = WalletService.parseAddress(to);
        if (timeoutSeconds <= 0) {
            throw new InputException("--timeout must be positive");
        }
        Asset what = wallet.asset(asset);
        Amount value = WalletService.parseAmount(amount, what);
        PrintWriter out = terminal.out();
        PreparedTransfer prepared;
        char[] password = common.passwords(terminal).read("Wallet password: ");
        try (UnlockedWallet unlocked = wallet.unlock(password)) {
            Arrays.fill(password, '\0');
            prepared = wallet.prepare(unlocked, recipient, value);
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("send      " + show(value));
        out.println("from      " + prepared.transfer().owner());
        out.println("to        " + recipient);
        out.println("network   " + wallet.network().name());
        out.println("fee       " + show(prepared.fee()) + " (estimate: " + describe(prepared.estimate())
                + (prepared.feeLimitSun() > 0 ? "; at most " + show(prepared.feeLimit()) : "") + ")");
        if (!yes && !terminal.confirm("Send?")) {
            out.println("not sent");
            return ExitCode.FAILURE;
        }
        TxStatus status = wallet.send(prepared);
        out.println("txid      " + prepared.txid());
        out.println("status    " + status.state());
        if (!await) {
            return ExitCode.OK;
        }
        out.flush();
        TxStatus last = wallet.await(prepared.txid(), TxState.SOLID, Duration.ofSeconds(timeoutSeconds));
        out.println("status    " + last.state() + last.blockNumber().stream().mapToObj(n -> " in block " + n)
                .findFirst().orElse("") + (last.state().compareTo(TxState.IN_BLOCK) >= 0
                        ? ", fee " + show(Amount.ofUnits(last.feeSun(), Asset.TRX)) : "")
                + (last.detail().isEmpty() ? "" : " (" + last.detail() + ")"));
        if (last.state() == TxState.SOLID) {
            return ExitCode.OK;
        }
        if (last.state().isFinal()) {
            return ExitCode.FAILURE;
        }
        terminal.err().println("swarmbid: still " + last.state() + " after " + timeoutSeconds + " s; see 'swarmbid"
                + " wallet history' later");
        return ExitCode.TIMEOUT;
    }

    private static String describe(FeeEstimate e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.bandwidthBytes()).append(" bytes of bandwidth")
                .append(e.bandwidthBurnSun() == 0 ? " (free)" : "");
        if (e.energyUsed() > 0) {
            sb.append(", ").append(e.energyUsed()).append(" energy");
        }
        if (e.activationSun() > 0) {
            sb.append(", activates the recipient's account");
        }
        return sb.toString();
    }
}
