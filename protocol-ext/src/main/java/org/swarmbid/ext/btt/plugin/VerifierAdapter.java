package org.swarmbid.ext.btt.plugin;

import java.util.Arrays;
import java.util.Optional;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.port.ChequeVerifierPort;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.SignatureVerifier;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The bidding engine's {@link ChequeVerifierPort} on top of protocol-ext's {@link SignatureVerifier}: recovers the
 * signer and compares its Base58Check address ({@link Ids#address}). Remembers the last recovery, so that
 * {@code SellerBook.evaluateCheque} right after {@code ChequeValidator} (which recovered the same signature) costs no
 * second recovery. Malformed signatures verify as false. Thread-safe.
 */
final class VerifierAdapter implements ChequeVerifierPort {
    private final SignatureVerifier verifier;
    private byte[] lastDigest;
    private byte[] lastSignature;
    private Optional<TronAccount> lastSigner = Optional.empty();

    VerifierAdapter(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /** Recovers the signer (remembering the answer). */
    synchronized Optional<TronAccount> recover(byte[] digest, Signature signature) {
        byte[] sig = signature.bytes();
        if (Arrays.equals(digest, lastDigest) && Arrays.equals(sig, lastSignature)) {
            return lastSigner;
        }
        Optional<TronAccount> signer;
        try {
            signer = verifier.recover(digest, signature);
        } catch (RuntimeException e) {
            signer = Optional.empty();
        }
        lastDigest = digest.clone();
        lastSignature = sig;
        lastSigner = signer;
        return signer;
    }

    @Override
    public boolean verify(Digest32 digest, byte[] signature, Address expectedSigner) {
        Signature sig;
        try {
            sig = Signature.of(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return recover(digest.bytes(), sig).map(Ids::address).filter(expectedSigner::equals).isPresent();
    }

    /** The same port as protocol-ext's {@link SignatureVerifier}, memoised. */
    SignatureVerifier asSignatureVerifier() {
        return this::recover;
    }
}
