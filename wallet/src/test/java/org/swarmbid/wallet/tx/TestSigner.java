package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.swarmbid.wallet.devnet.SignatureRecovery;

/**
 * Test-only secp256k1 signer: RFC 6979 deterministic k, low-s, recovery id by trial recovery.
 */
// replace with org.swarmbid.wallet.crypto once merged
public final class TestSigner implements TransactionSigner {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private final BigInteger key;
    private final ECPoint publicKey;
    private final ByteString address;

    public TestSigner(String privateKeyHex) {
        this.key = new BigInteger(1, HexFormat.of().parseHex(privateKeyHex));
        this.publicKey = CURVE.getG().multiply(key).normalize();
        this.address = SignatureRecovery.address(publicKey);
    }

    /** A fresh signer from a counter-derived key (deterministic per seed, for tests only). */
    public static TestSigner fromSeed(int seed) {
        byte[] k = SignedTransaction.sha256(("swarmbid-test-key-" + seed).getBytes(StandardCharsets.UTF_8));
        return new TestSigner(HexFormat.of().formatHex(k));
    }

    @Override
    public ByteString address() {
        return address;
    }

    @Override
    public byte[] sign(byte[] txid) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key, DOMAIN));
        BigInteger[] rs = signer.generateSignature(txid);
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (s.compareTo(CURVE.getN().shiftRight(1)) > 0) {
            s = CURVE.getN().subtract(s);
        }
        for (int recId = 0; recId < 2; recId++) {
            var q = SignatureRecovery.recoverPublicKey(txid, r, s, recId);
            if (q.isPresent() && q.get().equals(publicKey)) {
                byte[] out = new byte[65];
                put32(r, out, 0);
                put32(s, out, 32);
                out[64] = (byte) recId;
                return out;
            }
        }
        throw new IllegalStateException("no recovery id matches");
    }

    private static void put32(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, off + 32 - len, len);
    }
}
