package org.swarmbid.bidding.seller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.port.ChequeVerifierPort;
import org.swarmbid.bidding.port.Digest32;

/** Test signer: a "signature" is SHA-256(address || digest), so only the named address can have made it. */
public final class FakeKeys implements ChequeVerifierPort {
    public static byte[] sign(Address signer, Digest32 digest) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(signer.value().getBytes(StandardCharsets.US_ASCII));
            md.update(digest.bytes());
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static Digest32 digest(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        b[31] = 7;
        return Digest32.of(b);
    }

    @Override
    public boolean verify(Digest32 digest, byte[] signature, Address expectedSigner) {
        return Arrays.equals(sign(expectedSigner, digest), signature);
    }
}
