package org.swarmbid.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.swarmbid.app.btt.BiddingOptions;
import org.swarmbid.app.btt.BiddingSetup;
import org.swarmbid.app.btt.Payments;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where {@code download} and {@code seed} find the wallet that pays and earns (only used with payment options; the
 * network is {@link BiddingOptions}'s {@code --network}).
 */
final class PaymentWalletOptions {
    @Option(names = "--wallet-dir", paramLabel = "DIR",
            description = "the wallet folder for payments (default: <state-dir>/wallet)")
    Path walletDir;

    @Option(names = "--node", paramLabel = "HOST:PORT",
            description = "TRON full node gRPC endpoint for payments (default: the network's)")
    String node;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "read the wallet password from FILE (automation only; else $SWARMBID_PASSWORD or a prompt)")
    Path passwordFile;

    /** Opens the wallet service for a paid run. */
    WalletService open(BiddingOptions bidding, Path stateDir) {
        String key = System.getenv("TRON_API_KEY");
        WalletOptions base = WalletOptions.defaults().withNodes(node, null).withApiKey(key);
        Path dir = walletDir != null ? walletDir : stateDir.resolve("wallet");
        return WalletService.open(dir, BiddingSetup.walletOptions(bidding, base));
    }

    Passwords passwords(Terminal terminal) {
        return new Passwords(terminal, passwordFile, "SWARMBID_PASSWORD");
    }

    /** What a command does with its transfer once it is built. */
    interface Transfer {
        int run(TransferRun run) throws IOException;
    }

    /**
     * Runs {@code transfer} plain, or, with payment options, with the bid extension: unlocks the wallet, opens the
     * ledger and builds the plugin, and closes them (wiping the key) after the engine.
     */
    int run(BiddingOptions bidding, SessionOptions session, CommandSpec spec, Metainfo m, Path saveDir,
            Transfer transfer) throws IOException {
        if (!bidding.enabled()) {
            return transfer.run(new TransferRun(session, m, saveDir, System.out, List.of()));
        }
        Passwords passwords = passwords(new Terminal(spec));
        try (WalletService w = open(bidding, session.stateDir());
             Payments payments = Payments.open(bidding, w, passwords::read, session.stateDir(),
                     session.config().chokeInterval())) {
            if (!session.quiet) {
                System.out.println("payments: " + payments.address() + " on " + w.network().name());
            }
            return transfer.run(new TransferRun(session, m, saveDir, System.out, payments));
        }
    }
}
