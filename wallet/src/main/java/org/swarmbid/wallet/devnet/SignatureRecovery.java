package org.swarmbid.wallet.devnet;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Recovers the signing address of a TRON signature (SEC 1 v2 §4.1.6 public-key recovery on secp256k1, then
 * {@code 0x41 || keccak256(X || Y)[12..32)}), with Bouncy Castle's lightweight API.
 *
 * <p>Signature layout: {@code r (32) || s (32) || v (1)}, v = recovery id 0/1 (27/28 are accepted too, as java-tron
 * does).
 */
// replace with org.swarmbid.wallet.crypto once merged
public final class SignatureRecovery {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final BigInteger N = CURVE.getN();

    private SignatureRecovery() {
    }

    /** The 21-byte address that signed {@code hash32}, or empty if the signature is malformed or unrecoverable. */
    public static Optional<ByteString> recoverAddress(byte[] hash32, byte[] signature65) {
        if (hash32 == null || hash32.length != 32 || signature65 == null || signature65.length != 65) {
            return Optional.empty();
        }
        int v = signature65[64] & 0xff;
        if (v >= 27) {
            v -= 27;
        }
        if (v > 1) {
            return Optional.empty();
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature65, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature65, 32, 64));
        return recoverPublicKey(hash32, r, s, v).map(SignatureRecovery::address);
    }

    /** SEC 1 §4.1.6 for recovery id {@code recId} (0 or 1); empty if no valid point results. */
    public static Optional<ECPoint> recoverPublicKey(byte[] hash32, BigInteger r, BigInteger s, int recId) {
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return Optional.empty();
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 + (recId & 1));
        byte[] x = r.toByteArray();
        int len = Math.min(x.length, 32);
        System.arraycopy(x, x.length - len, compressed, 33 - len, len);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? Optional.empty() : Optional.of(q);
    }

    /** {@code 0x41 || keccak256(X || Y)[12..32)} for an uncompressed public key. */
    public static ByteString address(ECPoint publicKey) {
        byte[] encoded = publicKey.normalize().getEncoded(false);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(encoded, 1, 64);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        byte[] address = new byte[21];
        address[0] = 0x41;
        System.arraycopy(hash, 12, address, 1, 20);
        return ByteString.copyFrom(address);
    }
}
