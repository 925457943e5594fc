package org.swarmbid.bidding.port;

import java.util.concurrent.CompletableFuture;
import org.swarmbid.bidding.api.Address;

/** Signs cheque and bid digests with the local wallet key (secp256k1 over the TIP-712 digest). */
public interface ChequeSignerPort {
    /** The address whose key signs, i.e. the payer named in our cheques and bids. */
    Address signer();

    /**
     * Signs the digest. Completes with the 65-byte recoverable signature (r, s, v), or exceptionally when the
     * wallet is locked or the user declined. Never logs the key.
     */
    CompletableFuture<byte[]> sign(Digest32 digest);
}
