package org.swarmbid.app;

import java.nio.file.Path;
import org.swarmbid.app.btt.BiddingOptions;
import org.swarmbid.app.btt.BiddingSetup;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;
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
}
