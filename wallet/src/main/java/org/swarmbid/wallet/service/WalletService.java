package org.swarmbid.wallet.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.chain.BroadcastRejectedException;
import org.swarmbid.wallet.chain.ChainClient;
import org.swarmbid.wallet.chain.ChainException;
import org.swarmbid.wallet.chain.FeeEstimate;
import org.swarmbid.wallet.chain.HeadBlock;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.chain.TridentChainClient;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.wallet.history.HistoryEntry;
import org.swarmbid.wallet.history.HistoryException;
import org.swarmbid.wallet.history.Outbox;
import org.swarmbid.wallet.history.TransactionHistory;
import org.swarmbid.wallet.key.InvalidMnemonicException;
import org.swarmbid.wallet.key.Mnemonic;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.keystore.InvalidKeystoreException;
import org.swarmbid.wallet.keystore.KeystoreDocument;
import org.swarmbid.wallet.keystore.KeystoreException;
import org.swarmbid.wallet.keystore.KeystoreFiles;
import org.swarmbid.wallet.keystore.WrongPasswordException;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;

/**
 * The wallet as its users see it (the command line, the desktop UI, the bid extension's settlement adapter): one
 * wallet folder ({@link WalletFolder}), one network, and the operations create / import / unlock / balances /
 * prepare + send / await / history / export / change password.
 *
 * <p>Non-custodial: the key exists decrypted only inside an {@link UnlockedWallet}, which the caller locks. Passwords
 * are {@code char[]} the caller owns and wipes; nothing here keeps them. Every failure is a {@link WalletException}
 * with a {@link WalletException.Reason} and a one-line, secret-free message.
 *
 * <p>Threading: thread-safe. Every method may block (scrypt takes about a second at the standard cost; node calls
 * take a network round trip), so call them off event loops and the UI thread; each node call is bounded by
 * {@link WalletOptions#callTimeout()}, {@link #await} by its timeout. The node is contacted lazily: creating,
 * importing, unlocking and exporting work offline.
 */
