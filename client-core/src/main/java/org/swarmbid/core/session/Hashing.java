package org.swarmbid.core.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;

/**
 * SHA-1 for piece checks, always from the JDK's {@code SUN} provider: when the wallet is loaded, Bouncy Castle
 * becomes the first JCA provider and its SHA-1 is several times slower.
 */
final class Hashing {
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1", "SUN");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("the JDK's SUN SHA-1 is missing", e);
        }
    });

    private Hashing() {
    }

    static byte[] sha1(byte[] data, int length) {
        MessageDigest md = SHA1.get();
        md.reset();
        md.update(data, 0, length);
        return md.digest();
    }
}
