package org.swarmbid.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swarmbid devnet}: runs a local TRON-compatible node on 127.0.0.1 until Ctrl-C, and prints the funded
 * development account. {@code swarmbid devnet faucet} funds an address on a running devnet.
 */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = {"Run a local TRON devnet on 127.0.0.1 (the default network of 'swarmbid wallet') until"
            + " Ctrl-C.", "Its genesis account holds the supply; its key is public: development only."},
        subcommands = DevnetFaucetCommand.class)
final class DevnetCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "" + Network.DEVNET_FULL_NODE_PORT,
            description = "full node gRPC port (default: ${DEFAULT-VALUE}); the solidity node listens on P+10")
    int port;

    @Option(names = "--solidity-port", paramLabel = "P", description = "solidity node gRPC port (default: --port + 10)")
    Integer solidityPort;

    @Option(names = "--block-interval", paramLabel = "SECONDS", defaultValue = "3",
            description = "seconds between blocks, decimals allowed (default: ${DEFAULT-VALUE})")
    BigDecimal blockInterval;

    @Option(names = "--solid-lag", paramLabel = "N", defaultValue = "19",
            description = "blocks until a block is solid (default: ${DEFAULT-VALUE}, as on TRON)")
    int solidLag;

    @Option(names = "--data", paramLabel = "DIR", description = "keep the chain in DIR/devnet.db (default: in memory)")
    Path data;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true, description = "stop by itself (tests)")
    Long stopAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int solidity = solidityPort != null ? solidityPort : port + 10;
        if (port < 0 || port > 65535 || solidity < 0 || solidity > 65535) {
            throw new InputException("ports must be in [0, 65535]");
        }
        Duration interval = interval();
        DevnetConfig config = DevnetConfig.defaults().withPorts(port, solidity).withBlockInterval(interval)
                .withSolidLag(solidLag);
        if (data != null) {
            Files.createDirectories(data);
            config = config.withDatabase(data.resolve("devnet.db"));
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Devnet devnet = startOrExplain(config)) {
            Thread hook = new Thread(() -> {
                devnet.close();
                stopped.countDown();
            }, "devnet-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            printBanner(out, devnet, interval);
            boolean byItself = stopAfter != null && !stopped.await(stopAfter, TimeUnit.SECONDS);
            if (stopAfter == null) {
                stopped.await();
            }
            if (byItself) {
                Runtime.getRuntime().removeShutdownHook(hook);
                out.println("devnet stopped");
                out.flush();
            }
        }
        return ExitCode.OK;
    }

    private Duration interval() {
        if (blockInterval.signum() <= 0 || blockInterval.compareTo(BigDecimal.valueOf(3600)) > 0) {
            throw new InputException("--block-interval must be in (0, 3600] seconds");
        }
        long ms = blockInterval.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        if (ms < 10) {
            throw new InputException("--block-interval must be at least 0.01 seconds");
        }
        return Duration.ofMillis(ms);
    }

    private static Devnet startOrExplain(DevnetConfig config) throws IOException {
        try {
            return Devnet.start(config);
        } catch (IOException e) {
            throw new IOException("cannot start the devnet on ports " + config.fullNodePort() + "/"
                    + config.solidityPort() + " (in use? try --port): " + Main.oneLine(e), e);
        }
    }

    private static void printBanner(PrintWriter out, Devnet devnet, Duration interval) {
        out.printf("devnet running: full node 127.0.0.1:%d, solidity node 127.0.0.1:%d, a block every %s s, solid"
                + " after %d blocks%n", devnet.fullNodePort(), devnet.solidityPort(),
                BigDecimal.valueOf(interval.toMillis(), 3).stripTrailingZeros().toPlainString(),
                devnet.config().solidLag());
        try (PrivateKey genesis = Devnet.genesisKey()) {
            TronAddress address = genesis.address();
            out.println("funded dev account (its key is public: development only, never on a real network):");
            out.println("  address      " + address);
            out.println("  private key  " + Devnet.GENESIS_PRIVATE_KEY_HEX);
            out.println("  holds        " + Amount.ofUnits(Devnet.GENESIS_TRX_SUN, Asset.TRX) + ", all BTT and all"
                    + " BTTOLD (" + Devnet.BTT_TRC10_ID + ")");
        }
        out.println("fund an address:  swarmbid devnet faucet ADDRESS --amount 100 --asset trx"
                + (devnet.fullNodePort() == Network.DEVNET_FULL_NODE_PORT ? ""
                        : " --node 127.0.0.1:" + devnet.fullNodePort()));
        out.println("Ctrl-C stops it.");
        out.flush();
    }
}
