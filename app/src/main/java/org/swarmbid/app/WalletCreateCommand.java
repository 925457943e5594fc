package org.swarmbid.app;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletException;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarmbid wallet create}: a new wallet from a new BIP-39 mnemonic, shown once and confirmed by typing three
 * requested words, then encrypted under a password.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a wallet from a new BIP-39 mnemonic (key m/44'/195'/0'/0/INDEX).",
            "The words are shown once; you confirm by typing three of them."})
final class WalletCreateCommand extends WalletSubcommand {
    /** How many words the user confirms. */
    static final int CONFIRM_WORDS = 3;

    @Option(names = "--words", paramLabel = "N", defaultValue = "12", description = "12 or 24 (default: 12)")
    int words;

    @Option(names = "--passphrase", description = "also ask for a BIP-39 passphrase (the \"25th word\"; or"
            + " $SWARMBID_PASSPHRASE for automation); it is not stored anywhere, and without it the mnemonic restores a"
            + " different wallet")
    boolean askPassphrase;

    @Option(names = "--index", paramLabel = "I", defaultValue = "0", description = "address index (default: 0)")
    int index;

    @Option(names = "--forget-mnemonic",
            description = "do not keep the mnemonic in the keystore (by default it is kept, encrypted like the key)")
    boolean forgetMnemonic;

    @Option(names = "--yes", description = "skip the word confirmation (automation only)")
    boolean yes;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        if (wallet.exists()) {
            throw new WalletException(WalletException.Reason.WALLET_EXISTS, "a wallet already exists in "
                    + wallet.folder().dir() + " (it is never overwritten; use another --wallet-dir)");
        }
        if (words != 12 && words != 24) {
            throw new InputException("--words must be 12 or 24");
        }
        if (index < 0) {
            throw new InputException("--index must not be negative");
        }
        PrintWriter out = terminal.out();
        try (Mnemonic mnemonic = WalletService.newMnemonic(words)) {
            show(out, mnemonic.words());
            if (!yes) {
                confirm(terminal, mnemonic.words());
            }
            char[] passphrase = askPassphrase
                    ? new Passwords(terminal, null, "SWARMBID_PASSPHRASE").readNew("BIP-39 passphrase: ") : new char[0];
            char[] password = common.passwords(terminal).readNew("Wallet password: ");
            try {
                TronAddress address = wallet.create(mnemonic, passphrase, index, password, !forgetMnemonic);
                out.println("address   " + address);
                out.println("network   " + wallet.network().name());
                out.println("keystore  " + wallet.folder().keystore());
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(passphrase, '\0');
            }
        }
        return ExitCode.OK;
    }

    private static void show(PrintWriter out, List<String> words) {
        out.println("Your recovery words. Write them down, in order, and keep them offline: anyone who has them owns"
                + " the wallet, and they are shown only now.");
        for (int i = 0; i < words.size(); i++) {
            out.printf("%4d %-10s%s", i + 1, words.get(i), (i % 6 == 5) ? System.lineSeparator() : "");
        }
        out.println();
    }

    private static void confirm(Terminal terminal, List<String> words) {
        SecureRandom random = new SecureRandom();
        TreeSet<Integer> positions = new TreeSet<>();
        while (positions.size() < CONFIRM_WORDS) {
            positions.add(random.nextInt(words.size()));
        }
        for (int p : positions) {
            String typed = terminal.readLine("Type word #" + (p + 1) + ": ").strip().toLowerCase(Locale.ROOT);
            if (!typed.equals(words.get(p))) {
                throw new InputException("word #" + (p + 1) + " does not match; nothing was written (run create"
                        + " again for new words)");
            }
        }
    }
}
