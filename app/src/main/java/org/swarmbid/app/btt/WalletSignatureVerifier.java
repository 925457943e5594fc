package org.swarmbid.app.btt;

import java.util.Objects;
import java.util.Optional;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.port.ChequeVerifierPort;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.SignatureVerifier;
import org.swarmbid.ext.btt.TronAccount;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.key.TronAddress;

/**
 * Recovers who signed a TIP-712 digest: secp256k1 public-key recovery (SEC 1 v2 §4.1.6) with the wallet's
 * {@link Secp256k1}, then the TRON address {@code 0x41 || keccak256(X || Y)[12..32]} (docs/btt-extension.md §6.5).
 *
 * <p>Only the canonical form is accepted: 65 bytes, {@code v} in {27, 28}, 1 ≤ r &lt; n, 1 ≤ s ≤ n/2 — the checks
 * of {@link Signature#of}. Bad input never throws: {@link #recover} is empty and {@link #verify} false.
 *
 * <p>Implements the protocol's {@link SignatureVerifier} and the bidding engine's {@link ChequeVerifierPort}.
 * Stateless and thread-safe; pure CPU (about a millisecond per call).
 */
public final class WalletSignatureVerifier implements SignatureVerifier, ChequeVerifierPort {

    @Override
    public Optional<TronAccount> recover(byte[] digest32, Signature signature) {
        if (digest32 == null || digest32.length != 32 || signature == null) {
            return Optional.empty();
        }
        return recoverAddress(digest32, signature.bytes()).map(a -> TronAccount.of(a.toBytes()));
    }

    @Override
    public boolean verify(Digest32 digest, byte[] signature, Address expectedSigner) {
        if (digest == null || signature == null || expectedSigner == null) {
            return false;
        }
        TronAddress expected;
        try {
            expected = TronAddress.parse(expectedSigner.value());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return recoverAddress(digest.bytes(), signature).map(expected::equals).orElse(false);
    }

    private static Optional<TronAddress> recoverAddress(byte[] digest32, byte[] signature) {
        try {
            Signature canonical = Signature.of(Objects.requireNonNull(signature));
            RecoverableSignature rs = RecoverableSignature.fromBytes(canonical.bytes());
            return Optional.of(TronAddress.fromPublicKey(Secp256k1.recoverPublicKey(digest32, rs)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "WalletSignatureVerifier";
    }
}
