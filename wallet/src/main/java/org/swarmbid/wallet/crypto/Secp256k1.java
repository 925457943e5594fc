package org.swarmbid.wallet.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 as TRON uses it (SEC 2 §2.4.1): key derivation, RFC 6979 deterministic ECDSA with low-S
 * normalisation, verification and public-key recovery (SEC 1 v2 §4.1.6).
 *
 * <p>All digests are exactly 32 bytes (TRON signs {@code txid = SHA-256(raw_data)}); private keys are 32-byte
 * big-endian scalars in [1, n-1]; public keys are 65-byte uncompressed points {@code 04 || X || Y}.
 */
public final class Secp256k1 {
    private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
    /** Domain parameters. */
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE_PARAMS.getCurve(),
            CURVE_PARAMS.getG(), CURVE_PARAMS.getN(), CURVE_PARAMS.getH());
    /** Group order n. */
    public static final BigInteger N = CURVE_PARAMS.getN();
    /** n / 2: signatures with s above this are normalised to n - s. */
    public static final BigInteger HALF_N = N.shiftRight(1);
    /** Length of an uncompressed public key. */
    public static final int PUBLIC_KEY_LENGTH = 65;
    /** Length of a private key and of a digest. */
    public static final int SCALAR_LENGTH = 32;

    private Secp256k1() {
    }

    /** True if the 32 bytes are a valid private scalar 1 &le; k &lt; n (constant-time is not required here). */
    public static boolean isValidPrivateKey(byte[] privateKey) {
        if (privateKey.length != SCALAR_LENGTH) {
            return false;
        }
        BigInteger k = new BigInteger(1, privateKey);
        return k.signum() > 0 && k.compareTo(N) < 0;
    }

    /** Uncompressed public key {@code 04 || X || Y} of a private key. */
    public static byte[] publicKey(byte[] privateKey) {
        return point(privateKey).getEncoded(false);
    }

    /** Compressed public key {@code 02/03 || X} (BIP-32 uses it for non-hardened derivation). */
    public static byte[] compressedPublicKey(byte[] privateKey) {
        return point(privateKey).getEncoded(true);
    }

    private static ECPoint point(byte[] privateKey) {
        requireValidPrivateKey(privateKey);
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), new BigInteger(1, privateKey)).normalize();
    }

    /**
     * Signs a 32-byte digest with RFC 6979 (HMAC-SHA256) nonces; s is normalised to the lower half and the
     * recovery id is computed so that {@link #recoverPublicKey} returns the signer's key.
     */
    public static RecoverableSignature sign(byte[] digest, byte[] privateKey) {
        requireDigest(digest);
        requireValidPrivateKey(privateKey);
        BigInteger d = new BigInteger(1, privateKey);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (s.compareTo(HALF_N) > 0) {
            s = N.subtract(s);
        }
        byte[] expected = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize().getEncoded(false);
        for (int recId = 0; recId < 4; recId++) {
            Optional<byte[]> candidate = recover(digest, r, s, recId);
            if (candidate.isPresent() && Arrays.equals(candidate.get(), expected)) {
                return new RecoverableSignature(r, s, recId);
            }
        }
        throw new IllegalStateException("could not compute a recovery id for the signature");
    }

    /** Verifies a signature against an uncompressed or compressed public key. High-S signatures are rejected. */
    public static boolean verify(byte[] digest, RecoverableSignature signature, byte[] publicKey) {
        requireDigest(digest);
        if (!signature.isLowS()) {
            return false;
        }
        ECPoint q;
        try {
            q = DOMAIN.getCurve().decodePoint(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return verifier.verifySignature(digest, signature.r(), signature.s());
    }

    /**
     * Recovers the uncompressed public key that produced the signature over the digest.
     *
     * @throws IllegalArgumentException if no key can be recovered (invalid signature for this recovery id)
     */
    public static byte[] recoverPublicKey(byte[] digest, RecoverableSignature signature) {
        requireDigest(digest);
        return recover(digest, signature.r(), signature.s(), signature.recoveryId())
                .orElseThrow(() -> new IllegalArgumentException("no public key recoverable from this signature"));
    }

    /** SEC 1 v2 §4.1.6, for one recovery id. */
    private static Optional<byte[]> recover(byte[] digest, BigInteger r, BigInteger s, int recId) {
        BigInteger x = r.add(N.multiply(BigInteger.valueOf(recId / 2)));
        BigInteger prime = DOMAIN.getCurve().getField().getCharacteristic();
        if (x.compareTo(prime) >= 0) {
            return Optional.empty();
        }
        ECPoint bigR;
        try {
            bigR = decompress(x, (recId & 1) == 1);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        if (!bigR.multiply(N).isInfinity()) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger eNegated = N.subtract(e).mod(N);
        BigInteger rInverse = r.modInverse(N);
        BigInteger srInverse = rInverse.multiply(s).mod(N);
        BigInteger eNegRInverse = rInverse.multiply(eNegated).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), eNegRInverse, bigR, srInverse).normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        return Optional.of(q.getEncoded(false));
    }

    private static ECPoint decompress(BigInteger x, boolean odd) {
        ECCurve curve = DOMAIN.getCurve();
        X9IntegerConverter converter = new X9IntegerConverter();
        byte[] encoded = converter.integerToBytes(x, 1 + converter.getByteLength(curve));
        encoded[0] = (byte) (odd ? 0x03 : 0x02);
        return curve.decodePoint(encoded);
    }

    private static void requireDigest(byte[] digest) {
        if (digest.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("digest must be 32 bytes, got " + digest.length);
        }
    }

    private static void requireValidPrivateKey(byte[] privateKey) {
        if (!isValidPrivateKey(privateKey)) {
            throw new IllegalArgumentException("private key must be 32 bytes in [1, n-1]");
        }
    }
}
