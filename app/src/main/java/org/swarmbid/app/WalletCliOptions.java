package org.swarmbid.app;

import java.nio.file.Path;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Option;

/** Options every {@code swarmbid wallet} subcommand takes: where the wallet is, which network, how to get a password. */
final class WalletCliOptions {
    @Option(names = "--wallet-dir", paramLabel = "DIR",
            description = "the wallet folder (default: $SWARMBID_HOME/wallet, else ~/.local/share/swarmbid/wallet)")
    Path walletDir;

    @Option(names = "--network", paramLabel = "NAME",
            description = "devnet, nile, shasta or mainnet (default: the wallet's own; devnet for a new wallet)")
    String network;

    @Option(names = "--node", paramLabel = "HOST:PORT",
            description = "full node gRPC endpoint (default: the network's; the solidity node is HOST:PORT+10)")
    String node;

    @Option(names = "--solidity-node", paramLabel = "HOST:PORT", description = "solidity node gRPC endpoint")
    String solidityNode;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "TronGrid API key (default: $TRON_API_KEY); never stored or printed")
    String apiKey;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "read the wallet password from FILE (for automation only; otherwise it is asked without"
                    + " echo, or taken from $SWARMBID_PASSWORD, also for automation only)")
    Path passwordFile;

    /** The wallet folder to use. */
    Path walletDir() {
        if (walletDir != null) {
            return walletDir;
        }
        SessionOptions paths = new SessionOptions();
        return paths.stateDir().resolve("wallet");
    }

    /** Opens the wallet service with these options (the node is contacted lazily). */
    WalletService open() {
        String key = apiKey != null ? apiKey : System.getenv("TRON_API_KEY");
        WalletOptions options = WalletOptions.defaults().withNetwork(network).withNodes(node, solidityNode)
                .withApiKey(key);
        return WalletService.open(walletDir(), options);
    }

    /** Where the password comes from. */
    Passwords passwords(Terminal terminal) {
        return new Passwords(terminal, passwordFile, "SWARMBID_PASSWORD");
    }
}
