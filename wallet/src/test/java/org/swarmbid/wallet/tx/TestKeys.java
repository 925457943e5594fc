package org.swarmbid.wallet.tx;

import java.nio.charset.StandardCharsets;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;

/** Deterministic throwaway keys for tests: key = SHA-256("swarmbid-test-key-" + seed). */
public final class TestKeys {

    private TestKeys() {
    }

    /** A signer over the test key for {@code seed} (never destroyed: test keys are public). */
    public static PrivateKeySigner signer(int seed) {
        return new PrivateKeySigner(key(seed));
    }

    /** The test key for {@code seed}. */
    public static PrivateKey key(int seed) {
        return PrivateKey.fromBytes(Hashes.sha256(("swarmbid-test-key-" + seed).getBytes(StandardCharsets.UTF_8)));
    }

    /** The address of the test key for {@code seed}. */
    public static TronAddress address(int seed) {
        return signer(seed).address();
    }
}
