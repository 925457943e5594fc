package org.swarmbid.app.btt;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.swarmbid.bidding.ledger.LedgerException;
import org.swarmbid.bidding.ledger.LedgerSnapshot;
import org.swarmbid.bidding.ledger.LedgerView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarmbid ledger [--state-dir DIR] [--json] [--limit N]}: what the bid extension recorded — bids, cheques sent
 * and received, receipts, settlements with their chain status, totals per counterparty and the blocklist — in human
 * units. Opens the ledger read-only ({@link LedgerView}) and never changes it. Exit codes: 0 shown, 2 bad option,
 * 3 no ledger or a corrupt one (one line on stderr).
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Show the payment ledger of the bid extension (read-only).",
            "Bids, cheques, receipts, settlements with chain status, totals per counterparty, blocklist."})
public final class LedgerCommand implements Callable<Integer> {
    /** Exit code for a missing or corrupt ledger (the app's "bad input"). */
    public static final int BAD_INPUT = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "the state folder download/seed use (default: $SWARMBID_HOME, else ~/.local/share/swarmbid)")
    Path stateDir;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "newest rows shown per list (default: ${DEFAULT-VALUE}; totals always count everything)")
    int limit;

    @Option(names = "--asset", paramLabel = "ASSET", defaultValue = "btt",
            description = "asset of the summary when the ledger is empty: btt, trx or btt-old (default: ${DEFAULT-VALUE})")
    String asset;

    @Override
    public Integer call() {
        if (limit < 0 || limit > 100_000) {
            throw new BiddingOptionException("--limit: " + limit + " is not between 0 and 100000");
        }
        SettlementAsset defaultAsset;
        try {
            defaultAsset = SettlementAsset.byName(asset);
        } catch (IllegalArgumentException e) {
            throw new BiddingOptionException("--asset: " + e.getMessage());
        }
        Path file = StateDir.ledger(stateDir != null ? stateDir : StateDir.defaultDir());
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            return badInput("no ledger at " + file + " (nothing was bought or sold with this state folder yet;"
                    + " see --state-dir)");
        }
        LedgerSnapshot snapshot;
        try (LedgerView view = LedgerView.open(file)) {
            snapshot = view.snapshot(limit);
        } catch (LedgerException e) {
            return badInput(e.getMessage());
        }
        out.print(json ? LedgerReport.json(snapshot, defaultAsset) : LedgerReport.text(snapshot, defaultAsset));
        out.flush();
        return 0;
    }

    private int badInput(String message) {
        spec.commandLine().getErr().println("swarmbid: " + message);
        spec.commandLine().getErr().flush();
        return BAD_INPUT;
    }
}
