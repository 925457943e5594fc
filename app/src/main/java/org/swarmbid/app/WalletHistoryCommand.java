package org.swarmbid.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarmbid wallet history}: the wallet's transactions on this network, newest first, with their status. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the wallet's transactions on this network, newest first, with their status.")
final class WalletHistoryCommand extends WalletSubcommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N entries (default: 50)")
    int limit;

    @Option(names = "--offline", description = "do not ask the node for updates of unsettled entries")
    boolean offline;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        if (limit < 1 || limit > 10_000) {
            throw new InputException("--limit must be in [1, 10000]");
        }
        TronAddress me = wallet.address();
        if (!offline) {
            try {
                wallet.refreshUnsettled();
            } catch (WalletException e) {
                if (e.reason() != WalletException.Reason.NETWORK) {
                    throw e;
                }
                terminal.err().println("swarmbid: showing the last known states: " + e.getMessage());
            }
        }
        List<HistoryEntry> entries = wallet.history(limit);
        PrintWriter out = terminal.out();
        if (entries.isEmpty()) {
            out.println("no transactions on " + wallet.network().name());
            return ExitCode.OK;
        }
        for (HistoryEntry e : entries) {
            boolean outgoing = e.from().equals(me);
            out.printf("%s  %-9s %s%s  %s %s  fee %s%s  txid %s%n", TIME.format(Instant.ofEpochMilli(e.createdAtMillis())),
                    e.state(), outgoing ? "-" : "+", show(e.amount()), outgoing ? "to" : "from",
                    outgoing ? e.to() : e.from(), show(e.fee()),
                    e.blockNumber().isPresent() ? "  block " + e.blockNumber().getAsLong() : "", e.txid());
            if (!e.detail().isEmpty()) {
                out.println("    " + e.detail());
            }
        }
        return ExitCode.OK;
    }
}
