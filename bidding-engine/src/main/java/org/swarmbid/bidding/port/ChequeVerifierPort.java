package org.swarmbid.bidding.port;

import org.swarmbid.bidding.api.Address;

/** Verifies that a signature over a digest was made by the key of an address. */
public interface ChequeVerifierPort {
    /**
     * True only if {@code signature} is a valid recoverable signature over {@code digest} by the key of
     * {@code expectedSigner}. Malformed signatures return false; never throws for bad input.
     */
    boolean verify(Digest32 digest, byte[] signature, Address expectedSigner);
}
