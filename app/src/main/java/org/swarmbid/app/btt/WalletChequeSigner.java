package org.swarmbid.app.btt;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.port.ChequeSignerPort;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.ChequeSigner;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.TronAccount;
import org.swarmbid.wallet.service.UnlockedWallet;
import org.swarmbid.wallet.tx.TransactionSigner;

/**
 * Signs TIP-712 cheque and bid digests (docs/btt-extension.md §6) with the unlocked wallet's key: secp256k1 with RFC
 * 6979 nonces and low-S, as the wallet signs transactions. The wallet emits {@code r || s || recId}; the typed-data
 * form is {@code r || s || (27 + recId)} (§6.5, {@code eth_signTypedData_v4}), so only the last byte changes:
 *
 * <pre>
 *  wallet:  r (32) | s (32) | recId (0/1)
 *  cheque:  r (32) | s (32) | 27 + recId
 * </pre>
 *
 * <p>Implements both the protocol's {@link ChequeSigner} (synchronous, called off the event loop) and the bidding
 * engine's {@link ChequeSignerPort} (asynchronous, on {@code executor}). The key never leaves the
 * {@link TransactionSigner}; nothing here logs. Once the wallet is locked, signing fails with
 * {@link IllegalStateException} (the port's future completes exceptionally).
 */
public final class WalletChequeSigner implements ChequeSigner, ChequeSignerPort {
    private final TransactionSigner signer;
    private final Executor executor;
    private final TronAccount account;
    private final Address address;

    /** Signs with {@code signer}; the port's futures run on {@code executor}. */
    public WalletChequeSigner(TransactionSigner signer, Executor executor) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.account = TronAccount.of(signer.address().toBytes());
        this.address = Address.of(signer.address().toBase58());
    }

    /** Signs with the unlocked wallet (which the caller keeps unlocked while signing and locks afterwards). */
    public static WalletChequeSigner of(UnlockedWallet wallet, Executor executor) {
        return new WalletChequeSigner(wallet.signer(), executor);
    }

    @Override
    public TronAccount address() {
        return account;
    }

    @Override
    public Signature sign(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        byte[] raw = signer.sign(digest32.clone());
        if (raw.length != Signature.LENGTH || (raw[64] & 0xff) > 1) {
            throw new IllegalStateException("wallet signer returned an unexpected signature form");
        }
        raw[64] = (byte) (27 + raw[64]);
        return Signature.of(raw);
    }

    @Override
    public Address signer() {
        return address;
    }

    @Override
    public CompletableFuture<byte[]> sign(Digest32 digest) {
        Objects.requireNonNull(digest, "digest");
        return CompletableFuture.supplyAsync(() -> sign(digest.bytes()).bytes(), executor);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "WalletChequeSigner[" + address + "]";
    }
}
