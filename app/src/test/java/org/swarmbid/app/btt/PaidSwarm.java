package org.swarmbid.app.btt;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.swarmbid.app.CliProcess;
import org.swarmbid.core.testing.FreePorts;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.devnet.Devnet;
import org.swarmbid.wallet.devnet.DevnetConfig;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.Keystore;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/**
 * A loopback swarm of real {@code swarmbid seed}/{@code download} processes paying each other on a devnet that runs
 * in this JVM (a block every 200 ms, solid 2 blocks later, full node on port P and solidity node on P + 10, where the
 * command line looks for it). Each {@link Party} has its own wallet folder (a fresh key, funded by the faucet) and
 * its own state folder (resume data and the payment ledger); the wallets use a cheap scrypt cost so that each
 * process unlocks in milliseconds. Processes log at INFO to their {@code .err} file. {@link #close()} kills every
 * process still running, by PID, then stops the devnet.
 */
final class PaidSwarm implements AutoCloseable {
    static final String PASSWORD = "swarm-Pa55word";
    static final Duration BLOCK_INTERVAL = Duration.ofMillis(200);
    static final int SOLID_LAG = 2;

    /** One participant: who pays or is paid, and where it keeps its state. */
    record Party(String name, Path walletDir, Path stateDir, TronAddress address) {
        Path ledger() {
            return StateDir.ledger(stateDir);
        }
    }

    final Path dir;
    final Devnet devnet;
    final Path passwordFile;
    private final List<CliProcess> processes = new ArrayList<>();
    private final WalletService observer;

    private PaidSwarm(Path dir, Devnet devnet) throws IOException {
        this.dir = dir;
        this.devnet = devnet;
        this.passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
        this.observer = WalletService.open(dir.resolve("observer-wallet"), walletOptions());
    }

    /** Starts the devnet. */
    static PaidSwarm start(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            int full = FreePorts.next();
            if (!FreePorts.isFree(full + 10)) {
                continue;
            }
            try {
                Devnet d = Devnet.start(DevnetConfig.forTests().withPorts(full, full + 10)
                        .withBlockInterval(BLOCK_INTERVAL).withSolidLag(SOLID_LAG));
                return new PaidSwarm(dir, d);
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    String node() {
        return "127.0.0.1:" + devnet.fullNodePort();
    }

    WalletOptions walletOptions() {
        return WalletOptions.defaults().withNetwork("devnet")
                .withNodes(node(), "127.0.0.1:" + devnet.solidityPort())
                .withKeystore(Keystore.withScryptCost(1024, 8, 1, new SecureRandom()));
    }

    /** A party with a new funded wallet ({@code trx} and {@code btt} in whole units; "0" funds nothing). */
    Party party(String name, String trx, String btt) {
        Path home = dir.resolve(name);
        Path walletDir = home.resolve("wallet");
        TronAddress address;
        try (WalletService w = WalletService.open(walletDir, walletOptions())) {
            address = w.importPrivateKey(randomKeyHex(), PASSWORD.toCharArray());
        }
        if (new BigInteger(trx.replace(".", "")).signum() > 0) {
            devnet.faucet(address, Amount.parse(trx, Asset.TRX));
        }
        if (new BigInteger(btt.replace(".", "")).signum() > 0) {
            devnet.faucet(address, Amount.parse(btt, Asset.BTT));
        }
        return new Party(name, walletDir, home.resolve("state"), address);
    }

    private static String randomKeyHex() {
        try (PrivateKey k = PrivateKey.generate(new SecureRandom())) {
            byte[] raw = k.toBytes();
            String hex = HexFormat.of().formatHex(raw);
            Arrays.fill(raw, (byte) 0);
            return hex;
        }
    }

    /** The options that give {@code p}'s wallet and ledger to {@code seed} or {@code download}. */
    List<String> paymentArgs(Party p) {
        return List.of("--state-dir", p.stateDir().toString(), "--wallet-dir", p.walletDir().toString(),
                "--node", node(), "--password-file", passwordFile.toString(), "--network", "devnet");
    }

    /** Starts {@code swarmbid ARGS} as its own process, logging at INFO; killed at {@link #close()}. */
    CliProcess run(String label, List<String> args) {
        CliProcess p = CliProcess.start(dir.resolve("logs"), label, List.of("-DSWARMBID_LOG=info"),
                args.toArray(new String[0]));
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    /** TRX balance in sun. */
    BigInteger trx(TronAddress a) {
        return observer.balances(a).trx().units();
    }

    /** BTT (TRC-20) balance in base units. */
    BigInteger btt(TronAddress a) {
        return observer.balances(a).btt().orElseThrow().units();
    }

    /** The chain's view of a transaction {@code p}'s wallet sent: state and fee (opens the wallet; not while a
     * process of {@code p} runs). */
    TxStatus sentTransaction(Party p, String txid) {
        try (WalletService w = WalletService.open(p.walletDir(), walletOptions())) {
            return w.refresh(txid);
        }
    }

    /** Waits until the devnet's solid head passes the current head (everything broadcast so far is solid). */
    void awaitSolid() throws InterruptedException {
        long head = devnet.headNumber();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (devnet.solidNumber() <= head + 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("devnet solid head stuck at " + devnet.solidNumber());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Polls {@code condition} every 200 ms until it holds; fails after {@code timeout}, or at once if a process in
     * {@code mustLive} died, with {@code state} and those processes' output.
     */
    /**
     * A condition for {@link #await}: true once {@code state} has been non-null and unchanged for {@code period}.
     * For books that must agree after a download's done-file, which appears when the last piece is verified, just
     * before that piece's cheque: agreement seen once may be the one before the last cheque.
     */
    static java.util.function.BooleanSupplier steady(Duration period, java.util.function.Supplier<Object> state) {
        Object[] seen = {null};
        long[] since = {0};
        return () -> {
            Object now = state.get();
            if (now == null || !now.equals(seen[0])) {
                seen[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] >= period.toNanos();
        };
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition,
            java.util.function.Supplier<String> state, CliProcess... mustLive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (CliProcess p : mustLive) {
                if (!p.isAlive()) {
                    throw new AssertionError("process died while waiting for " + what + ": " + state.get() + "\n"
                            + p.describe());
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder b = new StringBuilder("no " + what + " in " + timeout + ": " + state.get());
                for (CliProcess p : mustLive) {
                    b.append('\n').append(p.describe());
                }
                throw new AssertionError(b.toString());
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        synchronized (processes) {
            for (CliProcess p : processes) {
                try {
                    p.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        observer.close();
        devnet.close();
    }

}
