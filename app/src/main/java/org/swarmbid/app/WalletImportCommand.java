package org.swarmbid.app;

import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.service.WalletService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarmbid wallet import --mnemonic | --private-key}: a wallet from an existing BIP-39 phrase or raw key. The
 * secret is read without echo (or from {@code --secret-file}, for automation), never from the command line.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a wallet from a BIP-39 mnemonic or a raw private key (64 hex digits).",
            "The secret is asked without echo; it is never taken from the command line."})
final class WalletImportCommand extends WalletSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--mnemonic", required = true, description = "import a BIP-39 phrase (12-24 words)")
        boolean mnemonic;

        @Option(names = "--private-key", required = true, description = "import a raw private key")
        boolean privateKey;
    }

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "read the phrase or key from the first line of FILE (automation only)")
    Path secretFile;

    @Option(names = "--passphrase", description = "also ask for the mnemonic's BIP-39 passphrase, if it has one")
    boolean askPassphrase;

    @Option(names = "--index", paramLabel = "I", defaultValue = "0", description = "address index (default: 0)")
    int index;

    @Option(names = "--forget-mnemonic", description = "do not keep the mnemonic in the keystore")
    boolean forgetMnemonic;

    @Override
    int run(WalletService wallet, Terminal terminal) {
        if (index < 0) {
            throw new InputException("--index must not be negative");
        }
        char[] secret = secretFile != null ? Passwords.fromFile(secretFile)
                : terminal.readSecret(kind.mnemonic ? "Mnemonic words: " : "Private key (hex): ");
        if (secret == null) {
            throw new InputException("no terminal to ask for the secret; for automation use --secret-file FILE");
        }
        char[] passphrase = new char[0];
        char[] password = null;
        TronAddress address;
        try {
            if (kind.mnemonic) {
                try (Mnemonic mnemonic = WalletService.parseMnemonic(CharBuffer.wrap(secret))) {
                    if (askPassphrase) {
                        passphrase = new Passwords(terminal, null, "SWARMBID_PASSPHRASE").read("BIP-39 passphrase: ");
                    }
                    password = common.passwords(terminal).readNew("Wallet password: ");
                    address = wallet.create(mnemonic, passphrase, index, password, !forgetMnemonic);
                }
            } else {
                password = common.passwords(terminal).readNew("Wallet password: ");
                address = wallet.importPrivateKey(CharBuffer.wrap(secret), password);
            }
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(passphrase, '\0');
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        terminal.out().println("address   " + address);
        terminal.out().println("network   " + wallet.network().name());
        terminal.out().println("keystore  " + wallet.folder().keystore());
        return ExitCode.OK;
    }
}
