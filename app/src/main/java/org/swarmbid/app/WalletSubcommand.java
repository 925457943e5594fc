package org.swarmbid.app;

import java.util.concurrent.Callable;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The frame of every {@code swarmbid wallet} subcommand: the common options, the wallet service opened and closed
 * around the work, and {@link WalletException}s turned into exit codes — 3 for bad input (a bad address, amount or
 * mnemonic, a wrong password, a corrupt keystore, no wallet), 1 for the rest. Messages are one line and secret-free.
 */
abstract class WalletSubcommand implements Callable<Integer> {
    @Mixin
    WalletCliOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        Terminal terminal = new Terminal(spec);
        try (WalletService wallet = common.open()) {
            return run(wallet, terminal);
        } catch (WalletException e) {
            throw translate(e);
        } finally {
            terminal.out().flush();
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run(WalletService wallet, Terminal terminal);

    static RuntimeException translate(WalletException e) {
        switch (e.reason()) {
            case WRONG_PASSWORD:
            case CORRUPT_KEYSTORE:
            case INVALID_INPUT:
            case NO_WALLET:
                return new InputException(e.getMessage());
            default:
                return e;
        }
    }

    /** An amount with all its asset's decimals and its symbol: "1.500000 TRX". */
    static String show(Amount amount) {
        return amount.toFullPrecisionString() + " " + amount.asset().symbol();
    }
}
