package org.swarmbid.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.ChainClient;
import org.swarmbid.wallet.chain.ChainException;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.chain.TridentChainClient;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetFaucet;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.AssetName;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;
import org.swarmbid.wallet.service.WalletSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code swarmbid devnet faucet ADDRESS --amount A}: a transfer from the devnet's genesis account. */
@Command(name = "faucet", mixinStandardHelpOptions = true,
        description = "Fund ADDRESS on a running devnet with a transfer from its genesis account.")
final class DevnetFaucetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ADDRESS", description = "the address to fund")
    String address;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "decimal amount, e.g. 100")
    String amount;

    @Option(names = "--asset", paramLabel = "ASSET", defaultValue = "trx",
            description = "trx, btt or bttold (default: ${DEFAULT-VALUE})")
    String asset;

    @Option(names = "--node", paramLabel = "HOST:PORT",
            description = "the devnet's full node (default: 127.0.0.1:50051; solidity node: port + 10)")
    String node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            TronAddress to = WalletService.parseAddress(address);
            Asset what = AssetName.parse(asset).resolve(Devnet::bttOld);
            Amount value = WalletService.parseAmount(amount, what);
            Network network = devnetAt(node);
            if (to.equals(Devnet.GENESIS_ADDRESS)) {
                throw new InputException("that is the genesis account itself");
            }
            try (ChainClient chain = new TridentChainClient(network, Duration.ofSeconds(15))) {
                String txid = DevnetFaucet.send(chain, to, value);
                spec.commandLine().getOut().println("sent " + WalletSubcommand.show(value) + " to " + to + ", txid "
                        + txid);
            } catch (BroadcastRejectedException e) {
                throw new ChainException("the node refused the faucet transfer (is it a devnet?): " + e.getMessage());
            }
            return ExitCode.OK;
        } catch (WalletException e) {
            throw WalletSubcommand.translate(e);
        }
    }

    private static Network devnetAt(String node) {
        try {
            return new WalletSettings("devnet", Optional.ofNullable(node), Optional.empty()).toNetwork();
        } catch (IllegalArgumentException e) {
            throw new InputException("--node: " + e.getMessage());
        }
    }
}