public final class WalletService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalletService.class);
    /** The address index new wallets use: {@code m/44'/195'/0'/0/0}. */
    public static final int DEFAULT_ADDRESS_INDEX = 0;

    private final WalletFolder folder;
    private final WalletOptions options;
    private final WalletSettings settings;
    private final Network network;
    private final Function<Network, ChainClient> chainFactory;
    private final Object lock = new Object();
    private ChainClient chain;
    private TransactionHistory history;
    private Outbox outbox;
    private volatile Optional<Asset.Trc10> bttOld;
    private boolean closed;

    private WalletService(WalletFolder folder, WalletOptions options, Function<Network, ChainClient> chainFactory) {
        this.folder = folder;
        this.options = options;
        this.settings = effectiveSettings(folder, options);
        this.network = settings.toNetwork().withApiKey(options.apiKey().orElse(null));
        this.chainFactory = chainFactory;
    }

    /**
     * The wallet in {@code dir} (which need not exist yet), talking to nodes through Trident.
     *
     * @throws WalletException INVALID_INPUT for an unknown network or a malformed endpoint, IO for unreadable settings
     */
    public static WalletService open(Path dir, WalletOptions options) {
        return open(dir, options, n -> new TridentChainClient(n, options.callTimeout()));
    }

    /** As {@link #open(Path, WalletOptions)} with another {@link ChainClient} (tests, other transports). */
    public static WalletService open(Path dir, WalletOptions options, Function<Network, ChainClient> chainFactory) {
        try {
            return new WalletService(new WalletFolder(dir), options, chainFactory);
        } catch (UncheckedIOException e) {
            throw new WalletException(WalletException.Reason.IO, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    private static WalletSettings effectiveSettings(WalletFolder folder, WalletOptions options) {
        WalletSettings saved = folder.readSettings();
        String name = options.network().orElse(saved.network());
        boolean sameNetwork = name.equals(saved.network());
        return new WalletSettings(name,
                options.fullNode().or(() -> sameNetwork ? saved.fullNode() : Optional.empty()),
                options.solidityNode().or(() -> sameNetwork && options.fullNode().isEmpty()
                        ? saved.solidityNode() : Optional.empty()));
    }

    /** The wallet's files. */
    public WalletFolder folder() {
        return folder;
    }

    /** The network this service talks to (API key hidden in its toString). */
    public Network network() {
        return network;
    }

    /** True if the folder holds a keystore. */
    public boolean exists() {
        return folder.hasKeystore();
    }

    // ------------------------------------------------------------------ keys and keystore

    /** A fresh BIP-39 mnemonic of 12 or 24 words from {@link SecureRandom}; the caller destroys it. */
    public static Mnemonic newMnemonic(int words) {
        try {
            return Mnemonic.generate(words, new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    /**
     * Validates a typed mnemonic (word list, count, checksum); the caller destroys it.
     *
     * @throws WalletException INVALID_INPUT naming the problem (never a word)
     */
    public static Mnemonic parseMnemonic(CharSequence phrase) {
        try {
            return Mnemonic.parse(phrase);
        } catch (InvalidMnemonicException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    /**
     * Parses an address ({@code T...} or 41-hex), catching typos through the Base58Check checksum.
     *
     * @throws WalletException INVALID_INPUT naming the problem
     */
    public static TronAddress parseAddress(String text) {
        try {
            return TronAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, "invalid address: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the wallet from a mnemonic: derives {@code m/44'/195'/0'/0/index} with the passphrase, encrypts the key
     * (and the phrase, if {@code keepMnemonic}) under {@code password}, and writes the keystore and the settings.
     *
     * @throws WalletException WALLET_EXISTS if there is a keystore already (it is never replaced), IO
     */
    public TronAddress create(Mnemonic mnemonic, char[] passphrase, int index, char[] password, boolean keepMnemonic) {
        try (PrivateKey key = mnemonic.deriveTronKey(passphrase, index)) {
            return store(key, keepMnemonic ? mnemonic : null, password, "created");
        }
    }

    /**
     * Imports a raw private key (64 hex digits, optional {@code 0x}).
     *
     * @throws WalletException INVALID_INPUT (never echoing the key), WALLET_EXISTS, IO
     */
    public TronAddress importPrivateKey(CharSequence hex, char[] password) {
        PrivateKey key;
        try {
            key = PrivateKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage());
        }
        try (key) {
            return store(key, null, password, "imported");
        }
    }

    private TronAddress store(PrivateKey key, Mnemonic mnemonic, char[] password, String verb) {
        if (password.length == 0) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, "the password must not be empty");
        }
        synchronized (lock) {
            if (folder.hasKeystore()) {
                throw walletExists();
            }
            KeystoreDocument doc = options.keystore().encrypt(key, mnemonic, password);
            try {
                folder.create();
                KeystoreFiles.create(folder.keystore(), doc);
                folder.writeSettings(settings);
            } catch (FileAlreadyExistsException e) {
                throw walletExists();
            } catch (IOException e) {
                throw io("cannot write the wallet", e);
            }
            LOG.info("{} wallet {} in {} on {}", verb, key.address(), folder.dir(), network.name());
            return key.address();
        }
    }

    private WalletException walletExists() {
        return new WalletException(WalletException.Reason.WALLET_EXISTS, "a wallet already exists in " + folder.dir()
                + " (it is never overwritten; use another --wallet-dir)");
    }

    /**
     * The wallet's address, read from the keystore without the password.
     *
     * @throws WalletException NO_WALLET, CORRUPT_KEYSTORE, IO
     */
    public TronAddress address() {
        KeystoreDocument doc = readKeystore();
        return doc.address().orElseThrow(() -> new WalletException(WalletException.Reason.CORRUPT_KEYSTORE,
                "keystore " + folder.keystore() + " records no address"));
    }

    /**
     * Decrypts the key. The returned handle signs until it is locked.
     *
     * @throws WalletException WRONG_PASSWORD, CORRUPT_KEYSTORE, NO_WALLET, IO
     */
    public UnlockedWallet unlock(char[] password) {
        KeystoreDocument doc = readKeystore();
        try {
            return new UnlockedWallet(options.keystore().decryptKey(doc, password));
        } catch (WrongPasswordException e) {
            throw wrongPassword(e);
        } catch (InvalidKeystoreException e) {
            throw corrupt(e);
        }
    }

    /**
     * Re-encrypts the keystore (and the kept mnemonic) under a new password; on any failure the file is untouched.
     *
     * @throws WalletException WRONG_PASSWORD, CORRUPT_KEYSTORE, NO_WALLET, INVALID_INPUT (empty new password), IO
     */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        if (newPassword.length == 0) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, "the new password must not be empty");
        }
        synchronized (lock) {
            requireKeystore();
            try {
                KeystoreFiles.changePassword(folder.keystore(), options.keystore(), oldPassword, newPassword);
            } catch (WrongPasswordException e) {
                throw wrongPassword(e);
            } catch (InvalidKeystoreException e) {
                throw corrupt(e);
            } catch (KeystoreException e) {
                throw new WalletException(WalletException.Reason.CORRUPT_KEYSTORE, e.getMessage(), e);
            } catch (IOException e) {
                throw io("cannot change the password", e);
            }
        }
    }

    /**
     * Writes a backup copy of the keystore (validated first, owner-only) to {@code destination}, which must not exist.
     *
     * @throws WalletException NO_WALLET, CORRUPT_KEYSTORE, WALLET_EXISTS if the destination exists, IO
     */
    public void exportBackup(Path destination) {
        synchronized (lock) {
            requireKeystore();
            try {
                KeystoreFiles.exportBackup(folder.keystore(), destination);
            } catch (FileAlreadyExistsException e) {
                throw new WalletException(WalletException.Reason.WALLET_EXISTS, destination
                        + " already exists (a backup never overwrites a file)");
            } catch (InvalidKeystoreException e) {
                throw corrupt(e);
            } catch (IOException e) {
                throw io("cannot write the backup", e);
            }
            LOG.info("exported a keystore backup to {}", destination);
        }
    }

    private KeystoreDocument readKeystore() {
        requireKeystore();
        try {
            return KeystoreFiles.read(folder.keystore());
        } catch (InvalidKeystoreException e) {
            throw corrupt(e);
        } catch (NoSuchFileException e) {
            throw noWallet();
        } catch (IOException e) {
            throw io("cannot read the keystore", e);
        }
    }

    private void requireKeystore() {
        if (!folder.hasKeystore()) {
            throw noWallet();
        }
    }

    private WalletException noWallet() {
        return new WalletException(WalletException.Reason.NO_WALLET, "no wallet in " + folder.dir()
                + " (create or import one first)");
    }

    private static WalletException wrongPassword(WrongPasswordException e) {
        return new WalletException(WalletException.Reason.WRONG_PASSWORD, "wrong password", e);
    }

    private WalletException corrupt(InvalidKeystoreException e) {
        return new WalletException(WalletException.Reason.CORRUPT_KEYSTORE, "keystore " + folder.keystore()
                + " is corrupt: " + e.getMessage(), e);
    }

    private static WalletException io(String what, IOException e) {
        return new WalletException(WalletException.Reason.IO, what + ": " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), e);
    }

    // ------------------------------------------------------------------ assets and balances

    /**
     * The asset called {@code name}: {@code trx}, {@code btt} (TRC-20) or {@code bttold} (TRC-10 1002000, whose
     * precision is read from the chain).
     *
     * @throws WalletException INVALID_INPUT for another name; NETWORK if the legacy token's precision is unavailable
     */
    public Asset asset(String name) {
        return AssetName.parse(name).resolve(() -> bttOld().orElseThrow(() -> new WalletException(
                WalletException.Reason.NETWORK, "legacy BTT (TRC-10 " + Asset.BTT_OLD_TOKEN_ID + ") does not exist on "
                + network.name())));
    }

    /**
     * Parses an amount of {@code asset} exactly (no rounding, no floating point).
     *
     * @throws WalletException INVALID_INPUT naming the problem (too many decimals, bad character, ...)
     */
    public static Amount parseAmount(String text, Asset asset) {
        try {
            Amount amount = Amount.parse(text, asset);
            if (amount.isZero()) {
                throw new WalletException(WalletException.Reason.INVALID_INPUT, "amount must be more than 0");
            }
            return amount;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, "invalid amount: " + e.getMessage(), e);
        }
    }

    /** Legacy BTT with the chain's precision, or empty if the token does not exist on this network. */
    public Optional<Asset.Trc10> bttOld() {
        Optional<Asset.Trc10> known = bttOld;
        if (known != null) {
            return known;
        }
        Optional<Asset.Trc10> found;
        try {
            found = Optional.of(Asset.bttOld(chain().trc10Precision(Asset.BTT_OLD_TOKEN_ID)));
        } catch (ChainException e) {
            if (!e.getMessage().contains("no TRC-10 token")) {
                throw network(e);
            }
            found = Optional.empty();
        }
        bttOld = found;
        return found;
    }

    /**
     * TRX, BTT and legacy BTT held by {@code address}. A token that does not exist on this network is empty.
     *
     * @throws WalletException NETWORK
     */
    public Balances balances(TronAddress address) {
        ChainClient c = chain();
        try {
            Amount trx = c.balance(address, Asset.TRX);
            Optional<Amount> btt = token(c, address, Asset.BTT);
            Optional<Amount> old = bttOld().flatMap(a -> token(c, address, a));
            return new Balances(address, trx, btt, old);
        } catch (ChainException e) {
            throw network(e);
        }
    }

    private static Optional<Amount> token(ChainClient c, TronAddress address, Asset asset) {
        try {
            return Optional.of(c.balance(address, asset));
        } catch (ChainException e) {
            LOG.debug("no {} balance: {}", asset.symbol(), e.getMessage());
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ sending

    /**
     * Checks that the wallet holds the amount, builds and signs the transfer offline against the node's head block,
     * asks the node what it will cost and checks that the wallet holds the fee too. Nothing is sent yet.
     *
     * @throws WalletException INVALID_INPUT (to self, amount out of range), INSUFFICIENT_FUNDS, NETWORK
     */
    public PreparedTransfer prepare(UnlockedWallet from, TronAddress to, Amount amount) {
        Transfer transfer;
        try {
            transfer = Transfer.of(from.address(), to, amount);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
        ChainClient c = chain();
        try {
            Amount held = c.balance(transfer.owner(), transfer.asset());
            if (held.compareTo(transfer.value()) < 0) {
                throw new WalletException(WalletException.Reason.INSUFFICIENT_FUNDS, "insufficient balance: "
                        + transfer.owner() + " holds " + held + ", sending " + transfer.value());
            }
            HeadBlock head = c.head();
            long feeLimit = transfer instanceof Transfer.Trc20 ? options.trc20FeeLimitSun() : 0;
            SignedTransaction signed = SignedTransaction.sign(TransferBuilder.build(transfer, TxParams.of(
                    head.refBlock(), head.timestampMillis(), options.transactionTtl(), feeLimit)), from.signer());
            FeeEstimate estimate = c.estimateFee(signed);
            PreparedTransfer prepared = new PreparedTransfer(transfer, signed, estimate, feeLimit);
            checkFee(c, prepared);
            return prepared;
        } catch (ChainException e) {
            throw network(e);
        }
    }

    private static void checkFee(ChainClient c, PreparedTransfer p) {
        Transfer t = p.transfer();
        BigInteger trxNeeded = BigInteger.valueOf(p.estimate().totalSun());
        if (t instanceof Transfer.Trx) {
            trxNeeded = trxNeeded.add(t.amount());
        }
        BigInteger trx = c.trxBalance(t.owner());
        if (trx.compareTo(trxNeeded) < 0) {
            throw new WalletException(WalletException.Reason.INSUFFICIENT_FUNDS, "insufficient balance: "
                    + t.owner() + " holds " + Amount.ofUnits(trx, Asset.TRX) + ", needs "
                    + Amount.ofUnits(trxNeeded, Asset.TRX) + " (amount and fee " + p.fee() + ")");
        }
    }

    /**
     * Records the prepared transfer in the history (SIGNED), then broadcasts it (BROADCAST).
     *
     * @throws WalletException REJECTED with the node's code and words (the entry is kept as FAILED); NETWORK if the
     *     node could not be reached (the entry stays SIGNED for {@link #rebroadcast}); INVALID_INPUT if it expired
     */
    public TxStatus send(PreparedTransfer prepared) {
        if (options.clock().millis() >= prepared.expirationMillis()) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, "the prepared transfer expired before it"
                    + " was sent; prepare it again");
        }
        try {
            TxStatus status = outbox().send(prepared.signed(), prepared.transfer());
            LOG.info("sent {} {} to {} on {}", prepared.txid(), prepared.transfer().value(),
                    prepared.transfer().recipient(), network.name());
            return status;
        } catch (BroadcastRejectedException e) {
            throw new WalletException(WalletException.Reason.REJECTED, "the node refused the transaction: "
                    + e.code() + ": " + e.nodeMessage(), e);
        } catch (ChainException e) {
            throw new WalletException(WalletException.Reason.NETWORK, e.getMessage()
                    + " (the transaction is recorded and can be re-broadcast)", e);
        } catch (HistoryException e) {
            throw new WalletException(WalletException.Reason.IO, e.getMessage(), e);
        }
    }

    /** Broadcasts a recorded SIGNED transaction again (after a network failure). */
    public TxStatus rebroadcast(String txid) {
        try {
            return outbox().rebroadcast(txid);
        } catch (BroadcastRejectedException e) {
            throw new WalletException(WalletException.Reason.REJECTED, "the node refused the transaction: "
                    + e.code() + ": " + e.nodeMessage(), e);
        } catch (ChainException e) {
            throw network(e);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    /** Asks the node where {@code txid} stands and records it. */
    public TxStatus refresh(String txid) {
        try {
            return outbox().refresh(txid);
        } catch (ChainException e) {
            throw network(e);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    /** Refreshes every entry not yet final; returns how many changed state. */
    public int refreshUnsettled() {
        try {
            return outbox().refreshUnsettled();
        } catch (ChainException e) {
            throw network(e);
        }
    }

    /**
     * Follows {@code txid} until it reaches {@code until} (e.g. IN_BLOCK or SOLID) or a final state, or until the
     * timeout passes; returns the last status either way (the caller tells a timeout by the state).
     */
    public TxStatus await(String txid, TxState until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TxStatus status = refresh(txid);
            if (status.state().isFinal() || status.state().compareTo(until) >= 0
                    || System.nanoTime() - deadline >= 0) {
                return status;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(options.pollInterval().toMillis(),
                        (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    /** The newest {@code limit} history entries on this network, newest first (local, no node call). */
    public List<HistoryEntry> history(int limit) {
        try {
            return history().recent(limit);
        } catch (HistoryException e) {
            throw new WalletException(WalletException.Reason.IO, e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private ChainClient chain() {
        synchronized (lock) {
            checkOpen();
            if (chain == null) {
                chain = chainFactory.apply(network);
            }
            return chain;
        }
    }

    private TransactionHistory history() {
        synchronized (lock) {
            checkOpen();
            if (history == null) {
                requireKeystore();
                history = TransactionHistory.open(folder.history(network.name()));
            }
            return history;
        }
    }

    private Outbox outbox() {
        synchronized (lock) {
            if (outbox == null) {
                outbox = new Outbox(chain(), history(), options.clock());
            }
            return outbox;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("wallet service is closed");
        }
    }

    private WalletException network(ChainException e) {
        return new WalletException(WalletException.Reason.NETWORK, e.getMessage(), e);
    }

    /** Closes the node connection and the history. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (chain != null) {
                chain.close();
                chain = null;
            }
            if (history != null) {
                history.close();
                history = null;
            }
            outbox = null;
        }
    }
}
